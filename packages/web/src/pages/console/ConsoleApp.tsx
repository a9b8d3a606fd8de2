/**
 * The staff console: a layout whose menu shows only what the session's
 * capabilities allow (the server decides them), and one route per page.
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  DashboardOutlined,
  InboxOutlined,
  LogoutOutlined,
  SafetyOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type Capability, ROLE_LABELS, type SessionView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { createContext, lazy, type ReactNode, Suspense, useContext, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { auth } from '../../api/auth';
import { LanguageSwitch, useLang } from '../../i18n';
import { AntdRoot } from './AntdRoot';

const Home = lazy(() => import('./HomePage'));
const Desk = lazy(() => import('./desk/DeskPage'));
const Tree = lazy(() => import('./tree/TreePage'));
const Staff = lazy(() => import('./staff/StaffPage'));
const Policies = lazy(() => import('./PoliciesPage'));
const Audit = lazy(() => import('./AuditPage'));
const Account = lazy(() => import('./AccountPage'));

const SessionContext = createContext<SessionView | null>(null);
export const useSession = () => useContext(SessionContext)!;
export const useCan = () => {
  const session = useSession();
  return (cap: Capability) => session.capabilities.includes(cap);
};

interface Item {
  path: string;
  icon: ReactNode;
  zh: string;
  en: string;
  cap?: Capability;
  element: ReactNode;
}

const ITEMS: Item[] = [
  { path: '', icon: <DashboardOutlined />, zh: '工作台', en: 'Overview', element: <Home /> },
  { path: 'desk', icon: <InboxOutlined />, zh: '值班台', en: 'Duty desk', cap: 'matter.read', element: <Desk /> },
  { path: 'tree', icon: <ApartmentOutlined />, zh: '辖区管理', en: 'Jurisdiction', cap: 'org.read', element: <Tree /> },
  {
    path: 'staff',
    icon: <TeamOutlined />,
    zh: '人员账号',
    en: 'Staff accounts',
    cap: 'staff.read',
    element: <Staff />,
  },
  {
    path: 'policies',
    icon: <SafetyOutlined />,
    zh: '安全策略',
    en: 'Security policies',
    cap: 'policy.read',
    element: <Policies />,
  },
  { path: 'audit', icon: <AuditOutlined />, zh: '审计日志', en: 'Audit trail', cap: 'audit.read', element: <Audit /> },
  { path: 'account', icon: <UserOutlined />, zh: '我的账号', en: 'My account', element: <Account /> },
];

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
  const [collapsed, setCollapsed] = useState(false);
  const items = ITEMS.filter((i) => !i.cap || session.capabilities.includes(i.cap));
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
        onCollapse={setCollapsed}
        trigger={null}
        width={200}
        theme="dark"
      >
        <div style={{ color: '#fff', padding: '16px 20px', fontSize: 18, fontWeight: 600 }}>{t('警民', 'Jingmin')}</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[current]}
          items={items.map((i) => ({ key: i.path, icon: i.icon, label: locale === 'en' ? i.en : i.zh }))}
          onClick={({ key }) => {
            navigate(`/console/${key}`);
            if (window.innerWidth < 768) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            flexWrap: 'nowrap',
            overflow: 'hidden',
          }}
        >
          <Button type="text" onClick={() => setCollapsed(!collapsed)} aria-label={t('菜单', 'Menu')}>
            ☰
          </Button>
          <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }}>
            {session.user.scopeUnitName}
          </Typography.Text>
          <Space size={4} wrap={false}>
            <Typography.Text className="hide-narrow">{session.user.displayName}</Typography.Text>
            {session.user.roles.map((r) => (
              <Tag key={r} color="blue" className="hide-narrow">
                {label(ROLE_LABELS[r])}
              </Tag>
            ))}
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={signOut} aria-label={t('退出', 'Sign out')} />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          <Suspense fallback={<Spin />}>
            <Routes>
              {items.map((i) => (
                <Route key={i.path} path={i.path === '' ? '' : `${i.path}/*`} element={i.element} />
              ))}
              <Route path="*" element={<Navigate to="/console" replace />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
      <style>{'@media (max-width: 600px) { .hide-narrow { display: none !important; } }'}</style>
    </Layout>
  );
}
