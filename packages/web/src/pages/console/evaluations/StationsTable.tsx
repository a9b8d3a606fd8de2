/** 各所对比: for an account above several stations, each station's totals and callbacks side by side. */
import type { UnitEvaluationFigures } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table } from 'antd';
import { useSession } from '../../../access';
import { api, errorMessage } from '../../../api/client';
import { useLang } from '../../../i18n';
import { RateText } from './FigureTables';

type Row = UnitEvaluationFigures['stations'][number];

export function StationsTable({ query }: { query: Record<string, string | undefined> }) {
  const { t } = useLang();
  const unitId = useSession().user.scopeUnitId;
  const figures = useQuery({
    queryKey: ['unit-evaluation-figures', unitId, query],
    queryFn: () => api.get<UnitEvaluationFigures>(`/units/${unitId}/evaluation-figures`, query),
  });
  if (figures.isError) return <Alert type="error" title={errorMessage(figures.error)} />;
  return (
    <Card size="small" title={t('各所对比', 'Stations side by side')}>
      <Table<Row>
        rowKey="stationId"
        size="small"
        loading={figures.isPending}
        dataSource={figures.data?.stations ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        columns={[
          { title: t('派出所', 'Station'), dataIndex: 'name', fixed: 'left' },
          {
            title: t('满意率', 'Satisfaction'),
            render: (_, r) => <RateText rate={r.satisfactionRate} part={r.satisfied} whole={r.rated} />,
          },
          {
            title: t('参评率', 'Response'),
            render: (_, r) => <RateText rate={r.responseRate} part={r.answered} whole={r.answered + r.expired} />,
          },
          { title: t('过期未评价', 'Expired'), dataIndex: 'expired' },
          { title: t('待确认', 'To confirm'), dataIndex: 'flagged' },
          { title: t('复核发起', 'Reviews'), render: (_, r) => r.reviews.opened },
          {
            title: t('按时回访', 'On time'),
            render: (_, r) => (
              <RateText rate={r.reviews.onTimeRate} part={r.reviews.closedOnTime} whole={r.reviews.opened} />
            ),
          },
          { title: t('逾期未回访', 'Overdue'), render: (_, r) => r.reviews.overdueOpen },
        ]}
      />
    </Card>
  );
}
