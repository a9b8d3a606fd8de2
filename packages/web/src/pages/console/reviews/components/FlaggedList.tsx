/**
 * 待确认评价: answers held out of the figures because one device sent too many in a short time. The
 * chief sees what was rated, when, whether satisfied and how many came from that device — never the
 * device itself — and lets an answer count (确认计入). An answer is never edited.
 */
import { EVALUATION_TYPE_LABELS, type FlaggedAnswerView } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Grid, Popconfirm, Spin, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../../../api/client';
import { reviewsApi } from '../../../../api/reviews';
import { useLang } from '../../../../i18n';
import { dateTime as when } from '../../matter/labels';

export function FlaggedList({ stationId }: { stationId: string }) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const narrow = Grid.useBreakpoint().md === false;
  const list = useQuery({ queryKey: ['flagged-answers', stationId], queryFn: () => reviewsApi.flagged(stationId) });
  const accept = useMutation({
    mutationFn: (id: string) => reviewsApi.accept(id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['flagged-answers', stationId] });
      message.success(t('已确认计入统计', 'Accepted into the figures'));
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  if (list.isError) return <Alert type="error" title={errorMessage(list.error)} />;
  const minutes = list.data?.windowMinutes;
  const subject = (a: FlaggedAnswerView) => (
    <span>
      {label(EVALUATION_TYPE_LABELS[a.type])}
      {a.matterNumber && <Typography.Text code>{a.matterNumber}</Typography.Text>}
      {a.round && a.round > 1 && t(`（第${a.round}次办理）`, ` (round ${a.round})`)}
    </span>
  );
  const satisfied = (a: FlaggedAnswerView) =>
    a.satisfied === null ? (
      <Typography.Text type="secondary">{t('未作答', 'Not answered')}</Typography.Text>
    ) : a.satisfied ? (
      <Tag color="green">{t('满意', 'Satisfied')}</Tag>
    ) : (
      <Tag color="red">{t('不满意', 'Unsatisfied')}</Tag>
    );
  const action = (a: FlaggedAnswerView) =>
    a.acceptedAt ? (
      <Typography.Text type="secondary">
        {t(`${a.acceptedByName ?? ''} 已于 ${when(a.acceptedAt)} 确认计入`, `Accepted ${when(a.acceptedAt)}`)}
      </Typography.Text>
    ) : (
      <Popconfirm
        title={t('确认这条评价属实并计入统计？', 'Count this answer in the figures?')}
        okText={t('确认计入', 'Accept')}
        cancelText={t('取消', 'Cancel')}
        onConfirm={() => accept.mutate(a.id)}
      >
        <Button size="small" type="primary" loading={accept.isPending && accept.variables === a.id}>
          {t('确认计入', 'Accept')}
        </Button>
      </Popconfirm>
    );
  const items = list.data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        {t(
          `同一设备（同一部手机的浏览器，或同一网络地址加同一浏览器）${minutes ?? '—'} 分钟内对本所提交的评价达到上限后，之后的评价照常保存、照常触发复核，但先不计入统计，待所长确认。只凭同一网络地址不会标记（同一村可能共用一个地址）。评价一经提交不能修改。`,
          `Answers after too many from one device within ${minutes ?? '—'} minutes are kept but held out of the figures until the chief accepts them. An address alone never flags. Answers are never edited.`,
        )}
      </Typography.Text>
      {narrow ? (
        list.isPending ? (
          <Spin />
        ) : items.length === 0 ? (
          <Empty description={t('没有被标记的评价', 'No flagged answers')} />
        ) : (
          items.map((a) => (
            <Card key={a.id} size="small" styles={{ body: { padding: 12 } }}>
              <Flex justify="space-between" align="center" gap={8}>
                {subject(a)}
                {satisfied(a)}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', margin: '6px 0' }}>
                {when(a.answeredAt)} ·{' '}
                {t(`同一设备 ${minutes} 分钟内共 ${a.fromSameDevice} 条`, `${a.fromSameDevice} from this device`)}
              </Typography.Text>
              {action(a)}
            </Card>
          ))
        )
      ) : (
        <Table<FlaggedAnswerView>
          rowKey="id"
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: t('没有被标记的评价', 'No flagged answers') }}
          scroll={{ x: 760 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('评价对象', 'Subject'), key: 'subject', render: (_, a) => subject(a) },
            { title: t('评价时间', 'Answered'), dataIndex: 'answeredAt', render: (v: string) => when(v) },
            { title: t('是否满意', 'Satisfied'), key: 'satisfied', render: (_, a) => satisfied(a) },
            {
              title: t(`同一设备 ${minutes ?? ''} 分钟内`, `Same device in ${minutes ?? ''} min`),
              dataIndex: 'fromSameDevice',
              align: 'right',
              render: (n: number) => t(`${n} 条`, String(n)),
            },
            { title: t('操作', 'Action'), key: 'action', render: (_, a) => action(a) },
          ]}
        />
      )}
    </Flex>
  );
}
