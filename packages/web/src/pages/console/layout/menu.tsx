/** The console's pages and the capability each needs; the menu shows only what the session holds. */
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CommentOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  FundOutlined,
  HomeOutlined,
  InboxOutlined,
  LineChartOutlined,
  PhoneOutlined,
  QrcodeOutlined,
  SafetyOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Capability } from '@jingmin/shared';
import { lazy, type ReactNode } from 'react';

const Home = lazy(() => import('../home'));
const Desk = lazy(() => import('../desk'));
const Tasks = lazy(() => import('../tasks'));
const Disputes = lazy(() => import('../disputes'));
const Reports = lazy(() => import('../reports'));
const MatterSettings = lazy(() => import('../matter-settings'));
const Calendar = lazy(() => import('../calendar'));
const Privacy = lazy(() => import('../privacy'));
const Meetings = lazy(() => import('../meetings'));
const Visits = lazy(() => import('../visits'));
const Hazards = lazy(() => import('../hazards'));
const Patrols = lazy(() => import('../patrols'));
const Alliance = lazy(() => import('../alliance'));
const Rooms = lazy(() => import('../rooms'));
const Warnings = lazy(() => import('../warnings'));
const Fraud = lazy(() => import('../fraud'));
const Window = lazy(() => import('../window'));
const Checks = lazy(() => import('../checks'));
const Dashboard = lazy(() => import('../dashboard'));
const PublicFigures = lazy(() => import('../public-figures'));
const EvaluationFigures = lazy(() => import('../evaluations'));
const Reviews = lazy(() => import('../reviews'));
const MyCallbacks = lazy(() => import('../reviews/mine'));
const Tree = lazy(() => import('../tree'));
const Beats = lazy(() => import('../beats'));
const Staff = lazy(() => import('../staff'));
const Policies = lazy(() => import('../policies'));
const Audit = lazy(() => import('../audit'));
const Account = lazy(() => import('../account'));

export interface ConsolePage {
  /** Path under /console ('' is the overview). */
  path: string;
  icon: ReactNode;
  zh: string;
  en: string;
  /** Needed to see the page; none means every signed-in account. */
  cap?: Capability;
  /** Or any one of these (a page whose tabs each need their own capability). */
  anyCap?: readonly Capability[];
  /** Hidden from accounts holding this (a partner department's `matter.department_only`). */
  notFor?: Capability;
  element: ReactNode;
}

export const PAGES: ConsolePage[] = [
  { path: '', icon: <DashboardOutlined />, zh: '工作台', en: 'Overview', element: <Home /> },
  // The desk is for those who take desk duty (a community officer only where the station allows it) and
  // for supervisors; everyone else who handles matters works from 我的任务.
  { path: 'desk', icon: <InboxOutlined />, zh: '值班台', en: 'Duty desk', cap: 'matter.inbox', element: <Desk /> },
  {
    path: 'tasks',
    icon: <CarryOutOutlined />,
    zh: '我的任务',
    en: 'My tasks',
    cap: 'matter.handle',
    element: <Tasks />,
  },
  // 矛盾纠纷: those who work cases (dispute.read; the bureau reads them) — the list, and a case at /console/disputes/:id.
  {
    path: 'disputes',
    icon: <SolutionOutlined />,
    zh: '矛盾纠纷',
    en: 'Disputes',
    cap: 'dispute.read',
    element: <Disputes />,
  },
  // 分析报告: the monthly dispute analysis, for those who read a station's cases (not a mediator's given ones).
  {
    path: 'reports',
    icon: <FileTextOutlined />,
    zh: '分析报告',
    en: 'Reports',
    cap: 'dispute.read',
    notFor: 'dispute.assigned_only',
    element: <Reports />,
  },
  { path: 'tree', icon: <ApartmentOutlined />, zh: '辖区管理', en: 'Jurisdiction', cap: 'org.read', element: <Tree /> },
  // 警务区: the station's beats — who answers for which grids and villages (the chief and the sysadmin change them).
  {
    path: 'beats',
    icon: <EnvironmentOutlined />,
    zh: '警务区',
    en: 'Police beats',
    cap: 'org.read',
    element: <Beats />,
  },
  // 个人信息申请: the desk and the chief answer residents' deletion requests (every station chief holds matter.desk).
  {
    path: 'privacy',
    icon: <FileProtectOutlined />,
    zh: '个人信息申请',
    en: 'Data requests',
    cap: 'matter.desk',
    element: <Privacy />,
  },
  // 召开会议必评: the desk and the chief record meetings and show their attendance QR.
  {
    path: 'meetings',
    icon: <QrcodeOutlined />,
    zh: '会议评价',
    en: 'Meetings',
    cap: 'matter.desk',
    element: <Meetings />,
  },
  // 走访入户: field workers log visits (their evaluation QR shown at the door); who reads field work sees plan and coverage.
  {
    path: 'visits',
    icon: <HomeOutlined />,
    zh: '走访入户',
    en: 'Household visits',
    cap: 'field.read',
    element: <Visits />,
  },
  // 巡逻防控: teams, 必到点 (their QR sheets), 必巡线 and patrols with their check-ins and point coverage.
  {
    path: 'patrols',
    icon: <FlagOutlined />,
    zh: '巡逻防控',
    en: 'Patrols',
    cap: 'field.read',
    element: <Patrols />,
  },
  // 隐患台账: hazards found in the field, their deadlines, fixes and verification.
  {
    path: 'hazards',
    icon: <WarningOutlined />,
    zh: '隐患台账',
    en: 'Hazards',
    cap: 'field.read',
    element: <Hazards />,
  },
  // 平安联盟: the station's volunteers — applications, approval, suspension — and their month's contributions.
  {
    path: 'alliance',
    icon: <TeamOutlined />,
    zh: '平安联盟',
    en: 'Safety alliance',
    cap: 'field.read',
    element: <Alliance />,
  },
  // 议事厅: the station's rooms (一警一群) — hosts answer "@" and moderate; room.manage creates rooms and sets rules.
  {
    path: 'rooms',
    icon: <CommentOutlined />,
    zh: '议事厅',
    en: 'Community rooms',
    cap: 'room.read',
    element: <Rooms />,
  },
  // 宣传预警: notices to an area with their reach (delivered / opened / acknowledged) and the QR scan coverage.
  {
    path: 'warnings',
    icon: <AlertOutlined />,
    zh: '宣传预警',
    en: 'Warnings',
    cap: 'warning.read',
    element: <Warnings />,
  },
  // 反诈预警: instructions from the anti-fraud centre — the desk and the chief see all, an officer its own.
  {
    path: 'fraud',
    icon: <FundOutlined />,
    zh: '反诈预警',
    en: 'Anti-fraud',
    anyCap: ['fraud.handle', 'fraud.figures', 'fraud.manage'],
    element: <Fraud />,
  },
  // 接待来访必评: the desk shows and prints the window QR; the chief (matter.settings) edits the list and replaces it.
  {
    path: 'window',
    icon: <ShopOutlined />,
    zh: '窗口评价',
    en: 'Window evaluations',
    cap: 'matter.desk',
    element: <Window />,
  },
  // 双率抽查: the chief and the bureau (scope.grant) draw and read the rates; an inspector answers through a
  // grant, and a grant is lent only to an account that reads households through its role (household.read).
  {
    path: 'checks',
    icon: <FileSearchOutlined />,
    zh: '双率抽查',
    en: 'Sample checks',
    cap: 'household.read',
    element: <Checks />,
  },
  // 监督分析: the chief reads the station's 考核指标 and its six areas, the bureau its stations side by side; each figure
  // opens the list of what it counted.
  {
    path: 'dashboard',
    icon: <LineChartOutlined />,
    zh: '监督分析',
    en: 'Dashboards',
    cap: 'dashboard.read',
    element: <Dashboard />,
  },
  // 公开数据: the chief switches the station's public page of figures on and prints its QR; the bureau sees the switch.
  {
    path: 'public-figures',
    icon: <QrcodeOutlined />,
    zh: '公开数据',
    en: 'Public figures',
    cap: 'dashboard.read',
    element: <PublicFigures />,
  },
  // 评价统计: the chief, the duty officer and the bureau read the figures (matter.supervise, as the route).
  {
    path: 'evaluations',
    icon: <BarChartOutlined />,
    zh: '评价统计',
    en: 'Evaluation figures',
    cap: 'matter.supervise',
    element: <EvaluationFigures />,
  },
  // 不满意不放过: the chief reviews unsatisfied answers, assigns callbacks and accepts flagged answers.
  {
    path: 'reviews',
    icon: <PhoneOutlined />,
    zh: '评价复核',
    en: 'Evaluation reviews',
    cap: 'matter.review',
    element: <Reviews />,
  },
  // 我的回访: whoever the chief names calls the resident back and records what it found (matter.handle, as the route).
  {
    path: 'callbacks',
    icon: <CustomerServiceOutlined />,
    zh: '我的回访',
    en: 'My callbacks',
    cap: 'matter.handle',
    element: <MyCallbacks />,
  },
  {
    path: 'matter-settings',
    icon: <SettingOutlined />,
    zh: '码上办设置',
    en: 'Matter settings',
    cap: 'matter.desk',
    element: <MatterSettings />,
  },
  {
    path: 'calendar',
    icon: <CalendarOutlined />,
    zh: '工作日历',
    en: 'Working days',
    cap: 'org.read',
    element: <Calendar />,
  },
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
