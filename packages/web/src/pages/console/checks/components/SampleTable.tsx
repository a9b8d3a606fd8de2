/** The samples with their progress: who was checked, who inspects, how many households are answered. */
import type { CheckSampleView } from '@jingmin/shared';
import { Button, Progress, Table, Tag, Typography } from 'antd';
import { useSession } from '../../../../access';
import { useLang } from '../../../../i18n';
import { formatTime } from './format';

export function SampleTable({
  samples,
  loading,
  onOpen,
}: {
  samples: CheckSampleView[];
  loading: boolean;
  onOpen(id: string): void;
}) {
  const { t } = useLang();
  const me = useSession().user.id;
  return (
    <Table<CheckSampleView>
      rowKey="id"
      loading={loading}
      dataSource={samples}
      scroll={{ x: 880 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('还没有抽查样本', 'No samples yet') }}
      columns={[
        { title: t('抽取时间', 'Drawn'), dataIndex: 'createdAt', render: formatTime, width: 150 },
        { title: t('派出所', 'Station'), dataIndex: 'stationName' },
        { title: t('被查民警', 'Officer'), dataIndex: 'officerName' },
        {
          title: t('检查人', 'Inspector'),
          key: 'inspector',
          render: (_, s) => (
            <>
              {s.inspectorName}
              {s.inspectorId === me && <Typography.Text type="secondary">{t('（我）', ' (me)')}</Typography.Text>}{' '}
              {s.crossStation ? (
                <Tag color="blue">{t('交叉互评', 'Cross-station')}</Tag>
              ) : (
                <Tag>{t('本所检查', 'Same station')}</Tag>
              )}
            </>
          ),
        },
        {
          title: t('进度', 'Progress'),
          key: 'progress',
          width: 170,
          render: (_, s) => (
            <Progress
              percent={s.size ? Math.round((s.answered / s.size) * 100) : 0}
              size="small"
              format={() => `${s.answered}/${s.size}`}
            />
          ),
        },
        {
          title: t('授权到期', 'Grant ends'),
          dataIndex: 'expiresAt',
          width: 150,
          render: (v: string) =>
            new Date(v).getTime() < Date.now() ? (
              <Typography.Text type="secondary">{t('已到期', 'Ended')}</Typography.Text>
            ) : (
              formatTime(v)
            ),
        },
        {
          title: t('操作', 'Actions'),
          key: 'open',
          width: 80,
          fixed: 'right',
          render: (_, s) => (
            <Button
              size="small"
              type={s.inspectorId === me && s.answered < s.size ? 'primary' : 'default'}
              onClick={() => onOpen(s.id)}
            >
              {s.inspectorId === me && s.answered < s.size ? t('录入', 'Record') : t('查看', 'Open')}
            </Button>
          ),
        },
      ]}
    />
  );
}
