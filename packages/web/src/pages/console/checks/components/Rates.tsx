/** 知晓率 and 熟悉率 per station and per officer, each with its sample size and 95% interval, and how they are computed. */
import type { CheckRateRow } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Table, Typography } from 'antd';
import { checksApi } from '../../../../api/checks';
import { errorMessage } from '../../../../api/client';
import { useLang } from '../../../../i18n';
import { formatRate } from './format';

export function Rates() {
  const { t } = useLang();
  const rates = useQuery({ queryKey: ['check-rates'], queryFn: () => checksApi.rates() });
  const rateColumns = [
    {
      title: t('知晓率', 'Knows officer'),
      key: 'knows',
      render: (_: unknown, r: CheckRateRow) => formatRate(r.knowsOfficer, t),
    },
    {
      title: t('熟悉率', 'Officer knows'),
      key: 'familiar',
      render: (_: unknown, r: CheckRateRow) => formatRate(r.officerKnows, t),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(
          '计算方法：知晓率 = 答“知道自己的责任民警”的户数 ÷ 已核实的户数；熟悉率 = 核实民警熟悉该户的户数 ÷ 已核实的户数。尚未核实的样本户不计入。n 为已核实户数；区间为 95% 置信区间（Wilson 法）：真实比例有 95% 的把握落在其中，样本越少区间越宽——例如 20 户全部答“是”，真实比例仍可能低至 83.9%。派出所一行合并其各民警的样本重新计算。',
          'Knows-officer rate = households that know their officer ÷ households checked; officer-knows rate = households the officer knows ÷ households checked. Unchecked households are left out. n is the households checked; the interval is the 95% Wilson interval, wider for smaller samples — 20 of 20 still allows a true rate as low as 83.9%. A station pools its officers’ samples.',
        )}
      </Typography.Paragraph>
      {rates.isError && <Alert type="error" showIcon title={errorMessage(rates.error)} />}
      <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
        {t('按派出所', 'By station')}
      </Typography.Title>
      <Table<CheckRateRow>
        rowKey="stationId"
        size="small"
        loading={rates.isPending}
        dataSource={rates.data?.stations ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('还没有已核实的样本户', 'Nothing checked yet') }}
        columns={[{ title: t('派出所', 'Station'), dataIndex: 'stationName' }, ...rateColumns]}
      />
      <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
        {t('按民警', 'By officer')}
      </Typography.Title>
      <Table<CheckRateRow>
        rowKey={(r) => `${r.stationId}:${r.officerId}`}
        size="small"
        loading={rates.isPending}
        dataSource={rates.data?.officers ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('还没有已核实的样本户', 'Nothing checked yet') }}
        columns={[
          { title: t('民警', 'Officer'), dataIndex: 'officerName' },
          { title: t('派出所', 'Station'), dataIndex: 'stationName' },
          ...rateColumns,
        ]}
      />
    </Space>
  );
}
