/**
 * 评价清单: the evaluation requests behind a figure — opened from a dashboard's drill-down with its filters in the
 * address, said in a tag that clears them — with their state and satisfaction (never the answer) and an export.
 */
import {
  EVALUATION_TYPE_LABELS,
  type EvaluationListItem,
  type EvaluationType,
  REVIEW_STATUS_LABELS,
  type ReviewStatus,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, errorMessage, type Paged } from '../../../api/client';
import { ExportButton } from '../../../components/ExportButton';
import { useLang } from '../../../i18n';
import { shortTime } from '../matter/labels';
import {
  EVALUATION_DRILL_KEYS,
  evaluationDrillQuery,
  evaluationDrillWords,
  hasEvaluationDrill,
  readEvaluationDrill,
} from './drill';

const STATE_WORDS: Record<EvaluationListItem['state'], { zh: string; en: string }> = {
  counted: { zh: '已评价', en: 'Answered' },
  flagged: { zh: '待确认', en: 'To confirm' },
  expired: { zh: '过期未评价', en: 'Expired' },
  open: { zh: '待评价', en: 'Awaiting answer' },
};

/** Shown when the address carries a drill-down; nothing otherwise. */
export function EvaluationList() {
  const { t, label } = useLang();
  const [params, setParams] = useSearchParams();
  const drill = readEvaluationDrill((k) => params.get(k));
  const query = evaluationDrillQuery(drill);
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['evaluations', query, page],
    queryFn: () => api.get<Paged<EvaluationListItem>>('/evaluations', { ...query, page, pageSize: 20 }),
    enabled: hasEvaluationDrill(drill),
  });
  if (!hasEvaluationDrill(drill)) return null;
  const words = evaluationDrillWords(drill);
  const clear = () => {
    const next = new URLSearchParams(params);
    for (const k of EVALUATION_DRILL_KEYS) next.delete(k);
    setParams(next, { replace: true });
  };
  return (
    <Card size="small" title={t('评价清单', 'Evaluations')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Tag
            color="purple"
            closable={{ 'aria-label': t('清除看板筛选', 'Clear the dashboard filter') }}
            onClose={(e) => {
              e.preventDefault();
              clear();
            }}
            style={{ fontSize: 13, lineHeight: '24px', whiteSpace: 'normal' }}
          >
            {t(words.zh, words.en)}
          </Tag>
          <ExportButton path="/evaluations/export" query={query} />
        </Space>
        {list.isError && <Alert type="error" title={errorMessage(list.error)} />}
        <Table<EvaluationListItem>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items}
          scroll={{ x: 800 }}
          pagination={{
            current: page,
            total: list.data?.total,
            pageSize: 20,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t('类型', 'Type'),
              dataIndex: 'type',
              render: (v: EvaluationType) => label(EVALUATION_TYPE_LABELS[v]),
            },
            { title: t('派出所', 'Station'), dataIndex: 'stationName' },
            { title: t('被评价人', 'Rated officer'), dataIndex: 'officerName', render: (v: string | null) => v ?? '—' },
            { title: t('发出时间', 'Requested'), dataIndex: 'createdAt', render: shortTime },
            {
              title: t('状态', 'State'),
              dataIndex: 'state',
              render: (v: EvaluationListItem['state']) => label(STATE_WORDS[v]),
            },
            {
              title: t('满意度', 'Satisfaction'),
              dataIndex: 'satisfied',
              render: (v: boolean | null) =>
                v === null ? (
                  '—'
                ) : v ? (
                  <Tag color="green">{t('满意', 'Satisfied')}</Tag>
                ) : (
                  <Tag color="red">{t('不满意', 'Unsatisfied')}</Tag>
                ),
            },
            {
              title: t('复核', 'Review'),
              dataIndex: 'reviewStatus',
              render: (v: ReviewStatus | null) => (v ? label(REVIEW_STATUS_LABELS[v]) : '—'),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
