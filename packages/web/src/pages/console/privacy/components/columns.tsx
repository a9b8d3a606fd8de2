/** The queue's columns: the matter (opens it), the request, its due date (red when overdue), the answer. */
import {
  MATTER_STATUS_LABELS,
  PRIVACY_REQUEST_KIND_LABELS,
  PRIVACY_REQUEST_STATUS_LABELS,
  type StaffPrivacyRequest,
} from '@jingmin/shared';
import { Button, type TableColumnsType, Tag, Typography } from 'antd';
import { useLang } from '../../../../i18n';
import { shortTime } from '../../matter/labels';

/** Solid tags with white text, dark enough for WCAG AA (antd's light orange and green tags are about 3:1). */
const STATUS_COLOR = { open: '#ad4e00', done: '#237804', refused: 'default' } as const;
/** The console's primary blue: antd's default link blue is below 4.5:1 on white. */
const LINK = { padding: 0, color: '#1d4f91' } as const;

export function usePrivacyColumns(opts: {
  manyStations: boolean;
  onOpen(matterId: string): void;
  onAnswer(request: StaffPrivacyRequest): void;
}): TableColumnsType<StaffPrivacyRequest> {
  const { t, label } = useLang();
  const { manyStations, onOpen, onAnswer } = opts;
  return [
    {
      title: t('回执号', 'Number'),
      dataIndex: 'matterNumber',
      width: 190,
      render: (n: string, r) => (
        <Button type="link" style={LINK} onClick={() => onOpen(r.matterId)}>
          {n}
        </Button>
      ),
    },
    ...(manyStations ? [{ title: t('派出所', 'Station'), dataIndex: 'stationName', width: 120 }] : []),
    {
      title: t('申请', 'Request'),
      dataIndex: 'kind',
      width: 130,
      render: (k: StaffPrivacyRequest['kind']) => label(PRIVACY_REQUEST_KIND_LABELS[k]),
    },
    {
      title: t('事项状态', 'Matter status'),
      dataIndex: 'matterStatus',
      width: 100,
      render: (s: StaffPrivacyRequest['matterStatus']) => label(MATTER_STATUS_LABELS[s]),
    },
    { title: t('申请时间', 'Asked'), dataIndex: 'createdAt', width: 120, render: shortTime },
    {
      title: t('答复期限', 'Answer by'),
      dataIndex: 'dueOn',
      width: 150,
      render: (d: string | null, r) =>
        d ? (
          <Typography.Text type={r.overdue ? 'danger' : undefined} strong={r.overdue}>
            {d}
            {r.overdue ? t(' · 已超期', ' · overdue') : ''}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 100,
      render: (s: StaffPrivacyRequest['status']) => (
        <Tag color={STATUS_COLOR[s]}>{label(PRIVACY_REQUEST_STATUS_LABELS[s])}</Tag>
      ),
    },
    {
      title: t('答复', 'Answer'),
      dataIndex: 'answer',
      ellipsis: true,
      render: (a: string | null) => a ?? '—',
    },
    {
      title: t('答复人', 'Answered by'),
      dataIndex: 'answeredBy',
      width: 100,
      render: (who: string | null, r) => who ?? (r.status === 'done' ? t('群众自行办理', 'Resident') : '—'),
    },
    {
      title: t('操作', 'Action'),
      key: 'act',
      width: 110,
      fixed: 'right',
      render: (_, r) =>
        r.allowedActions.length > 0 ? (
          <Button type="primary" size="small" onClick={() => onAnswer(r)}>
            {t('答复', 'Answer')}
          </Button>
        ) : null,
    },
  ];
}
