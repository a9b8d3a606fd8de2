/** 工作台: who you are, what you may do, and the desk's day when you handle matters. */
import { type CAPABILITIES, ROLE_LABELS } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Flex, Row, Statistic, Tag } from 'antd';
import { useCan, useSession } from '../../../access';
import { matterApi } from '../../../api/matters';
import { useLang } from '../../../i18n';

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
  'matter.desk': ['受理派单', 'Triage and dispatch'],
  'matter.handle': ['接单办理', 'Handle matters'],
  'matter.review': ['复核不满意', 'Review unsatisfied'],
  'matter.settings': ['设置办理时限', 'Set matter deadlines'],
  'matter.supervise': ['督办看板', 'Supervision board'],
  'matter.department_only': ['仅限本部门事项', "Only its department's matters"],
  'scope.grant': ['临时授权', 'Grant temporary access'],
  'calendar.write': ['维护工作日历', 'Keep the working-day calendar'],
};

/** 临时授权 is given through the API until the evaluations issue brings its screen; no tag promises a page. */
const hasScreen = (c: (typeof CAPABILITIES)[number]) => c !== 'scope.grant';

export default function HomePage() {
  const session = useSession();
  const can = useCan();
  const { t, label } = useLang();
  const summary = useQuery({
    queryKey: ['summary'],
    queryFn: matterApi.summary,
    enabled: can('matter.read'),
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
                {session.capabilities.filter(hasScreen).map((c) => (
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
          <Card title={t('今日值班', 'Today at the desk')}>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={8}>
                <Statistic title={t('今日受理', 'Accepted today')} value={s.acceptedToday} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('今日办结', 'Resolved today')} value={s.resolvedToday} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('在办', 'Open')} value={s.openNow} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic
                  title={t('超期', 'Overdue')}
                  value={s.overdueNow}
                  valueStyle={{ color: s.overdueNow ? '#cf1322' : undefined }}
                />
              </Col>
              <Col xs={12} md={8}>
                <Statistic
                  title={t('今日平均首次响应', 'Avg first response today')}
                  value={s.averageFirstResponseMinutesToday ?? '—'}
                  suffix={s.averageFirstResponseMinutesToday === null ? '' : t('分钟', 'min')}
                />
              </Col>
              {can('matter.review') && (
                <Col xs={12} md={8}>
                  <Statistic
                    title={t('不满意待复核', 'Unsatisfied, to review')}
                    value={s.awaitingReview}
                    valueStyle={{ color: s.awaitingReview ? '#cf1322' : undefined }}
                  />
                </Col>
              )}
              <Col xs={12} md={8}>
                <Statistic
                  title={t('满意率', 'Satisfaction')}
                  value={s.satisfactionRate === null ? '—' : (s.satisfactionRate * 100).toFixed(1)}
                  suffix={s.satisfactionRate === null ? '' : `% (${s.rated})`}
                />
              </Col>
            </Row>
          </Card>
        </Col>
      )}
    </Row>
  );
}
