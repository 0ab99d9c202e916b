import type { TFunction } from 'i18next'

/** "约 850 米" under a kilometre, "约 3.2 公里" under a hundred, whole kilometres beyond. */
export function formatDistance(t: TFunction, km: number): string {
  if (km < 1) return t('collectionPoints:public.distance.m', { value: Math.max(50, Math.round((km * 1000) / 50) * 50) })
  return t('collectionPoints:public.distance.km', { value: km < 100 ? km.toFixed(1) : Math.round(km) })
}

/** The number to dial from a phone field such as "0755-0000000 转 2": the first run of digits, dashes and spaces. */
export function telHref(phone: string): string | null {
  const number = phone.match(/\+?\d[\d\s()-]*\d/)?.[0]
  return number ? `tel:${number.replace(/[^\d+]/g, '')}` : null
}

/** 0.01° is about a kilometre: enough to find the nearest points, too coarse to say where someone lives. */
export const roundCoordinate = (degrees: number) => Math.round(degrees * 100) / 100

/** The division one level up, as a code prefix covers it: county → city → province. */
export function widerDivision(code: string): string | null {
  if (code.endsWith('0000')) return null
  if (code.endsWith('00')) return `${code.slice(0, 2)}0000`
  return `${code.slice(0, 4)}00`
}
