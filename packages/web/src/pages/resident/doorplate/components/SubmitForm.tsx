/**
 * The form a resident submits a matter with: kind, text, optional photos,
 * location and verified phone. The draft (see draft.ts) outlives a reload
 * or a failed send; photos upload while the resident writes, so sending is
 * one small request.
 */
import { MATTER_KIND_LABELS, MATTER_KINDS, type MatterKind, PRIVACY_NOTICE_VERSION } from '@jingmin/shared';
import { Button, Card, Checkbox, Form, Selector, TextArea, Toast } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../../api/client';
import { deviceMatters, resident } from '../../../../api/resident';
import { useLang } from '../../../../i18n';
import { usePhoneSession } from '../../components/PhoneVerify';
import { PhotoPicker } from '../../components/PhotoPicker';
import { useElderMode } from '../../components/ResidentShell';
import { usePhotoQueue } from '../../components/usePhotoQueue';
import { type Draft, dropDraft, loadDraft, saveDraft } from './draft';
import { LocationField } from './LocationField';
import { PhoneField } from './PhoneField';

export function SubmitForm({ token }: { token: string }) {
  const { t, label } = useLang();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => loadDraft(token));
  const [agreed, setAgreed] = useState(false);
  // Tapping 提交 before ticking the notice says what is missing, next to the box, and takes the resident there.
  const [consentMissing, setConsentMissing] = useState(false);
  const consentRef = useRef<HTMLDivElement>(null);
  const agree = (on: boolean) => {
    setAgreed(on);
    if (on) setConsentMissing(false);
  };
  const [sending, setSending] = useState(false);
  const phone = usePhoneSession();
  const shareLocation = draft.location !== null;
  const upload = useCallback(
    (file: File, key: string) => resident.uploadSubmissionPhotos(token, [file], key, shareLocation),
    [token, shareLocation],
  );
  const photos = usePhotoQueue(upload, draft.photos);
  useEffect(() => saveDraft(token, { ...draft, photos: photos.uploaded }), [draft, photos.uploaded, token]);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  // In 长辈模式 the optional fields wait behind one button, so the form stays short on a small phone.
  const elder = useElderMode();
  const [extrasOpen, setExtrasOpen] = useState(false);
  const extrasShown =
    !elder || extrasOpen || photos.tiles.length > 0 || draft.location !== null || phone.session !== null;

  const blocker = () => {
    if (!draft.kind || draft.body.trim().length < 2)
      return t('请选择事项类型并写下具体情况', 'Choose a kind and describe the matter');
    if (photos.isBusy) return t('照片还在上传，请稍候再提交', 'Photos are still uploading; please wait');
    if (photos.hasFailed)
      return t('有照片没有传上去：点照片重试，或删掉它', 'A photo did not upload: tap it to retry, or remove it');
    return null;
  };

  const submit = async () => {
    const problem = blocker();
    if (problem || !draft.kind) {
      Toast.show({ content: problem });
      return;
    }
    if (!agreed) {
      setConsentMissing(true);
      consentRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      consentRef.current?.querySelector('input')?.focus({ preventScroll: true });
      return;
    }
    setSending(true);
    try {
      const phoneToken = draft.withPhone ? phone.session?.phoneToken : undefined;
      const receipt = await resident.submit(
        token,
        {
          kind: draft.kind,
          body: draft.body,
          noticeVersion: PRIVACY_NOTICE_VERSION,
          photoIds: photos.uploaded.map((p) => p.id),
          ...(draft.location ? { location: draft.location } : {}),
          ...(phoneToken ? { phoneToken } : {}),
        },
        draft.key,
      );
      // Acknowledged, so committed: only now is the draft let go.
      deviceMatters.add(receipt.trackingToken, {
        number: receipt.number,
        kind: draft.kind,
        submittedAt: receipt.submittedAt,
      });
      dropDraft(token);
      navigate(`/m/${receipt.trackingToken}`, { state: { number: receipt.number } });
    } catch (err) {
      // The draft and its key stay: sending again cannot make a second matter.
      if (err instanceof ApiError && err.code === 'PHOTOS_UNAVAILABLE')
        photos.forget((err.details as { photoIds?: string[] } | undefined)?.photoIds ?? []);
      Toast.show({ icon: 'fail', content: failureText(err, phone.clear, t) });
    } finally {
      setSending(false);
    }
  };

  return (
    <Card title={t('找民警 · 办事 · 求助', 'Reach the police · services · help')} style={{ margin: 12 }}>
      <Form layout="vertical">
        <Form.Item label={t('事项类型', 'Kind')} required>
          <Selector
            columns={2}
            value={draft.kind ? [draft.kind] : []}
            onChange={(v) => update({ kind: (v[0] as MatterKind) ?? null })}
            options={MATTER_KINDS.map((k) => ({ value: k, label: label(MATTER_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item label={t('具体情况', 'What happened')} required>
          <div className="jm-field">
            <TextArea
              placeholder={t('请写下发生了什么、需要什么帮助', 'What happened, and what help do you need?')}
              value={draft.body}
              onChange={(body) => update({ body })}
              maxLength={2000}
              showCount
              autoSize={{ minRows: elder ? 2 : 3, maxRows: 10 }}
            />
          </div>
        </Form.Item>
        {extrasShown ? (
          <>
            <Form.Item label={t('照片（可选）', 'Photos (optional)')}>
              <PhotoPicker
                queue={photos}
                hint={t(
                  '照片中的拍摄位置会被去除，除非您附上位置',
                  'the place a photo was taken is removed unless you attach your location',
                )}
              />
            </Form.Item>
            <Form.Item label={t('位置（可选）', 'Location (optional)')}>
              <LocationField location={draft.location} onChange={(location) => update({ location })} />
            </Form.Item>
            <Form.Item label={t('联系电话（可选）', 'Contact phone (optional)')}>
              <PhoneField
                session={phone.session}
                onVerified={phone.save}
                onForget={phone.clear}
                withPhone={draft.withPhone}
                onWithPhone={(withPhone) => update({ withPhone })}
              />
            </Form.Item>
          </>
        ) : (
          <Form.Item>
            <Button block fill="outline" onClick={() => setExtrasOpen(true)}>
              {t('＋ 照片、位置、电话（可选）', '+ Photos, location, phone (optional)')}
            </Button>
          </Form.Item>
        )}
      </Form>
      <PrivacyNotice />
      <div ref={consentRef} style={consentMissing ? consentAlert : undefined}>
        <Checkbox checked={agreed} onChange={agree}>
          {t('我已阅读上述告知', 'I have read the notice above')}
        </Checkbox>
        <div role="alert" style={{ color: '#b3261e', fontWeight: 600 }}>
          {consentMissing &&
            t('请先勾选“我已阅读上述告知”，再点提交', 'Please tick "I have read the notice above" first, then send')}
        </div>
      </div>
      <Button block color="primary" size="large" style={{ marginTop: 12 }} loading={sending} onClick={submit}>
        {t('提交给派出所', 'Send to the police station')}
      </Button>
    </Card>
  );
}

const consentAlert = { border: '2px solid #b3261e', borderRadius: 6, padding: '0 8px 6px' } as const;

/** What a failed send tells the resident; an expired phone session is dropped so they can verify again. */
function failureText(err: unknown, forgetPhone: () => void, t: (zh: string, en: string) => string) {
  if (!(err instanceof ApiError) || err.status === 0)
    return t(
      '网络不稳定，内容已保存，请稍后再点提交',
      'The network is unstable. Your text is saved; try again shortly',
    );
  if (err.code === 'PHONE_SESSION_REQUIRED') {
    forgetPhone();
    return t(
      '手机号验证已过期，请重新验证，或不附号码直接提交',
      'Your phone verification expired; verify again, or send without it',
    );
  }
  return err.message;
}

function PrivacyNotice() {
  const { t } = useLang();
  return (
    <div className="jm-muted jm-notice" style={{ background: '#f7f8fa', borderRadius: 6, marginBottom: 12 }}>
      <strong>{t('个人信息告知：', 'Privacy notice: ')}</strong>
      {t(
        '您提交的文字和照片由辖区派出所用于办理本事项，仅办理人员可见，按规定期限保存后删除。照片会去掉拍摄信息；位置（包括照片里的位置）只在您选择时提交。手机号可不填，填写并验证后仅用于回电联系和查询您的事项，显示给民警时会隐去中间四位。提交后，您可以在事项页面的“我的信息”中查询、更正联系电话、撤回手机号或申请删除您的信息，派出所将在规定的工作日内答复。',
        "The text and photos you send are used by the local police station to handle this matter, seen only by those handling it, and deleted after the retention period. Photos are stripped of camera data; your location (including a photo's) is sent only if you choose. A phone number is optional; once verified it is used only to call you back and to list your matters, and staff see it with the middle four digits hidden. After sending, “My information” on the matter page lets you view it, correct or withdraw your phone number, or ask for deletion; the station answers within its set working days.",
      )}
      {t(`（告知版本 ${PRIVACY_NOTICE_VERSION}）`, ` (notice version ${PRIVACY_NOTICE_VERSION})`)}
    </div>
  );
}
