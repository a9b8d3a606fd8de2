/** One open task on the board: number, kind, address, age and the deadline that applies; red when overdue. */
import { type BoardTask, MATTER_KIND_LABELS, MATTER_STATUS_LABELS, URGENCY_LABELS } from '@jingmin/shared';
import { Tag, Typography } from 'antd';
import { useLang } from '../../../../i18n';
import { DueText } from '../../matter/DueText';
import { formatAge, STATUS_COLOR } from '../../matter/labels';

export function TaskCard({ task, onOpen }: { task: BoardTask; onOpen(id: string): void }) {
  const { t, label } = useLang();
  return (
    <button
      type="button"
      onClick={() => onOpen(task.id)}
      style={{
        textAlign: 'left',
        width: '100%',
        cursor: 'pointer',
        padding: '6px 8px',
        borderRadius: 6,
        font: 'inherit',
        border: `1px solid ${task.overdue ? '#ff7875' : '#f0f0f0'}`,
        background: task.overdue ? '#fff1f0' : '#fff',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 6 }}>
        <Typography.Text strong style={{ fontSize: 13 }}>
          {task.number}
        </Typography.Text>
        <Typography.Text type={task.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12, flex: 'none' }}>
          {t('已', '')}
          {formatAge(task.ageMinutes, t)}
        </Typography.Text>
      </div>
      <div style={{ margin: '2px 0' }}>
        <Tag style={{ marginInlineEnd: 4 }}>{label(MATTER_KIND_LABELS[task.kind])}</Tag>
        <Tag color={STATUS_COLOR[task.status]} style={{ marginInlineEnd: 4 }}>
          {label(MATTER_STATUS_LABELS[task.status])}
        </Tag>
        {task.urgency === 'urgent' && <Tag color="red">{label(URGENCY_LABELS.urgent)}</Tag>}
      </div>
      <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
        {task.address}
      </Typography.Text>
      {task.deadline && <DueText due={task} size={12} />}
    </button>
  );
}
