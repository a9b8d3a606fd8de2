/**
 * /console/*: the staff console. The layout's menu and routes show only the
 * pages the session's capabilities allow (the server decides them); on a
 * phone the side menu folds away behind the ☰ button.
 */
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { type Capability, ROLE_LABELS } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Grid, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { SessionContext, useSession } from '../../../access';
import { auth } from '../../../api/auth';
import { AntdRoot } from '../../../components/AntdRoot';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useLang } from '../../../i18n';
import { PAGES } from './menu';

export default function ConsoleApp() {
  const session = useQuery({ queryKey: ['session'], queryFn: auth.session, retry: false, staleTime: 60_000 });
  if (session.isPending) return <Spin fullscreen />;
  if (session.data?.stage !== 'full') return <Navigate to="/login" replace />;
  return (
    <AntdRoot>
      <SessionContext.Provider value={session.data}>
        <Shell />
      </SessionContext.Provider>
    </AntdRoot>
  );
}

function Shell() {
  const session = useSession();
  const { t, label, locale } = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const held = (cap: Capability | undefined) => cap !== undefined && session.capabilities.includes(cap);
  const pages = PAGES.filter((p) => (p.anyCap ? p.anyCap.some(held) : !p.cap || held(p.cap)) && !held(p.notFor));
  const current = location.pathname.replace(/^\/console\/?/, '').split('/')[0] ?? '';
  const signOut = async () => {
    await auth.logout().catch(() => undefined);
    // A full page load: nothing of this session stays in memory.
    window.location.assign('/login');
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="md"
        collapsedWidth={0}
        collapsible
        collapsed={collapsed}
        onBreakpoint={(broken) => setCollapsed(broken)}
        onCollapse={setCollapsed}
        trigger={null}
        width={200}
        theme="dark"
        style={narrow ? { position: 'fixed', zIndex: 20, height: '100vh', left: 0, top: 0 } : undefined}
      >
        <div style={{ color: '#fff', padding: '16px 20px', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('警民', 'Jingmin')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[current]}
          items={pages.map((p) => ({ key: p.path, icon: p.icon, label: locale === 'en' ? p.en : p.zh }))}
          onClick={({ key }) => {
            navigate(`/console/${key}`);
            if (narrow) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      {narrow && !collapsed && (
        // The open menu covers the page on a phone; a tap beside it closes it.
        <div
          aria-hidden
          onClick={() => setCollapsed(true)}
          style={{ position: 'fixed', inset: 0, zIndex: 19, background: 'rgba(0,0,0,0.35)' }}
        />
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 12px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            overflow: 'hidden',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Button
            type="text"
            icon={<MenuOutlined />}
            onClick={() => setCollapsed(!collapsed)}
            aria-label={t('菜单', 'Menu')}
          />
          <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }}>
            {session.user.scopeUnitName}
          </Typography.Text>
          <Space size={4} wrap={false}>
            {!narrow && <Typography.Text>{session.user.displayName}</Typography.Text>}
            {!narrow &&
              session.user.roles.map((r) => (
                <Tag key={r} color="blue">
                  {label(ROLE_LABELS[r])}
                </Tag>
              ))}
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={signOut} aria-label={t('退出', 'Sign out')}>
              {narrow ? null : t('退出', 'Sign out')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 8 : 16, minWidth: 0 }}>
          <Suspense fallback={<Spin />}>
            <Routes>
              {pages.map((p) => (
                <Route key={p.path} path={p.path === '' ? '' : `${p.path}/*`} element={p.element} />
              ))}
              <Route path="*" element={<Navigate to="/console" replace />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
      {/* On a phone a drawer fills the screen with its title (the 回执号) on top: toasts open below that bar. */}
      <style>{'@media (max-width: 767px) { .ant-message { top: 64px !important; } }'}</style>
    </Layout>
  );
}
