import { formatChineseTime, formatEnglishTime } from './time.ts'
import type { CapAlertDetails, CapMessageInput } from './types.ts'

export const CAP_LANGUAGES = ['zh-CN', 'en'] as const
export type CapLanguage = (typeof CAP_LANGUAGES)[number]

/** The human-readable fields of one `info` block. */
export interface CapInfoTexts {
  event: string
  headline: string
  description: string
  instruction: string
  areaDesc: string
  photoDesc: string
}

type CancelReason = NonNullable<CapMessageInput['cancelReason']>
type DrillStatus = Exclude<CapMessageInput['status'], 'Actual'>

interface LanguageTemplate {
  event: string
  alert(details: CapAlertDetails, radiusKm: string): Omit<CapInfoTexts, 'event'>
  cancel(reason: CancelReason, radiusKm: string): Omit<CapInfoTexts, 'event'>
  drillPrefix: Record<DrillStatus, string>
}

// Police write these fields by hand and often end them with a full stop; the templates add their own.
const clean = (text: string): string => text.trim().replace(/[\s。．.！!；;，,、]+$/u, '')

/** Joins the non-empty parts with `separator`, so a missing age or height leaves no empty slot. */
const join = (separator: string, parts: (string | false | null | undefined)[]): string =>
  parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(separator)

const ZH_SEX = { male: '男', female: '女', unknown: null }
const EN_SEX = { male: 'male', female: 'female', unknown: null }

const zhCN: LanguageTemplate = {
  event: '儿童失踪紧急警报',
  alert: (d, radius) => ({
    headline: `团圆紧急寻人：${join('，', [clean(d.childName), ZH_SEX[d.sex], d.ageYears !== null && `${d.ageYears}岁`])}`,
    description: join('', [
      `${join('，', [clean(d.childName), ZH_SEX[d.sex], d.ageYears !== null && `${d.ageYears}岁`, d.heightCm !== null && `身高约${d.heightCm}厘米`])}。`,
      `${formatChineseTime(d.lastSeenAt)}在${clean(d.lastSeenPlace)}走失。`,
      clean(d.clothing) && `衣着：${clean(d.clothing)}。`,
      clean(d.marks) && `体貌特征：${clean(d.marks)}。`,
      clean(d.description) && `${clean(d.description)}。`,
    ]),
    instruction: `如看到该儿童或有任何线索，请立即拨打${d.contactPhone.trim()}或110报警。请勿自行接近可疑人员。`,
    areaDesc: `${clean(d.lastSeenPlace)}周边${radius}公里范围`,
    photoDesc: '儿童照片',
  }),
  cancel: (reason, radius) => ({
    headline: reason === 'found' ? '团圆紧急寻人已解除：儿童已找到' : '团圆紧急寻人已撤销',
    description: reason === 'found' ? '该儿童已找到。感谢社会各界的关注与帮助。' : '此前发布的寻人警报已由发布单位撤销。',
    instruction: '无需再提供线索。请停止转发此前的寻人信息。',
    areaDesc: `原警报范围（半径${radius}公里）`,
    photoDesc: '儿童照片',
  }),
  drillPrefix: { Exercise: '【演练】', Test: '【测试】' },
}

const en: LanguageTemplate = {
  event: 'Child Abduction Emergency',
  alert: (d, radius) => ({
    headline: `Missing child: ${join(', ', [clean(d.childName), EN_SEX[d.sex], d.ageYears !== null && String(d.ageYears)])}`,
    description: join(' ', [
      `${join(', ', [clean(d.childName), EN_SEX[d.sex], d.ageYears !== null && `${d.ageYears} years old`, d.heightCm !== null && `about ${d.heightCm} cm tall`])}.`,
      `Last seen ${formatEnglishTime(d.lastSeenAt)} at ${clean(d.lastSeenPlace)}.`,
      clean(d.clothing) && `Wearing: ${clean(d.clothing)}.`,
      clean(d.marks) && `Distinguishing marks: ${clean(d.marks)}.`,
      clean(d.description) && `${clean(d.description)}.`,
    ]),
    instruction: `If you see this child or have any information, call ${d.contactPhone.trim()} or 110 at once. Do not approach anyone with the child yourself.`,
    areaDesc: `Within ${radius} km of ${clean(d.lastSeenPlace)}`,
    photoDesc: 'Photo of the child',
  }),
  cancel: (reason, radius) => ({
    headline: reason === 'found' ? 'Missing child alert ended: the child has been found' : 'Missing child alert withdrawn',
    description:
      reason === 'found'
        ? 'The child has been found. Thank you for your help.'
        : 'The issuing unit has withdrawn its earlier missing child alert.',
    instruction: 'No further information is needed. Please stop sharing the earlier alert.',
    areaDesc: `Area of the earlier alert (${radius} km radius)`,
    photoDesc: 'Photo of the child',
  }),
  drillPrefix: { Exercise: '[Exercise] ', Test: '[Test] ' },
}

const TEMPLATES: Record<CapLanguage, LanguageTemplate> = { 'zh-CN': zhCN, en }

/**
 * The texts of the `info` block in `language`. A Cancel carries none of the child's details: the issue
 * asks that a found child's photo and details leave public view, and a Cancel outlives the alert in feeds.
 */
export function capInfoTexts(language: CapLanguage, input: CapMessageInput, radiusKm: string): CapInfoTexts {
  const template = TEMPLATES[language]
  const texts =
    input.msgType === 'Cancel' ? template.cancel(input.cancelReason ?? 'withdrawn', radiusKm) : template.alert(input.details, radiusKm)
  const prefix = input.status === 'Actual' ? '' : template.drillPrefix[input.status]
  return { event: template.event, ...texts, headline: prefix + texts.headline }
}

/** CAP `note` for drills, in both languages since the note belongs to the whole message, not to an info block. */
export function drillNote(status: CapMessageInput['status']): string | null {
  if (status === 'Exercise') return '演练信息，并非真实警报。Exercise message: not a real alert.'
  if (status === 'Test') return '系统测试，请忽略。Technical test: please disregard.'
  return null
}
