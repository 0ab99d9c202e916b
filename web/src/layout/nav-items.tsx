import type { ReactNode } from 'react'
import type { MenuProps } from 'antd'
import {
  AimOutlined,
  ApiOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FlagOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FolderOpenOutlined,
  FormOutlined,
  HistoryOutlined,
  InboxOutlined,
  ManOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  TableOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../auth/auth-context.tsx'

/** The permission each admin page needs; the server checks the same ones, this only hides what would be refused. */
export const PERMISSIONS = {
  units: 'unit.manage',
  users: 'user.manage',
  apiKeys: 'user.manage',
  audit: 'audit.read',
  collectionPoints: 'collection_point.manage',
  dnaRead: 'dna.profile.read',
  dnaWrite: 'dna.profile.write',
  dnaSearch: 'dna.search',
  frequencyTables: 'frequency_table.manage',
  alerts: 'alert.read',
  alertDraft: 'alert.draft',
  alertPartners: 'alert.partner.manage',
  cases: 'case.read',
  supervision: 'supervision.read',
  clues: 'clue.read',
  mandatoryReport: 'mandatory_report.submit',
} as const

/** Menu groups (submenus): each shows where its first permitted entry falls, and only if it has one. */
const GROUPS = {
  cases: { icon: <FolderOpenOutlined />, labelKey: 'cases:nav.group' },
  dna: { icon: <ExperimentOutlined />, labelKey: 'dna:nav.group' },
  clues: { icon: <InboxOutlined />, labelKey: 'clues:nav.group' },
}

const ITEMS: { path: string; icon: ReactNode; labelKey: string; permission: string | null; group?: keyof typeof GROUPS }[] = [
  { path: '/', icon: <DashboardOutlined />, labelKey: 'nav.dashboard', permission: null },
  { path: '/cases', icon: <FileSearchOutlined />, labelKey: 'cases:nav.cases', permission: PERMISSIONS.cases, group: 'cases' },
  { path: '/supervision', icon: <FlagOutlined />, labelKey: 'cases:nav.supervision', permission: PERMISSIONS.supervision, group: 'cases' },
  {
    path: '/wanted-notices',
    icon: <SafetyCertificateOutlined />,
    labelKey: 'cases:nav.wanted',
    permission: PERMISSIONS.cases,
    group: 'cases',
  },
  { path: '/cold-cases', icon: <HistoryOutlined />, labelKey: 'cases:nav.cold', permission: PERMISSIONS.cases, group: 'cases' },
  { path: '/dna-hits', icon: <AimOutlined />, labelKey: 'dna:nav.hits', permission: PERMISSIONS.dnaRead, group: 'dna' },
  { path: '/dna-profiles', icon: <ProfileOutlined />, labelKey: 'dna:nav.profiles', permission: PERMISSIONS.dnaRead, group: 'dna' },
  { path: '/dna-import', icon: <CloudUploadOutlined />, labelKey: 'dna:nav.import', permission: PERMISSIONS.dnaWrite, group: 'dna' },
  { path: '/dna-ystr', icon: <ManOutlined />, labelKey: 'dna:nav.ystr', permission: PERMISSIONS.dnaSearch, group: 'dna' },
  {
    path: '/dna-frequency-tables',
    icon: <TableOutlined />,
    labelKey: 'dna:nav.frequencyTables',
    permission: PERMISSIONS.frequencyTables,
    group: 'dna',
  },
  { path: '/clues', icon: <InboxOutlined />, labelKey: 'clues:nav.inbox', permission: PERMISSIONS.clues, group: 'clues' },
  {
    path: '/clues/new?kind=mandatory_report',
    icon: <FormOutlined />,
    labelKey: 'clues:nav.mandatoryReport',
    permission: PERMISSIONS.mandatoryReport,
    group: 'clues',
  },
  { path: '/clue-stats', icon: <BarChartOutlined />, labelKey: 'clues:nav.stats', permission: PERMISSIONS.clues, group: 'clues' },
  { path: '/alerts', icon: <BellOutlined />, labelKey: 'alerts:nav.alerts', permission: PERMISSIONS.alerts },
  { path: '/alert-partners', icon: <ClusterOutlined />, labelKey: 'alerts:nav.partners', permission: PERMISSIONS.alertPartners },
  { path: '/units', icon: <ApartmentOutlined />, labelKey: 'nav.units', permission: PERMISSIONS.units },
  { path: '/users', icon: <TeamOutlined />, labelKey: 'nav.users', permission: PERMISSIONS.users },
  { path: '/api-keys', icon: <ApiOutlined />, labelKey: 'nav.apiKeys', permission: PERMISSIONS.apiKeys },
  { path: '/audit', icon: <AuditOutlined />, labelKey: 'nav.audit', permission: PERMISSIONS.audit },
  {
    path: '/collection-points',
    icon: <EnvironmentOutlined />,
    labelKey: 'nav.collectionPoints',
    permission: PERMISSIONS.collectionPoints,
  },
  { path: '/account', icon: <UserOutlined />, labelKey: 'nav.account', permission: null },
]

type Entries = NonNullable<MenuProps['items']>

/** Menu entries the signed-in user may open, keyed by path; grouped entries sit in their submenu. */
export function useNavItems(): Entries {
  const { t } = useTranslation()
  const { can } = useAuth()
  const entries: Entries = []
  const groups = new Map<string, Entries>()
  for (const item of ITEMS.filter((item) => item.permission === null || can(item.permission))) {
    const entry = { key: item.path, icon: item.icon, label: t(item.labelKey) }
    if (!item.group) {
      entries.push(entry)
      continue
    }
    let children = groups.get(item.group)
    if (!children) {
      children = []
      groups.set(item.group, children)
      entries.push({ key: `group:${item.group}`, icon: GROUPS[item.group].icon, label: t(GROUPS[item.group].labelKey), children })
    }
    children.push(entry)
  }
  return entries
}
