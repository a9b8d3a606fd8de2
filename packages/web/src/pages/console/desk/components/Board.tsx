/**
 * 督办看板: every open task of the station by whoever holds it (the desk,
 * officers, teams, departments), overdue first and counted in red. Refetched
 * on every live event and once a minute besides, so ages and deadlines move.
 */
import { type BoardColumn, type BoardTask, ROLE_LABELS, type Role } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Grid, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useCan } from '../../../../access';
import { errorMessage } from '../../../../api/client';
import { matterApi } from '../../../../api/matters';
import { useLang } from '../../../../i18n';
import { shortTime } from '../../matter/labels';
import { TaskCard } from './TaskCard';

// What a column is; a staff column says the person's roles when the assignee list knows them.
const OWNER_LABELS: Record<BoardColumn['ownerKind'], [string, string]> = {
  desk: ['值班台', 'Desk'],
  staff: ['人员', 'Staff'],
  team: ['警务队', 'Team'],
  department: ['联动部门', 'Department'],
};

/** The small word before a column's name: 社区民警 / 网格员 / 警务队 / 联动部门 / 值班台 … */
function useOwnerLabel(): (column: BoardColumn) => string {
  const { t, label } = useLang();
  const can = useCan();
  // The same list the dispatch form uses (cached under one key); only handlers may read it.
  const assignees = useQuery({
    queryKey: ['assignees'],
    queryFn: matterApi.assignees,
    enabled: can('matter.handle'),
    retry: false,
    staleTime: 60_000,
  });
  const roles = new Map<string, Role[]>((assignees.data?.staff ?? []).map((s) => [s.id, s.roles]));
  return (column) => {
    const known = column.ownerKind === 'staff' && column.ownerId ? roles.get(column.ownerId) : undefined;
    if (known?.length) return known.map((r) => label(ROLE_LABELS[r])).join(' / ');
    return t(...OWNER_LABELS[column.ownerKind]);
  };
}

export function Board({ onOpen, live }: { onOpen(id: string): void; live: ReactNode }) {
  const { t } = useLang();
  const narrow = Grid.useBreakpoint().md === false;
  const [only, setOnly] = useState<'all' | 'overdue'>('all');
  const board = useQuery({ queryKey: ['board'], queryFn: matterApi.board, refetchInterval: 60_000 });
  const ownerLabel = useOwnerLabel();
  if (board.isError) return <Alert type="error" title={errorMessage(board.error)} />;
  if (!board.data) return <Spin />;
  const columns = board.data.columns
    .map((c) => (only === 'overdue' ? { ...c, tasks: c.tasks.filter((x) => x.overdue) } : c))
    .filter((c) => c.tasks.length > 0 || only === 'all');
  const open = board.data.columns.reduce((n, c) => n + c.open, 0);
  const overdue = board.data.columns.reduce((n, c) => n + c.overdue, 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Flex wrap gap={12} align="center">
        {live}
        <Typography.Text>{t(`在办 ${open} 件`, `${open} open`)}</Typography.Text>
        <Typography.Text type={overdue > 0 ? 'danger' : 'secondary'} strong={overdue > 0}>
          {t(`超期 ${overdue} 件`, `${overdue} overdue`)}
        </Typography.Text>
        <Segmented<'all' | 'overdue'>
          value={only}
          onChange={(v) => setOnly(v)}
          options={[
            { value: 'all', label: t('全部', 'All') },
            { value: 'overdue', label: t('只看超期', 'Overdue only') },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`更新于 ${shortTime(board.data.generatedAt)}`, `Updated ${shortTime(board.data.generatedAt)}`)}
        </Typography.Text>
      </Flex>
      {columns.length === 0 ? (
        <Empty description={t('没有在办任务', 'No open tasks')} />
      ) : (
        <div
          style={{
            display: 'flex',
            flexDirection: narrow ? 'column' : 'row',
            gap: 12,
            overflowX: narrow ? 'visible' : 'auto',
            alignItems: 'flex-start',
            paddingBottom: 8,
          }}
        >
          {columns.map((c) => (
            <Column
              key={`${c.ownerKind}:${c.ownerId ?? ''}`}
              column={c}
              kind={ownerLabel(c)}
              narrow={narrow}
              onOpen={onOpen}
            />
          ))}
        </div>
      )}
    </Space>
  );
}

function Column(props: { column: BoardColumn; kind: string; narrow: boolean; onOpen(id: string): void }) {
  const { column, kind, narrow, onOpen } = props;
  const { t } = useLang();
  // The desk column's name already says 值班台.
  const showKind = !column.name.toLowerCase().includes(kind.toLowerCase());
  return (
    <Card
      size="small"
      style={{ width: narrow ? '100%' : 300, flex: 'none', borderColor: column.overdue > 0 ? '#ffa39e' : undefined }}
      styles={{ body: { maxHeight: narrow ? undefined : '68vh', overflowY: 'auto', padding: 8 } }}
      title={
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text ellipsis style={{ minWidth: 0 }}>
            {showKind && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
                {kind}{' '}
              </Typography.Text>
            )}
            {column.name}
          </Typography.Text>
          <Space size={0} style={{ flex: 'none' }}>
            <Tag style={{ marginInlineEnd: 4 }}>{t(`${column.open}件`, `${column.open}`)}</Tag>
            {column.overdue > 0 && (
              <Tag color="red" style={{ marginInlineEnd: 0 }}>
                {t(`超期${column.overdue}`, `${column.overdue} late`)}
              </Tag>
            )}
          </Space>
        </Flex>
      }
    >
      {column.tasks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('无在办任务', 'Nothing open')} />
      ) : (
        <Flex vertical gap={6}>
          {column.tasks.map((task: BoardTask) => (
            <TaskCard key={task.id} task={task} onOpen={onOpen} />
          ))}
        </Flex>
      )}
    </Card>
  );
}
