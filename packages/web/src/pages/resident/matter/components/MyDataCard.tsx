/**
 * 我的信息: what the station keeps of the resident on this matter, and their
 * rights over it — correct the contact phone (a new number is proved by
 * one-time code first), withdraw it, or ask for deletion, with the request's
 * state, its due date and the station's answer. The server says which of
 * these the resident may do now (`allowedActions`).
 */
import {
  type PhoneSession,
  PRIVACY_REQUEST_STATUS_LABELS,
  type PrivacyRequestView,
  type ResidentPrivacyView,
} from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Dialog, Tag, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { residentPrivacy } from '../../../../api/privacy';
import { resident } from '../../../../api/resident';
import { useLang } from '../../../../i18n';
import { PhoneVerify, usePhoneSession } from '../../components/PhoneVerify';

// 44 px touch targets, 60 px in elder mode (MIIT 适老化); text stays dark enough to read (WCAG AA).
const CSS = `
.jm-mydata .adm-button { min-height: 44px; }
.jm-elder .jm-mydata .adm-button { min-height: 60px; }
.jm-mydata .jm-mydata-actions { display: grid; gap: 10px; margin-top: 12px; }
.jm-mydata .jm-mydata-muted { color: #595959; font-size: .87em; line-height: 1.6; }
.jm-elder .jm-mydata .jm-mydata-muted { font-size: 18px; }
`;

/** `2026-12-03` → 12月3日 / 3 Dec 2026. */
function dayText(date: string, locale: string) {
  const d = new Date(`${date}T00:00:00Z`);
  if (locale === 'en') return d.toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** The latest deletion request and what came of it. */
function DeletionState({ request, deletedAt }: { request: PrivacyRequestView; deletedAt: string | null }) {
  const { t, label, locale } = useLang();
  const color = request.status === 'open' ? 'warning' : request.status === 'done' ? 'success' : 'default';
  return (
    <div style={{ marginTop: 12, padding: 10, background: '#f7f8fa', borderRadius: 6 }} aria-live="polite">
      <div>
        {t('删除申请：', 'Deletion request: ')}
        <Tag color={color} fill="outline" style={{ fontSize: 'inherit' }}>
          {label(PRIVACY_REQUEST_STATUS_LABELS[request.status])}
        </Tag>
      </div>
      {request.status === 'open' && request.dueOn && (
        <div className="jm-mydata-muted">
          {request.overdue
            ? t('已超过答复期限，您可以致电派出所催问。', 'The answer is overdue; you may call the station.')
            : t(
                `派出所将于 ${dayText(request.dueOn, locale)} 前答复。`,
                `The station will answer by ${dayText(request.dueOn, locale)}.`,
              )}
        </div>
      )}
      {request.status === 'done' && deletedAt && (
        <div className="jm-mydata-muted">
          {t(
            '您写的内容、留言文字、照片、位置和联系电话已删除；回执号、类型、办理状态和时间依法保留。',
            'Your text, messages, photos, location and phone number were deleted; the receipt number, kind, status and dates are kept as the law requires.',
          )}
        </div>
      )}
      {request.answer && (
        <div style={{ marginTop: 6, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {t('派出所答复：', 'The station’s answer: ')}
          {request.answer}
        </div>
      )}
    </div>
  );
}

/** Keeps 我的信息 in step with the matter: the page's live stream refreshes the matter, and this follows. */
function usePrivacy(tracking: string) {
  const matter = useQuery({
    queryKey: ['resident-matter', tracking],
    queryFn: () => resident.matter(tracking),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const privacy = useQuery({
    queryKey: ['resident-privacy', tracking],
    queryFn: () => residentPrivacy.view(tracking),
    retry: false,
  });
  const { refetch } = privacy;
  useEffect(() => {
    if (matter.dataUpdatedAt) void refetch();
  }, [matter.dataUpdatedAt, refetch]);
  return privacy;
}

type T = (zh: string, en: string) => string;

/** Calls one of the resident's actions, shows its outcome, and refreshes the card and the matter. */
function useRun(tracking: string) {
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<ResidentPrivacyView>, done: string) => {
    setBusy(true);
    try {
      client.setQueryData(['resident-privacy', tracking], await call());
      await client.invalidateQueries({ queryKey: ['resident-matter', tracking] });
      Toast.show({ icon: 'success', content: done });
      return true;
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

const confirmWithdraw = (t: T) =>
  Dialog.confirm({
    title: t('撤回手机号？', 'Withdraw your phone number?'),
    content: t(
      '撤回后号码立即删除，派出所无法再回电联系您，这件事项也不再出现在该号码的“我的事项”中。',
      'The number is deleted at once: the station can no longer call you back, and this matter leaves the number’s "My matters".',
    ),
    confirmText: t('确定撤回', 'Withdraw'),
    cancelText: t('取消', 'Cancel'),
  });

const confirmDeletion = (t: T, days: number) =>
  Dialog.confirm({
    title: t('申请删除个人信息？', 'Ask to delete your personal information?'),
    content: t(
      `将删除：您写的内容、留言文字、照片、位置和联系电话。依法保留：回执号、事项类型、办理状态和时间、办理单位。派出所将在 ${days} 个工作日内答复；事项仍在办理时可能暂不删除。`,
      `To be deleted: your text, messages, photos, location and phone number. Kept as the law requires: the receipt number, kind, status, dates and who handled it. The station answers within ${days} working days; while the matter is being handled it may not be deleted yet.`,
    ),
    confirmText: t('提交申请', 'Send request'),
    cancelText: t('取消', 'Cancel'),
  });

/** 更正联系电话: the number this device already verified, or a new one proved by one-time code here. */
function CorrectPhone(props: { current: string | null; busy: boolean; onVerified(session: PhoneSession): void }) {
  const { t } = useLang();
  const verified = usePhoneSession().session;
  return (
    <div style={{ marginTop: 12 }}>
      <div className="jm-mydata-muted">
        {t('新号码需先用短信验证码验证。', 'The new number is verified by a text-message code first.')}
      </div>
      {verified && verified.phoneMasked !== props.current && (
        <Button block color="primary" fill="outline" loading={props.busy} onClick={() => props.onVerified(verified)}>
          {t(`改用已验证的 ${verified.phoneMasked}`, `Use the verified ${verified.phoneMasked}`)}
        </Button>
      )}
      <PhoneVerify onVerified={props.onVerified} />
    </div>
  );
}

export function MyDataCard({ tracking }: { tracking: string }) {
  const { t } = useLang();
  const v = usePrivacy(tracking).data;
  const phone = usePhoneSession();
  const { busy, run } = useRun(tracking);
  const [correcting, setCorrecting] = useState(false);
  if (!v) return null;
  const can = (a: ResidentPrivacyView['allowedActions'][number]) => v.allowedActions.includes(a);
  const deletion = v.requests.find((r) => r.kind === 'delete');
  const correct = async (session: PhoneSession) => {
    phone.save(session);
    if (await run(() => residentPrivacy.correctPhone(tracking, session.phoneToken), t('已更正', 'Corrected')))
      setCorrecting(false);
  };
  const withdraw = async () => {
    if (await confirmWithdraw(t)) await run(() => residentPrivacy.withdrawPhone(tracking), t('已撤回', 'Withdrawn'));
  };
  const askDeletion = async () => {
    if (await confirmDeletion(t, v.answerWorkingDays))
      await run(() => residentPrivacy.requestDeletion(tracking), t('申请已提交', 'Request sent'));
  };
  return (
    <Card title={t('我的信息', 'My information')} className="jm-mydata" style={{ margin: 12 }}>
      <div>
        {t('联系电话：', 'Contact phone: ')}
        <strong>{v.contactPhone ?? (v.contentDeletedAt ? t('已删除', 'deleted') : t('未留', 'none'))}</strong>
      </div>
      {v.allowedActions.length > 0 && (
        <div className="jm-mydata-muted">
          {t(
            '您可以更正联系电话、撤回手机号，或申请删除您在本事项中的个人信息。',
            'You can correct your contact phone, withdraw it, or ask to delete your personal information in this matter.',
          )}
        </div>
      )}
      {deletion && <DeletionState request={deletion} deletedAt={v.contentDeletedAt} />}
      {correcting && <CorrectPhone current={v.contactPhone} busy={busy} onVerified={(s) => void correct(s)} />}
      <div className="jm-mydata-actions">
        {can('correct_phone') && (
          <Button block fill={correcting ? 'none' : 'solid'} onClick={() => setCorrecting(!correcting)}>
            {correcting
              ? t('取消更正', 'Cancel')
              : v.contactPhone
                ? t('更正联系电话', 'Correct contact phone')
                : t('补充联系电话', 'Add a contact phone')}
          </Button>
        )}
        {can('withdraw_phone') && (
          <Button block loading={busy} onClick={() => void withdraw()}>
            {t('撤回手机号', 'Withdraw phone number')}
          </Button>
        )}
        {can('delete') && (
          <Button block color="danger" fill="outline" loading={busy} onClick={() => void askDeletion()}>
            {t('申请删除', 'Ask for deletion')}
          </Button>
        )}
      </div>
      <style>{CSS}</style>
    </Card>
  );
}
