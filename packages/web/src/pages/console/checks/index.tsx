/**
 * 双率抽查: the chief or the bureau draws households at random from an
 * officer's area for an inspector of another station (交叉互评), follows each
 * sample's progress and reads 知晓率 and 熟悉率 with their sample size and
 * interval. An inspector — who may hold nothing but the sample's grant — sees
 * the samples lent to them and records the two answers per household.
 */
import type { CheckSampleView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../access';
import { checksApi } from '../../../api/checks';
import { errorMessage } from '../../../api/client';
import { useLang } from '../../../i18n';
import { DrawModal } from './components/DrawModal';
import { Rates } from './components/Rates';
import { SampleDrawer } from './components/SampleDrawer';
import { SampleTable } from './components/SampleTable';

export default function ChecksPage() {
  const { t } = useLang();
  const can = useCan();
  const draws = can('scope.grant');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('双率抽查', 'Sample checks')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(
          '从民警责任区随机抽取门牌户，由其他派出所的民警入户或电话核实两件事：群众是否知道自己的责任民警（知晓率），民警是否熟悉该户（熟悉率）。',
          'Households are drawn at random from an officer’s area; an officer of another station visits or phones each and checks two things: does the household know its officer, does the officer know the household.',
        )}
      </Typography.Paragraph>
      {draws ? (
        <Tabs
          items={[
            { key: 'samples', label: t('抽查样本', 'Samples'), children: <Samples draws /> },
            { key: 'rates', label: t('知晓率与熟悉率', 'Rates'), children: <Rates /> },
          ]}
        />
      ) : (
        <Samples draws={false} />
      )}
    </Space>
  );
}

function Samples({ draws }: { draws: boolean }) {
  const { t } = useLang();
  const [drawing, setDrawing] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['check-samples'], queryFn: () => checksApi.samples() });
  const onDrawn = (s: CheckSampleView) => {
    setDrawing(false);
    setOpen(s.id);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {draws ? (
        <Button type="primary" onClick={() => setDrawing(true)} style={{ alignSelf: 'flex-start' }}>
          {t('抽取样本', 'Draw a sample')}
        </Button>
      ) : (
        <Alert
          type="info"
          showIcon
          title={t(
            '以下是分配给您的抽查任务。授权有效期内您只能查看样本中的门牌户，逐户入户或电话核实后录入答复；授权到期后样本不再可见。',
            'These samples were lent to you. While the grant lasts you see only the sampled households; record each after a visit or call. They disappear when the grant ends.',
          )}
        />
      )}
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <SampleTable loading={list.isPending} samples={list.data ?? []} onOpen={setOpen} />
      {drawing && <DrawModal onClose={() => setDrawing(false)} onDrawn={onDrawn} />}
      {open && <SampleDrawer sampleId={open} onClose={() => setOpen(null)} />}
    </Space>
  );
}
