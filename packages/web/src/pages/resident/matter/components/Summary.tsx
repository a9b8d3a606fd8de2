/** The head of the matter page: receipt number, live state, what the resident sent and who handles it. */
import { MATTER_KIND_LABELS, MATTER_STATUS_LABELS, type ResidentMatterView } from '@jingmin/shared';
import { Card, Tag } from 'antd-mobile';
import { useLang } from '../../../../i18n';
import { PhotoGrid } from '../../components/PhotoGrid';

const muted = { color: '#666' } as const;

export function Summary({ m, tracking, live }: { m: ResidentMatterView; tracking: string; live: boolean }) {
  const { t, label } = useLang();
  return (
    <Card
      title={t(`回执号 ${m.number}`, `Receipt ${m.number}`)}
      extra={<Tag color={live ? 'success' : 'default'}>{live ? t('实时更新', 'Live') : t('连接中', 'Connecting')}</Tag>}
      style={{ margin: 12 }}
    >
      <div style={{ lineHeight: 1.8 }}>
        <div>
          {label(MATTER_KIND_LABELS[m.kind])} · <strong>{label(MATTER_STATUS_LABELS[m.status])}</strong>
        </div>
        <div style={{ ...muted, fontSize: '.87em' }}>
          {t(
            '请保存本页：这个链接就是您的查询凭证，已存入本机“我的事项”。值班台 24 小时受理，进展会在这里实时显示。',
            'Keep this page: its link is your key to this matter, saved under "My matters" on this phone. The desk works around the clock; progress appears here as it happens.',
          )}
        </div>
        <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: '#333' }}>{m.body}</div>
        <PhotoGrid tracking={tracking} photoIds={m.photoIds} />
        {m.location && (
          <div style={muted}>
            {t('您附上的位置：', 'Your location: ')}
            {m.location.lat.toFixed(5)}, {m.location.lng.toFixed(5)}
            {m.location.accuracy !== undefined &&
              t(`（约 ${m.location.accuracy} 米）`, ` (about ${m.location.accuracy} m)`)}
          </div>
        )}
        {m.contactPhone && (
          <div style={muted}>
            {t('联系电话：', 'Contact phone: ')}
            {m.contactPhone}
          </div>
        )}
        <div style={muted}>
          {m.address} · {m.stationName}
        </div>
        {m.handledBy && (
          <div>
            {t('办理：', 'Handled by: ')}
            {m.handledBy}
          </div>
        )}
        {m.outcome && (
          <div style={{ whiteSpace: 'pre-wrap' }}>
            {t('办结情况：', 'Outcome: ')}
            {m.outcome}
          </div>
        )}
      </div>
    </Card>
  );
}
