/** 我的回访: for everyone who handles matters, the callbacks the chief assigned to them. */
import { Empty, Space, Spin, Typography } from 'antd';
import { useLang } from '../../../i18n';
import { useStationChoice } from '../matter/StationPicker';
import { MyCallbacks } from './components/MyCallbacks';

export default function MyCallbacksPage() {
  const { t } = useLang();
  const { scope, stationId } = useStationChoice();
  if (scope.pending) return <Spin />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('我的回访', 'My callbacks')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t(
          '所长指定由您回访的不满意评价：请在回访期限内联系群众，并登记回访结果。',
          'Unsatisfied answers the chief asked you to call back: call before they are due and record what you found.',
        )}
      </Typography.Text>
      {stationId ? (
        <MyCallbacks stationId={stationId} />
      ) : (
        <Empty description={t('您的辖区下没有派出所', 'No police station in your scope')} />
      )}
    </Space>
  );
}
