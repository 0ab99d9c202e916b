import type { Dayjs } from 'dayjs'
import type { ConsoleClueBody, ConsoleKind, InstitutionType } from './api.ts'
import type { Point } from './point-map.tsx'

/** What the intake form holds; names follow the API's fields, so that the server's error paths land on them. */
export interface ClueFormValues {
  subject: string
  text: string
  seenAt?: Dayjs | null
  place?: { divisionCode?: string | null; address?: string }
  caseId?: string
  contact?: { name?: string; phone?: string }
  institutionType?: InstitutionType
  institutionName?: string
  url?: string
  platform?: string
  targetUnitId?: string
  dueAt?: Dayjs | null
}

const present = (value: string | undefined | null) => (value?.trim() ? value.trim() : undefined)

/** Kinds whose clue must say where: they are routed by their place. */
export const needsPlace = (kind: ConsoleKind) => kind === 'public_tip' || kind === 'mandatory_report'
/** Kinds addressed to a unit, with a due date the sender may bring forward. */
export const isAddressed = (kind: ConsoleKind) => kind === 'directive' || kind === 'assist_request'
/** Kinds with a person to call back. */
export const hasContact = (kind: ConsoleKind) => kind === 'public_tip' || kind === 'mandatory_report'

function placeOf(values: ClueFormValues, point: Point | null) {
  const divisionCode = present(values.place?.divisionCode)
  if (!divisionCode) return undefined
  const address = present(values.place?.address)
  return { divisionCode, ...(address ? { address } : {}), ...(point ?? {}) }
}

function contactOf(values: ClueFormValues) {
  const name = present(values.contact?.name)
  const phone = present(values.contact?.phone)
  return name || phone ? { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } : undefined
}

/** The request body for the kind: only its own fields, blanks left out, times as instants. */
export function clueBody(kind: ConsoleKind, values: ClueFormValues, point: Point | null): ConsoleClueBody {
  const place = placeOf(values, point)
  const contact = hasContact(kind) ? contactOf(values) : undefined
  const common = {
    subject: values.subject.trim(),
    text: values.text.trim(),
    ...(values.seenAt ? { seenAt: values.seenAt.toISOString() } : {}),
    ...(values.caseId ? { caseId: values.caseId } : {}),
    ...(contact ? { contact } : {}),
  }
  switch (kind) {
    case 'public_tip':
      return { ...common, place: place! }
    case 'mandatory_report':
      return { ...common, place: place!, institutionType: values.institutionType!, institutionName: values.institutionName?.trim() ?? '' }
    case 'online_report':
      return { ...common, ...(place ? { place } : {}), url: values.url?.trim() ?? '', platform: values.platform?.trim() ?? '' }
    case 'directive':
    case 'assist_request':
      return {
        ...common,
        ...(place ? { place } : {}),
        targetUnitId: values.targetUnitId ?? '',
        ...(values.dueAt ? { dueAt: values.dueAt.toISOString() } : {}),
      }
  }
}
