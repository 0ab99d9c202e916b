import { lazy, Suspense, type ReactNode } from 'react'
import { Navigate, Route, Routes, useLocation } from 'react-router'
import { Button, Result, Spin } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAuth } from './auth/auth-context.tsx'
import { ConsoleLayout } from './layout/console-layout.tsx'
import { LoginPage } from './modules/identity/login-page.tsx'
import { DashboardPage } from './modules/deadlines/dashboard-page.tsx'
import { PERMISSIONS } from './layout/nav-items.tsx'

// Admin and auditor pages load on demand, so officers who never open them never download them.
const UnitsPage = lazy(() => import('./modules/identity/units-page.tsx'))
const UsersPage = lazy(() => import('./modules/identity/users-page.tsx'))
const ApiKeysPage = lazy(() => import('./modules/identity/api-keys-page.tsx'))
const AccountPage = lazy(() => import('./modules/identity/account-page.tsx'))
const AuditPage = lazy(() => import('./modules/audit/audit-page.tsx'))

const centered = { display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: '60vh' }

function PageSpinner() {
  return (
    <div style={centered}>
      <Spin size="large" />
    </div>
  )
}

function RequireUser({ children }: { children: ReactNode }) {
  const { me } = useAuth()
  const location = useLocation()
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />
  return children
}

function RequirePermission({ permission, children }: { permission: string | null; children: ReactNode }) {
  const { can } = useAuth()
  const { t } = useTranslation()
  if (permission && !can(permission)) return <Result status="403" title="403" subTitle={t('common:forbidden')} />
  return <Suspense fallback={<PageSpinner />}>{children}</Suspense>
}

function NotFound() {
  const { t } = useTranslation()
  return <Result status="404" title="404" subTitle={t('common:notFound')} />
}

function Unreachable() {
  const { t } = useTranslation()
  const { retry } = useAuth()
  return (
    <Result
      status="warning"
      title={t('common:unreachable.title')}
      subTitle={t('common:unreachable.detail')}
      extra={
        <Button type="primary" onClick={retry}>
          {t('common:actions.retry')}
        </Button>
      }
    />
  )
}

function LoginRoute() {
  const { me } = useAuth()
  const location = useLocation()
  const from = (location.state as { from?: string } | null)?.from
  return me ? <Navigate to={from && from !== '/login' ? from : '/'} replace /> : <LoginPage />
}

export function AppRoutes() {
  const { status } = useAuth()
  if (status === 'loading') return <PageSpinner />
  if (status === 'unreachable') return <Unreachable />
  return (
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      <Route
        element={
          <RequireUser>
            <ConsoleLayout />
          </RequireUser>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route
          path="units"
          element={
            <RequirePermission permission={PERMISSIONS.units}>
              <UnitsPage />
            </RequirePermission>
          }
        />
        <Route
          path="users"
          element={
            <RequirePermission permission={PERMISSIONS.users}>
              <UsersPage />
            </RequirePermission>
          }
        />
        <Route
          path="api-keys"
          element={
            <RequirePermission permission={PERMISSIONS.apiKeys}>
              <ApiKeysPage />
            </RequirePermission>
          }
        />
        <Route
          path="audit"
          element={
            <RequirePermission permission={PERMISSIONS.audit}>
              <AuditPage />
            </RequirePermission>
          }
        />
        <Route
          path="account"
          element={
            <RequirePermission permission={null}>
              <AccountPage />
            </RequirePermission>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  )
}
