/**
 * The form a resident submits a matter with. The draft and
 * its idempotency key stay in this tab (sessionStorage) until the server
 * acknowledges the commit, so a reload or a failed send loses nothing and a
 * retry never makes two matters.
 */
import { MATTER_KIND_LABELS, MATTER_KINDS, type MatterKind, PRIVACY_NOTICE_VERSION } from '@jingmin/shared';
import { Button, Card, Checkbox, Form, Selector, TextArea, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../../api/client';
import { deviceMatters, resident } from '../../../../api/resident';

interface Draft {
  key: string;
  kind: MatterKind | null;
  body: string;
  location: { lat: number; lng: number; accuracy?: number } | null;
}

const draftKey = (token: string) => `jm.draft.${token}`;
const freshDraft = (): Draft => ({ key: crypto.randomUUID(), kind: null, body: '', location: null });

function loadDraft(token: string): Draft {
  try {
    return { ...freshDraft(), ...(JSON.parse(sessionStorage.getItem(draftKey(token)) ?? 'null') as Draft | null) };
  } catch {
    return freshDraft();
  }
}

export function SubmitForm({ token }: { token: string }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => loadDraft(token));
  const [agreed, setAgreed] = useState(false);
  const [sending, setSending] = useState(false);
  useEffect(() => sessionStorage.setItem(draftKey(token), JSON.stringify(draft)), [draft, token]);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const locate = () =>
    navigator.geolocation?.getCurrentPosition(
      (pos) =>
        update({
          location: { lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: Math.round(pos.coords.accuracy) },
        }),
      () => Toast.show({ content: '没有取得位置，可以不附位置直接提交' }),
      { enableHighAccuracy: false, timeout: 10_000 },
    );

  const submit = async () => {
    if (!draft.kind || draft.body.trim().length < 2) {
      Toast.show({ content: '请选择事项类型并写下具体情况' });
      return;
    }
    setSending(true);
    try {
      const receipt = await resident.submit(
        token,
        {
          kind: draft.kind,
          body: draft.body,
          noticeVersion: PRIVACY_NOTICE_VERSION,
          ...(draft.location ? { location: draft.location } : {}),
        },
        draft.key,
      );
      // Acknowledged, so committed: only now is the draft let go.
      deviceMatters.add(receipt.trackingToken);
      sessionStorage.removeItem(draftKey(token));
      navigate(`/m/${receipt.trackingToken}`, { state: { number: receipt.number } });
    } catch (err) {
      // The draft and its key stay: sending again cannot make a second matter.
      Toast.show({
        icon: 'fail',
        content: err instanceof ApiError && err.status !== 0 ? err.message : '网络不稳定，内容已保存，请稍后再点提交',
      });
    } finally {
      setSending(false);
    }
  };

  return (
    <Card title="找民警 · 办事 · 求助" style={{ margin: 12 }}>
      <Form layout="vertical">
        <Form.Item label="事项类型" required>
          <Selector
            columns={2}
            value={draft.kind ? [draft.kind] : []}
            onChange={(v) => update({ kind: (v[0] as MatterKind) ?? null })}
            options={MATTER_KINDS.map((k) => ({ value: k, label: MATTER_KIND_LABELS[k].zh }))}
          />
        </Form.Item>
        <Form.Item label="具体情况" required>
          <TextArea
            placeholder="请写下发生了什么、需要什么帮助"
            value={draft.body}
            onChange={(body) => update({ body })}
            maxLength={2000}
            showCount
            autoSize={{ minRows: 4, maxRows: 10 }}
          />
        </Form.Item>
        <Form.Item label="位置（可选）">
          {draft.location ? (
            <span>
              已附上位置（约 {draft.location.accuracy ?? '?'} 米精度）{' '}
              <Button size="mini" fill="none" color="primary" onClick={() => update({ location: null })}>
                去掉
              </Button>
            </span>
          ) : (
            <Button size="small" onClick={locate}>
              附上我的位置
            </Button>
          )}
        </Form.Item>
      </Form>
      <div
        style={{ fontSize: 13, color: '#555', background: '#f7f8fa', padding: 10, borderRadius: 6, marginBottom: 12 }}
      >
        <strong>个人信息告知：</strong>您提交的内容由{' '}
        辖区派出所用于办理本事项，仅办理人员可见，按规定期限保存后删除；位置只在您选择时提交。您可以通过本页面查询、更正或要求删除您的信息。（告知版本{' '}
        {PRIVACY_NOTICE_VERSION}）
      </div>
      <Checkbox checked={agreed} onChange={setAgreed}>
        我已阅读上述告知
      </Checkbox>
      <Button
        block
        color="primary"
        size="large"
        style={{ marginTop: 12 }}
        loading={sending}
        disabled={!agreed}
        onClick={submit}
      >
        提交给派出所
      </Button>
    </Card>
  );
}
