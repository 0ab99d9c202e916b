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
const CollectionPointsPage = lazy(() => import('./modules/collection-points/collection-points-page.tsx'))
const PublicCollectionPointsPage = lazy(() => import('./modules/collection-points/public-page.tsx'))
const DnaHitsPage = lazy(() => import('./modules/dna/hits-page.tsx'))
const DnaHitPage = lazy(() => import('./modules/dna/hit-page.tsx'))
const DnaProfilesPage = lazy(() => import('./modules/dna/profiles-page.tsx'))
const DnaImportPage = lazy(() => import('./modules/dna/import-page.tsx'))
const DnaYstrPage = lazy(() => import('./modules/dna/ystr-page.tsx'))
const FrequencyTablesPage = lazy(() => import('./modules/dna/frequency-tables-page.tsx'))
const AlertsPage = lazy(() => import('./modules/alerts/alerts-page.tsx'))
const AlertPage = lazy(() => import('./modules/alerts/alert-page.tsx'))
const AlertDraftPage = lazy(() => import('./modules/alerts/alert-draft-page.tsx'))
const AlertPartnersPage = lazy(() => import('./modules/alerts/partners-page.tsx'))
const PublicAlertsPage = lazy(() => import('./modules/alerts/public-alerts-page.tsx'))
const PublicAlertPage = lazy(() => import('./modules/alerts/public-alert-page.tsx'))
const CasesPage = lazy(() => import('./modules/cases/cases-page.tsx'))
const CasePage = lazy(() => import('./modules/cases/case-page.tsx'))
const SupervisionPage = lazy(() => import('./modules/cases/supervision-page.tsx'))
const WantedPage = lazy(() => import('./modules/cases/wanted-page.tsx'))
const ColdCasesPage = lazy(() => import('./modules/cases/cold-cases-page.tsx'))
const PublicWantedPage = lazy(() => import('./modules/cases/public-wanted-page.tsx'))
const PublicWantedNoticePage = lazy(() => import('./modules/cases/public-wanted-notice-page.tsx'))
const CluesPage = lazy(() => import('./modules/clues/clues-page.tsx'))
const ClueCreatePage = lazy(() => import('./modules/clues/clue-create-page.tsx'))
const CluePage = lazy(() => import('./modules/clues/clue-page.tsx'))
const ClueStatsPage = lazy(() => import('./modules/clues/clue-stats-page.tsx'))
const PublicTipPage = lazy(() => import('./modules/clues/public-tip-page.tsx'))
const PublicTipStatusPage = lazy(() => import('./modules/clues/public-tip-status-page.tsx'))

// DNA pages and the permission each needs (flat paths, so that the menu highlights the page's own entry).
const DNA_ROUTES: { path: string; permission: string; page: ReactNode }[] = [
  { path: 'dna-hits', permission: PERMISSIONS.dnaRead, page: <DnaHitsPage /> },
  { path: 'dna-hits/:id', permission: PERMISSIONS.dnaRead, page: <DnaHitPage /> },
  { path: 'dna-profiles', permission: PERMISSIONS.dnaRead, page: <DnaProfilesPage /> },
  { path: 'dna-import', permission: PERMISSIONS.dnaWrite, page: <DnaImportPage /> },
  { path: 'dna-ystr', permission: PERMISSIONS.dnaSearch, page: <DnaYstrPage /> },
  { path: 'dna-frequency-tables', permission: PERMISSIONS.frequencyTables, page: <FrequencyTablesPage /> },
]

// 团圆 alert console pages ('alerts/new?caseId=' drafts from a case).
const ALERT_ROUTES: { path: string; permission: string; page: ReactNode }[] = [
  { path: 'alerts', permission: PERMISSIONS.alerts, page: <AlertsPage /> },
  { path: 'alerts/new', permission: PERMISSIONS.alertDraft, page: <AlertDraftPage /> },
  { path: 'alerts/:id', permission: PERMISSIONS.alerts, page: <AlertPage /> },
  { path: 'alerts/:id/edit', permission: PERMISSIONS.alertDraft, page: <AlertDraftPage /> },
  { path: 'alert-partners', permission: PERMISSIONS.alertPartners, page: <AlertPartnersPage /> },
]

// Missing-child cases: list and workspace, supervision (挂牌督办), wanted notices (通缉令) and cold cases (积案).
const CASE_ROUTES: { path: string; permission: string; page: ReactNode }[] = [
  { path: 'cases', permission: PERMISSIONS.cases, page: <CasesPage /> },
  { path: 'cases/:id', permission: PERMISSIONS.cases, page: <CasePage /> },
  { path: 'cold-cases', permission: PERMISSIONS.cases, page: <ColdCasesPage /> },
  { path: 'supervision', permission: PERMISSIONS.supervision, page: <SupervisionPage /> },
  { path: 'wanted-notices', permission: PERMISSIONS.cases, page: <WantedPage /> },
]

// Clues (线索): the unit's inbox, one clue's file, intake by kind ('clues/new?kind='; the page checks the kind's
// permission, as a caseworker may file a mandatory report without reading the inbox) and the monthly figures.
const CLUE_ROUTES: { path: string; permission: string | null; page: ReactNode }[] = [
  { path: 'clues', permission: PERMISSIONS.clues, page: <CluesPage /> },
  { path: 'clues/new', permission: null, page: <ClueCreatePage /> },
  { path: 'clues/:id', permission: PERMISSIONS.clues, page: <CluePage /> },
  { path: 'clue-stats', permission: PERMISSIONS.clues, page: <ClueStatsPage /> },
]

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

/** Pages for the public: no sign-in, no console frame. */
function PublicRoutes() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route path="/public/collection-points" element={<PublicCollectionPointsPage />} />
        <Route path="/public/alerts" element={<PublicAlertsPage />} />
        <Route path="/public/alerts/:id" element={<PublicAlertPage />} />
        <Route path="/public/wanted" element={<PublicWantedPage />} />
        <Route path="/public/wanted/:id" element={<PublicWantedNoticePage />} />
        <Route path="/public/tips/new" element={<PublicTipPage />} />
        <Route path="/public/tips/status" element={<PublicTipStatusPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  )
}

export function AppRoutes() {
  const { status } = useAuth()
  const { pathname } = useLocation()
  // Public pages show at once, whatever the session check says or however long it takes.
  if (pathname.startsWith('/public/')) return <PublicRoutes />
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
          path="collection-points"
          element={
            <RequirePermission permission={PERMISSIONS.collectionPoints}>
              <CollectionPointsPage />
            </RequirePermission>
          }
        />
        {[...DNA_ROUTES, ...ALERT_ROUTES, ...CASE_ROUTES, ...CLUE_ROUTES].map(({ path, permission, page }) => (
          <Route key={path} path={path} element={<RequirePermission permission={permission}>{page}</RequirePermission>} />
        ))}
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
