/** The officers' and teams' tables: each rate beside its counts; officers under the minimum read 样本不足. */
import { type EvaluationFigures, type FigureCounts, formatRate } from '@jingmin/shared';
import { Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLang } from '../../../i18n';

type Officer = EvaluationFigures['byOfficer'][number];
type Team = EvaluationFigures['byTeam'][number];

/** 满意率 98.0% with the counts it divides (49/50) under it. */
export function RateText({ rate, part, whole }: { rate: number | null; part: number; whole: number }) {
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', lineHeight: 1.25 }}>
      <span style={{ whiteSpace: 'nowrap' }}>{formatRate(rate)}</span>
      <span style={{ whiteSpace: 'nowrap', fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
        {part}/{whole}
      </span>
    </span>
  );
}

function useCountColumns<R>(of: (row: R) => FigureCounts | null): ColumnsType<R> {
  const { t } = useLang();
  const cell = (render: (c: FigureCounts) => React.ReactNode) => (_: unknown, row: R) => {
    const c = of(row);
    return c ? render(c) : null;
  };
  return [
    {
      title: t('满意率', 'Satisfaction'),
      render: cell((c) => <RateText rate={c.satisfactionRate} part={c.satisfied} whole={c.rated} />),
    },
    {
      title: t('参评率', 'Response'),
      render: cell((c) => <RateText rate={c.responseRate} part={c.answered} whole={c.answered + c.expired} />),
    },
    { title: t('不满意', 'Unsatisfied'), render: cell((c) => c.unsatisfied) },
    { title: t('过期未评价', 'Expired'), render: cell((c) => c.expired) },
    { title: t('待评价', 'Open'), render: cell((c) => c.open) },
    { title: t('待确认', 'To confirm'), render: cell((c) => c.flagged) },
  ];
}

export function OfficerTable({ rows, min }: { rows: Officer[]; min: number }) {
  const { t } = useLang();
  const counts = useCountColumns<Officer>((r) => r.counts);
  const columns: ColumnsType<Officer> = [
    { title: t('民警', 'Officer'), dataIndex: 'name', fixed: 'left' },
    { title: t('所在队', 'Team'), dataIndex: 'team', render: (v: string | null) => v ?? '—' },
    {
      title: t('有满意度', 'Rated'),
      render: (_, r) =>
        r.counts ? (
          r.counts.rated
        ) : (
          <Tooltip title={t(`有满意度的评价不足 ${min} 条，不显示数字`, `Fewer than ${min} rated answers: no figures`)}>
            <Tag>{t('样本不足', 'Sample too small')}</Tag>
          </Tooltip>
        ),
    },
    ...counts,
  ];
  return (
    <Table<Officer>
      rowKey="staffId"
      size="small"
      dataSource={rows}
      columns={columns}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
    />
  );
}

export function TeamTable({ rows }: { rows: Team[] }) {
  const { t } = useLang();
  const counts = useCountColumns<Team>((r) => r);
  const columns: ColumnsType<Team> = [
    {
      title: t('队', 'Team'),
      dataIndex: 'name',
      fixed: 'left',
      render: (v: string | null) => v ?? t('未编入队', 'No team'),
    },
    { title: t('有满意度', 'Rated'), dataIndex: 'rated' },
    ...counts,
  ];
  return (
    <Table<Team>
      rowKey={(r) => r.teamId ?? 'none'}
      size="small"
      dataSource={rows}
      columns={columns}
      scroll={{ x: 'max-content' }}
      pagination={false}
    />
  );
}
