import type { ReactNode } from 'react'
import { Link, NavLink } from 'react-router'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { BrandMark } from '../../layout/brand-mark.tsx'
import { LanguageSwitch } from '../../layout/language-switch.tsx'
import './alerts.css'

const SECTIONS = [
  { to: '/public/alerts', labelKey: 'public.nav.alerts' },
  { to: '/public/wanted', labelKey: 'public.nav.wanted' },
  { to: '/public/tips/new', labelKey: 'public.nav.tips' },
  { to: '/public/collection-points', labelKey: 'public.nav.collectionPoints' },
] as const

/** The public pages' frame: the brand, the language switch, the public sections and a way in for staff. */
export function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation('alerts')
  return (
    <div className="ty-public">
      <header className="ty-public-header">
        <Link to="/public/alerts" className="ty-public-brand">
          <BrandMark size={28} />
          <span className="ty-brand-name">{t('common:app.name')}</span>
        </Link>
        <LanguageSwitch />
      </header>
      <nav className="ty-public-nav" aria-label={t('public.nav.label')}>
        {SECTIONS.map((s) => (
          <NavLink key={s.to} to={s.to} end={false} data-testid={`public-nav-${s.to.split('/')[2]}`}>
            {t(s.labelKey)}
          </NavLink>
        ))}
      </nav>
      <main className="ty-public-main">{children}</main>
      <footer className="ty-public-footer">
        <Typography.Text type="secondary">{t('public.footer')}</Typography.Text>
        <a href="/api/alerts/cap.atom">{t('public.capFeed')}</a>
        <Link to="/login">{t('public.staffLogin')}</Link>
      </footer>
    </div>
  )
}
