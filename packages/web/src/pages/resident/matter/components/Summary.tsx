/** The head of the matter page: receipt number, live state, what the resident sent and who handles it. */
import { MATTER_KIND_LABELS, MATTER_STATUS_LABELS, type ResidentMatterView } from '@jingmin/shared';
import { Card, Tag } from 'antd-mobile';
import { useLang } from '../../../../i18n';
import { PhotoGrid } from '../../components/PhotoGrid';

/** The 回执号 on one line, whatever the screen: a number broken in two is misread over the phone. */
export function ReceiptNumber({ number }: { number: string }) {
  return <span className="jm-receipt">{number}</span>;
}

export function Summary({ m, tracking, live }: { m: ResidentMatterView; tracking: string; live: boolean }) {
  const { t, label } = useLang();
  return (
    <Card
      title={
        <h1 style={{ font: 'inherit', margin: 0 }}>
          {t('回执号', 'Receipt')} <ReceiptNumber number={m.number} />
        </h1>
      }
      style={{ margin: 12 }}
    >
      <div style={{ lineHeight: 1.7 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
          <span>
            {label(MATTER_KIND_LABELS[m.kind])} · <strong>{label(MATTER_STATUS_LABELS[m.status])}</strong>
          </span>
          <Tag color={live ? 'success' : 'default'} fill="outline">
            {live ? t('实时更新', 'Live') : t('连接中', 'Connecting')}
          </Tag>
        </div>
        <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: '#1f2329' }}>{m.body}</div>
        <PhotoGrid tracking={tracking} photoIds={m.photoIds} />
        {m.location && (
          <div className="jm-muted">
            {t('您附上的位置：', 'Your location: ')}
            {m.location.lat.toFixed(5)}, {m.location.lng.toFixed(5)}
            {m.location.accuracy !== undefined &&
              t(`（约 ${m.location.accuracy} 米）`, ` (about ${m.location.accuracy} m)`)}
          </div>
        )}
        {m.contactPhone && (
          <div className="jm-muted">
            {t('联系电话：', 'Contact phone: ')}
            {m.contactPhone}
          </div>
        )}
        <div className="jm-muted">
          {m.address} · {m.stationName}
        </div>
        {m.handledBy && (
          <div>
            {t('办理：', 'Handled by: ')}
            {m.handledBy}
          </div>
        )}
      </div>
    </Card>
  );
}
