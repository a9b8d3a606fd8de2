/**
 * One sample's households. The inspector records, once per household, the
 * two yes/no answers and how the household was reached; everyone else who
 * sees the sample reads the answers.
 */
import type { CheckItemView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Flex, Grid, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../../../access';
import { checksApi } from '../../../../api/checks';
import { errorMessage } from '../../../../api/client';
import { useLang } from '../../../../i18n';
import { AnswerModal } from './AnswerModal';
import { formatTime } from './format';

export function SampleDrawer({ sampleId, onClose }: { sampleId: string; onClose(): void }) {
  const { t } = useLang();
  const me = useSession().user.id;
  const screens = Grid.useBreakpoint();
  const [answering, setAnswering] = useState<CheckItemView | null>(null);
  const sample = useQuery({ queryKey: ['check-sample', sampleId], queryFn: () => checksApi.sample(sampleId) });
  const s = sample.data;
  const inspecting = s?.inspectorId === me;
  const yesNo = (v: boolean | null) =>
    v === null ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : v ? (
      <Tag color="green">{t('是', 'Yes')}</Tag>
    ) : (
      <Tag color="red">{t('否', 'No')}</Tag>
    );
  const how = (i: CheckItemView) =>
    i.method ? (
      i.method === 'visit' ? (
        t('入户', 'Visit')
      ) : (
        t('电话', 'Phone')
      )
    ) : inspecting ? (
      <Button size="small" type="primary" onClick={() => setAnswering(i)}>
        {t('录入', 'Record')}
      </Button>
    ) : (
      <Typography.Text type="secondary">{t('待核实', 'Pending')}</Typography.Text>
    );
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 760 : '100%'}
      title={s ? t(`${s.officerName}责任区抽查`, `Check of ${s.officerName}'s area`) : t('抽查样本', 'Sample')}
    >
      {sample.isError && <Alert type="error" showIcon title={errorMessage(sample.error)} />}
      {sample.isPending && <Spin />}
      {s && (
        <>
          <Descriptions
            style={{ marginBottom: 12 }}
            size="small"
            column={screens.md ? 2 : 1}
            items={[
              { key: 'station', label: t('派出所', 'Station'), children: s.stationName },
              { key: 'officer', label: t('被查民警', 'Officer'), children: s.officerName },
              {
                key: 'inspector',
                label: t('检查人', 'Inspector'),
                children: (
                  <>
                    {s.inspectorName} {s.crossStation && <Tag color="blue">{t('交叉互评', 'Cross-station')}</Tag>}
                  </>
                ),
              },
              {
                key: 'size',
                label: t('样本', 'Sample'),
                children: t(
                  `${s.size} 户（责任区共 ${s.population} 户），已答复 ${s.answered} 户`,
                  `${s.size} of ${s.population} households, ${s.answered} answered`,
                ),
              },
              { key: 'drawn', label: t('抽取时间', 'Drawn'), children: formatTime(s.createdAt) },
              { key: 'expires', label: t('授权到期', 'Grant ends'), children: formatTime(s.expiresAt) },
              { key: 'seed', label: t('随机种子', 'Seed'), children: <Typography.Text code>{s.seed}</Typography.Text> },
            ]}
          />
          {inspecting && (
            <Alert
              style={{ margin: '12px 0' }}
              type="info"
              showIcon
              title={t(
                '请逐户入户走访，或对留有电话的户电话核实，每户只记录两件事：是否知道自己的责任民警（知晓）、民警是否熟悉该户（熟悉）。每户只能记录一次。',
                'Visit each household, or phone those with a number on record, and record two things only: does it know its officer, does the officer know it. Each household is recorded once.',
              )}
            />
          )}
          {screens.md ? (
            <Table<CheckItemView>
              rowKey="id"
              size="small"
              dataSource={s.items}
              pagination={false}
              scroll={{ x: 680 }}
              columns={[
                { title: t('门牌号', 'Doorplate'), dataIndex: 'doorplateCode', width: 110 },
                { title: t('地址', 'Address'), dataIndex: 'address' },
                { title: t('所属', 'Unit'), dataIndex: 'unitName', width: 110 },
                {
                  title: t('电话', 'Phone'),
                  dataIndex: 'phoneOnRecord',
                  width: 80,
                  render: (v: boolean) => (v ? t('留有', 'On file') : t('无', 'None')),
                },
                { title: t('知晓', 'Knows officer'), dataIndex: 'knowsOfficer', width: 70, render: yesNo },
                { title: t('熟悉', 'Officer knows'), dataIndex: 'officerKnows', width: 70, render: yesNo },
                {
                  title: t('方式', 'How'),
                  key: 'method',
                  width: 110,
                  render: (_, i) => how(i),
                },
              ]}
            />
          ) : (
            <Flex vertical gap={8}>
              {s.items.map((i) => (
                <Card key={i.id} size="small" title={i.doorplateCode} extra={how(i)}>
                  <Flex vertical gap={4}>
                    <Typography.Text>{i.address}</Typography.Text>
                    <Typography.Text type="secondary">
                      {i.unitName} · {i.phoneOnRecord ? t('留有电话', 'Phone on file') : t('未留电话', 'No phone')}
                    </Typography.Text>
                    <Flex gap={16}>
                      <span>
                        {t('知晓 ', 'Knows officer ')}
                        {yesNo(i.knowsOfficer)}
                      </span>
                      <span>
                        {t('熟悉 ', 'Officer knows ')}
                        {yesNo(i.officerKnows)}
                      </span>
                    </Flex>
                  </Flex>
                </Card>
              ))}
            </Flex>
          )}
        </>
      )}
      {answering && s && <AnswerModal sampleId={s.id} item={answering} onClose={() => setAnswering(null)} />}
    </Drawer>
  );
}
