/** 工作台: who you are, what you may do, and the desk's day (or your own tasks); each count opens its list. */
import { type CAPABILITIES, ROLE_LABELS } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Flex, Row, Tag } from 'antd';
import { useCan, useSession } from '../../../access';
import { matterApi } from '../../../api/matters';
import { useLang } from '../../../i18n';
import { Counters } from './components/Counters';
import { MyEvaluations } from './components/MyEvaluations';

const CAP_LABELS: Record<(typeof CAPABILITIES)[number], [string, string]> = {
  'org.read': ['查看辖区', 'View jurisdiction'],
  'org.write': ['编辑辖区', 'Edit jurisdiction'],
  'household.read': ['查看门牌', 'View households'],
  'household.write': ['维护门牌', 'Maintain households'],
  'household.export': ['导出门牌', 'Export households'],
  'staff.read': ['查看人员', 'View staff'],
  'staff.write': ['管理账号', 'Manage accounts'],
  'staff.roles': ['授权角色', 'Grant roles'],
  'policy.read': ['查看安全策略', 'View policies'],
  'policy.write': ['修改安全策略', 'Change policies'],
  'audit.read': ['查阅审计日志', 'Read the audit trail'],
  'matter.read': ['查看事项', 'View matters'],
  'matter.inbox': ['值班台', 'Duty desk'],
  'matter.desk': ['受理派单', 'Triage and dispatch'],
  'matter.handle': ['接单办理', 'Handle matters'],
  'matter.review': ['复核不满意', 'Review unsatisfied'],
  'matter.settings': ['设置办理时限', 'Set matter deadlines'],
  'matter.supervise': ['督办看板', 'Supervision board'],
  'matter.department_only': ['仅限本部门事项', "Only its department's matters"],
  'dispute.read': ['查看矛盾纠纷', 'View disputes'],
  'dispute.handle': ['受理调处矛盾纠纷', 'Handle disputes'],
  'dispute.assigned_only': ['仅限交给本人（本部门）的矛盾纠纷', 'Only dispute cases given to me'],
  'dispute.override': ['三个不放未满足时批准结案', 'Close a case by override'],
  'report.write': ['生成、点评并发布分析报告', 'Generate, comment on and publish reports'],
  'scope.grant': ['双率抽查与临时授权', 'Sample checks and temporary access'],
  'calendar.write': ['维护工作日历', 'Keep the working-day calendar'],
  'field.read': ['查看走访、巡逻与隐患', 'View field work'],
  'field.work': ['走访、巡逻打卡与隐患登记', 'Visits, patrols and hazards'],
  'field.manage': ['设置巡逻点线与隐患类别、复核销号', 'Set up patrols and hazards, verify fixes'],
  'field.report': ['民情上报', 'Report what I see'],
  'field.join': ['参加巡逻、记录参与的走访', 'Join patrols and log visits'],
  'field.task': ['接收值班台派发的任务', 'Take the desk’s tasks'],
  'room.read': ['查看议事厅群和发言', 'Read the community rooms'],
  'room.host': ['主持本人所在的议事厅群：回复、转事项、管理发言', 'Host one’s rooms: answer, make matters, moderate'],
  'room.manage': ['建群、指定群主和管理员、议事厅规则', 'Set up rooms, hosts and room rules'],
  'warning.read': ['查看宣传预警及其触达数据', 'Read warnings and their reach'],
  'warning.write': ['编写、发布、撤回宣传预警，回复群众留言', 'Compose, send and withdraw warnings; answer replies'],
  'warning.review': ['审核紧急预警，设置预警规则', 'Review urgent warnings; set warning rules'],
  'fraud.handle': ['核查分派给本人的反诈预警指令', 'Verify the anti-fraud instructions assigned to one'],
  'fraud.desk': ['录入、分派并查看全部反诈预警指令', 'Enter, assign and read every anti-fraud instruction'],
  'fraud.figures': ['查看反诈预警统计', 'Read anti-fraud figures'],
  'fraud.manage': ['接入上游反诈平台，设置反诈规则', 'Connect upstream systems; set anti-fraud rules'],
  'dashboard.read': ['查看考核指标', 'Read the KPIs'],
};

export default function HomePage() {
  const session = useSession();
  const can = useCan();
  const { t, label } = useLang();
  // Who holds the desk counts the station's day and opens the inbox; a handler counts their own tasks.
  const desk = can('matter.inbox');
  const tasks = !desk && can('matter.handle');
  const summary = useQuery({
    queryKey: ['summary', desk],
    queryFn: () => matterApi.summary(!desk),
    enabled: desk || tasks,
    refetchInterval: 30_000,
  });
  const s = summary.data;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card title={t(`您好，${session.user.displayName}`, `Hello, ${session.user.displayName}`)}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('辖区', 'Scope')}>{session.user.scopeUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('角色', 'Roles')}>
              <Flex wrap gap={4}>
                {session.user.roles.map((r) => (
                  <Tag key={r} style={{ marginInlineEnd: 0 }}>
                    {label(ROLE_LABELS[r])}
                  </Tag>
                ))}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('可以', 'May')}>
              <Flex wrap gap={4}>
                {session.capabilities.map((c) => (
                  <Tag key={c} color="geekblue" style={{ marginInlineEnd: 0 }}>
                    {t(...CAP_LABELS[c])}
                  </Tag>
                ))}
              </Flex>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      {s && (
        <Col xs={24} lg={14}>
          {desk ? (
            <Counters
              s={s}
              page="desk"
              counters={[
                'waiting',
                'open',
                'overdue',
                'accepted_today',
                'resolved_today',
                ...(can('matter.review') ? (['awaiting_review'] as const) : []),
              ]}
              extra
            />
          ) : (
            <Counters s={s} page="tasks" counters={['to_take', 'open', 'overdue', 'resolved_today']} />
          )}
        </Col>
      )}
      {can('matter.handle') && !can('matter.department_only') && (
        <Col xs={24} lg={10}>
          <MyEvaluations />
        </Col>
      )}
    </Row>
  );
}
