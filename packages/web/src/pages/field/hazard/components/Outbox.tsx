/**
 * The hazards and fixes recorded on this phone: waiting for the network, being sent, sent, or refused — a refused
 * one keeps the server's words beside it and can be removed; nothing else in the outbox is touched.
 */
import { Button, List, Tag } from 'antd-mobile';
import { dismiss, type QueuedEntry } from '../../../../field/queue';
import { useLang } from '../../../../i18n';

/** The outbox entries of this page: a hazard recorded, or a hazard's fix. */
export const isHazardEntry = (e: QueuedEntry) =>
  /^\/stations\/[^/]+\/hazards$/.test(e.path) || /^\/hazards\/[^/]+\/rectify$/.test(e.path);

/** The hazard a queued fix is for. */
export const fixOf = (e: QueuedEntry) => /^\/hazards\/([^/]+)\/rectify$/.exec(e.path)?.[1] ?? null;

export const isPending = (e: QueuedEntry) => e.state === 'waiting' || e.state === 'sending';

export function Outbox({ entries }: { entries: QueuedEntry[] }) {
  const { t } = useLang();
  const waiting = entries.filter(isPending).length;
  if (!entries.length) return null;
  return (
    <List header={t(`本机记录（${waiting} 条待提交）`, `On this phone (${waiting} waiting)`)}>
      {[...entries].reverse().map((e) => (
        <Item key={e.key} entry={e} />
      ))}
    </List>
  );
}

function Item({ entry }: { entry: QueuedEntry }) {
  const { t } = useLang();
  const state = {
    waiting: <Tag color="default">{t('等待网络', 'Waiting')}</Tag>,
    sending: <Tag color="primary">{t('正在提交', 'Sending')}</Tag>,
    sent: <Tag color="success">{t('已提交', 'Sent')}</Tag>,
    refused: <Tag color="danger">{t('未被接受', 'Refused')}</Tag>,
  }[entry.state];
  const photos = entry.photos ? (entry.photos.ids?.length ?? entry.photos.files.length) : 0;
  const when = new Date(entry.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });
  const line = [entry.kind, photos ? t(`${photos} 张照片`, `${photos} photo(s)`) : null, when]
    .filter(Boolean)
    .join(' · ');
  const done = entry.state === 'sent' || entry.state === 'refused';
  return (
    <List.Item
      description={
        <>
          <div>{line}</div>
          {entry.state === 'refused' && (
            <div role="alert" style={{ color: '#c8102e' }}>
              {entry.error}
            </div>
          )}
        </>
      }
      extra={
        done ? (
          <Button size="small" onClick={() => void dismiss(entry.key)}>
            {entry.state === 'refused' ? t('放弃', 'Discard') : t('移除', 'Remove')}
          </Button>
        ) : (
          state
        )
      }
    >
      <span>
        {done ? <>{state} </> : null}
        {entry.title}
      </span>
    </List.Item>
  );
}
