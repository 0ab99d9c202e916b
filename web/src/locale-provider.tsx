import type { ReactNode } from 'react'
import { App as AntApp, ConfigProvider } from 'antd'
import zhCNModule from 'antd/es/locale/zh_CN.js'
import enUSModule from 'antd/es/locale/en_US.js'
import { useTranslation } from 'react-i18next'
import { currentLanguage, type Language } from './i18n.ts'

type Locale = typeof zhCNModule.default

// antd ships its locales as CommonJS-flavoured ES modules: the bundler hands over the locale itself,
// while TypeScript (NodeNext) sees the module. Accept both.
const unwrap = (module: { default: Locale } | Locale): Locale => ('default' in module ? (module.default as Locale) : module)

const ANTD_LOCALE: Record<Language, Locale> = { 'zh-CN': unwrap(zhCNModule), en: unwrap(enUSModule) }

const THEME = { token: { colorPrimary: '#1d4f91', borderRadius: 4 } }

/** Ant Design follows the i18next language; useTranslation re-renders this when the language changes. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  useTranslation()
  return (
    <ConfigProvider locale={ANTD_LOCALE[currentLanguage()]} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  )
}
