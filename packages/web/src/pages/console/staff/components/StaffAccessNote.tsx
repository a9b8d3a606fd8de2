/**
 * What this account may do with staff accounts, and whom to ask for the rest (三员分立: the system
 * administrator keeps accounts, the security administrator grants roles). A chief reads the list and
 * is pointed to what the chief does decide: grid duties and who takes desk duty.
 */
import { ROLE_LABELS } from '@jingmin/shared';
import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../../access';
import { useLang } from '../../../../i18n';

export function StaffAccessNote() {
  const { t, label } = useLang();
  const can = useCan();
  const write = can('staff.write');
  const roles = can('staff.roles');
  if (write && roles) return null;
  const sysadmin = <Typography.Text strong>{label(ROLE_LABELS.system_admin)}</Typography.Text>;
  const secadmin = <Typography.Text strong>{label(ROLE_LABELS.security_admin)}</Typography.Text>;
  const ask = (who: ReactNode, what: string) => (
    <li>
      {what}
      {t('：请联系', ': ask the ')}
      {who}
      {t('。', '.')}
    </li>
  );
  const yours: ReactNode[] = [];
  if (can('org.write'))
    yours.push(
      <li key="duties">
        {t(
          '指定网格的责任民警、辅警和网格员：在',
          'Name the responsible officer, auxiliary police and grid members of a grid in ',
        )}
        <Link to="/console/tree">{t('辖区管理', 'Jurisdiction')}</Link>
        {t('中选择网格或村后“调整”。', ' (choose the grid or village, then Change).')}
      </li>,
    );
  if (can('matter.settings'))
    yours.push(
      <li key="desk">
        {t('社区民警是否值守值班台：在', 'Whether community officers take desk duty: in ')}
        <Link to="/console/matter-settings">{t('码上办设置', 'Matter settings')}</Link>
        {t('中设置。', '.')}
      </li>,
    );
  return (
    <Alert
      type="info"
      showIcon
      title={
        write || roles
          ? t('您在这里的权限', 'What you may do here')
          : t(
              '您可以查看本辖区人员的账号、角色和状态（只读）',
              'You may view the accounts, roles and status of your staff (read-only)',
            )
      }
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {yours}
          {!write &&
            ask(
              sysadmin,
              t(
                '新建账号、修改姓名与辖区、停用或启用、重置密码',
                'New accounts, names and scopes, disabling, password resets',
              ),
            )}
          {!roles &&
            ask(
              secadmin,
              t('授予或调整角色、解锁账号、重置双因素认证', 'Granting roles, unlocking, resetting two-factor'),
            )}
        </ul>
      }
    />
  );
}
