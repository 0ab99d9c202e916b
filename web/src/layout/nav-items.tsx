import type { ReactNode } from 'react'
import type { MenuProps } from 'antd'
import { ApiOutlined, ApartmentOutlined, AuditOutlined, DashboardOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../auth/auth-context.tsx'

/** The permission each admin page needs; the server checks the same ones, this only hides what would be refused. */
export const PERMISSIONS = {
  units: 'unit.manage',
  users: 'user.manage',
  apiKeys: 'user.manage',
  audit: 'audit.read',
} as const

const ITEMS: { path: string; icon: ReactNode; labelKey: string; permission: string | null }[] = [
  { path: '/', icon: <DashboardOutlined />, labelKey: 'nav.dashboard', permission: null },
  { path: '/units', icon: <ApartmentOutlined />, labelKey: 'nav.units', permission: PERMISSIONS.units },
  { path: '/users', icon: <TeamOutlined />, labelKey: 'nav.users', permission: PERMISSIONS.users },
  { path: '/api-keys', icon: <ApiOutlined />, labelKey: 'nav.apiKeys', permission: PERMISSIONS.apiKeys },
  { path: '/audit', icon: <AuditOutlined />, labelKey: 'nav.audit', permission: PERMISSIONS.audit },
  { path: '/account', icon: <UserOutlined />, labelKey: 'nav.account', permission: null },
]

/** Menu entries the signed-in user may open, keyed by path. */
export function useNavItems(): NonNullable<MenuProps['items']> {
  const { t } = useTranslation()
  const { can } = useAuth()
  return ITEMS.filter((item) => item.permission === null || can(item.permission)).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: t(item.labelKey),
  }))
}
