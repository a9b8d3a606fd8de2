/** /field: what a field worker can do from the phone, one tap each. */
import { useQuery } from '@tanstack/react-query';
import { Badge, List, NavBar } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useCan } from '../../../access';
import { auth } from '../../../api/auth';
import { fraudApi } from '../../../api/fraud';
import { useLang } from '../../../i18n';

export default function FieldHome() {
  const { t } = useLang();
  const navigate = useNavigate();
  const can = useCan();
  // 反诈任务 first when any is open: a person may be transferring money right now.
  const fraud = useQuery({
    queryKey: ['fraud', 'mine', 'open'],
    queryFn: () => fraudApi.list({ view: 'mine', status: 'open', limit: 100 }),
    enabled: can('fraud.handle'),
    refetchInterval: 60_000,
  });
  const openFraud = fraud.data?.items.length ?? 0;
  return (
    <>
      <NavBar back={null}>{t('外勤', 'Field')}</NavBar>
      <List>
        {can('fraud.handle') && (
          <List.Item
            onClick={() => navigate('/field/fraud')}
            extra={openFraud > 0 ? <Badge content={t(`${openFraud} 条待核查`, `${openFraud} open`)} /> : undefined}
            description={t(
              '反诈中心推送的预警指令：限时联系当事人劝阻',
              'Instructions from the anti-fraud centre: contact the person in time',
            )}
          >
            {t('反诈任务', 'Anti-fraud tasks')}
          </List.Item>
        )}
        {can('field.report') && (
          <List.Item
            onClick={() => navigate('/field/report')}
            description={t('把看到的情况报给派出所，可以拍照', 'Tell the station what you see, with photos')}
          >
            {t('民情上报', 'Report what I see')}
          </List.Item>
        )}
        {can('field.task') && (
          <List.Item
            onClick={() => navigate('/field/tasks')}
            description={t('值班台派给我的任务：做什么、在哪里', 'What the desk asked me to do, and where')}
          >
            {t('我的任务', 'My tasks')}
          </List.Item>
        )}
        {can('field.join') && (
          <List.Item
            onClick={() => navigate('/field/visits')}
            description={
              can('field.work')
                ? t('我的警务区和网格里待走访的住户；没有网络也能登记', 'Who is due in my areas; works offline')
                : t('登记我跟随参与的入户走访；没有网络也能登记', 'Log the visits I went on; works offline')
            }
          >
            {can('field.work') ? t('走访入户', 'Household visits') : t('参与走访', 'Visits I joined')}
          </List.Item>
        )}
        {can('field.join') && (
          <List.Item
            onClick={() => navigate('/field/patrol')}
            description={t('开始巡逻，扫必到点二维码打卡', 'Start a patrol and scan the points')}
          >
            {t('巡逻打卡', 'Patrol check-in')}
          </List.Item>
        )}
        {can('field.work') && (
          <List.Item
            onClick={() => navigate('/field/hazard')}
            description={t(
              '登记发现的隐患、整改情况；没有网络也能登记',
              'Record hazards and their fixes; works offline',
            )}
          >
            {t('隐患登记', 'Hazards')}
          </List.Item>
        )}
        {!can('field.report') && (
          <List.Item onClick={() => window.location.assign('/console')}>
            {t('返回工作台', 'Back to the console')}
          </List.Item>
        )}
        <List.Item
          onClick={async () => {
            await auth.logout().catch(() => undefined);
            localStorage.removeItem('jingmin-field-session');
            window.location.assign(can('field.report') ? '/volunteer' : '/login');
          }}
        >
          {t('退出登录', 'Sign out')}
        </List.Item>
      </List>
    </>
  );
}
