/** 我的账号: change the password, sign out of every session. */
import { App, Button, Card, Col, Row, Typography } from 'antd';
import { auth } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useLang } from '../../i18n';
import { PasswordStep } from '../auth/steps';
import { useSession } from './ConsoleApp';

export default function AccountPage() {
  const session = useSession();
  const { t } = useLang();
  const { message } = App.useApp();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12}>
        <Card title={t('修改密码', 'Change password')}>
          <PasswordStep
            busy={false}
            username={session.user.username}
            onSubmit={(current, next) =>
              auth.changePassword(current, next).then(
                () =>
                  message.success(t('密码已修改，其他会话已退出', 'Password changed; other sessions were signed out')),
                (err) => message.error(err instanceof ApiError ? err.message : String(err)),
              )
            }
          />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card title={t('登录会话', 'Sessions')}>
          <Typography.Paragraph>
            {t(
              '如果怀疑账号在其他设备上登录，可以退出所有会话。',
              'If you suspect a sign-in elsewhere, sign out of every session.',
            )}
          </Typography.Paragraph>
          <Button danger onClick={() => auth.logoutAll().finally(() => window.location.assign('/login'))}>
            {t('退出所有会话', 'Sign out everywhere')}
          </Button>
        </Card>
      </Col>
    </Row>
  );
}
