import type { PublicTipCreate } from './api.ts'
import type { Point } from './point-map.tsx'

/** What the tip form holds: the API's shape, with the point kept apart (it is set on the map) and the time as typed. */
export interface TipFormValues {
  text: string
  seenAt?: string
  place: { divisionCode?: string | null; address?: string }
  contact?: { name?: string; phone?: string }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Ids from the address bar are passed on only if they look like ids, so a mangled link still lets the tip go. */
export const uuidOrUndefined = (value: string | null) => (value && UUID.test(value) ? value : undefined)

const present = (value: string | undefined) => (value?.trim() ? value.trim() : undefined)

/** The subject officers see in their inbox: the tip's first line, shortened; the whole text follows it. */
export function subjectOf(text: string): string {
  const first = text.trim().split(/\r?\n/)[0].trim()
  return first.length > 60 ? `${first.slice(0, 59)}…` : first
}

/** China's box, as the server checks it: a point outside it is refused. */
export const isInChina = (p: Point) => p.lat >= 3 && p.lat <= 54 && p.lon >= 73 && p.lon <= 136

/** The request body for the form's values: blanks left out, the local time as an instant. */
export function tipBody(values: TipFormValues, point: Point | null, links: { alertId?: string; caseId?: string }): PublicTipCreate {
  const name = present(values.contact?.name)
  const phone = present(values.contact?.phone)
  const address = present(values.place.address)
  return {
    subject: subjectOf(values.text),
    text: values.text.trim(),
    ...(values.seenAt ? { seenAt: new Date(values.seenAt).toISOString() } : {}),
    place: { divisionCode: values.place.divisionCode ?? '', ...(address ? { address } : {}), ...(point ?? {}) },
    ...(name || phone ? { contact: { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } } : {}),
    ...(links.alertId ? { alertId: links.alertId } : {}),
    ...(links.caseId ? { caseId: links.caseId } : {}),
  }
}
