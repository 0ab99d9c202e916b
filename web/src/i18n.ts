// i18next with zh-CN as default and fallback; every namespace is bundled, so the console works offline.
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn.js'
import relativeTime from 'dayjs/plugin/relativeTime.js'
import zhCommon from './locales/zh-CN/common.json' with { type: 'json' }
import zhAuth from './locales/zh-CN/auth.json' with { type: 'json' }
import zhIdentity from './locales/zh-CN/identity.json' with { type: 'json' }
import zhAudit from './locales/zh-CN/audit.json' with { type: 'json' }
import zhDeadlines from './locales/zh-CN/deadlines.json' with { type: 'json' }
import zhErrors from './locales/zh-CN/errors.json' with { type: 'json' }
import zhCollectionPoints from './locales/zh-CN/collectionPoints.json' with { type: 'json' }
import zhDna from './locales/zh-CN/dna.json' with { type: 'json' }
import zhAlerts from './locales/zh-CN/alerts.json' with { type: 'json' }
import zhCases from './locales/zh-CN/cases.json' with { type: 'json' }
import zhClues from './locales/zh-CN/clues.json' with { type: 'json' }
import enCommon from './locales/en/common.json' with { type: 'json' }
import enAuth from './locales/en/auth.json' with { type: 'json' }
import enIdentity from './locales/en/identity.json' with { type: 'json' }
import enAudit from './locales/en/audit.json' with { type: 'json' }
import enDeadlines from './locales/en/deadlines.json' with { type: 'json' }
import enErrors from './locales/en/errors.json' with { type: 'json' }
import enCollectionPoints from './locales/en/collectionPoints.json' with { type: 'json' }
import enDna from './locales/en/dna.json' with { type: 'json' }
import enAlerts from './locales/en/alerts.json' with { type: 'json' }
import enCases from './locales/en/cases.json' with { type: 'json' }
import enClues from './locales/en/clues.json' with { type: 'json' }

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'zh-CN'

const STORAGE_KEY = 'tuanyuan.language'
const DAYJS_LOCALE: Record<Language, string> = { 'zh-CN': 'zh-cn', en: 'en' }

const resources = {
  'zh-CN': {
    common: zhCommon,
    auth: zhAuth,
    identity: zhIdentity,
    audit: zhAudit,
    deadlines: zhDeadlines,
    errors: zhErrors,
    collectionPoints: zhCollectionPoints,
    dna: zhDna,
    alerts: zhAlerts,
    cases: zhCases,
    clues: zhClues,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    identity: enIdentity,
    audit: enAudit,
    deadlines: enDeadlines,
    errors: enErrors,
    collectionPoints: enCollectionPoints,
    dna: enDna,
    alerts: enAlerts,
    cases: enCases,
    clues: enClues,
  },
}

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language)

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE
  } catch {
    return DEFAULT_LANGUAGE
  }
}

function applyLanguage(language: Language) {
  dayjs.locale(DAYJS_LOCALE[language])
  document.documentElement.lang = language
}

/** The language in use, narrowed to the ones we ship. */
export const currentLanguage = (): Language => (isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE)

/** Switches i18next, dayjs and <html lang>, and remembers the choice for the next visit. */
export async function changeLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private mode may refuse storage; the switch still applies to this visit.
  }
  applyLanguage(language)
  await i18n.changeLanguage(language)
}

dayjs.extend(relativeTime)
const initial = readStoredLanguage()
applyLanguage(initial)
void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  load: 'currentOnly',
  ns: Object.keys(resources[DEFAULT_LANGUAGE]),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
})

export default i18n
