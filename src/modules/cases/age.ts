// Ages as Chinese records count them: full years, on China's calendar date (UTC+8).

const CHINA_OFFSET_MS = 8 * 3600_000

/** The calendar date in China of an instant, as YYYY-MM-DD. */
export const chinaDay = (at: Date): string => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)

/** Full years from `birthDate` (YYYY-MM-DD) to the China date of `on`; a 29 February birthday counts on 1 March. */
export function ageOn(birthDate: string, on: Date): number {
  const day = chinaDay(on)
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1
}

/** Full years between two instants. */
export function yearsBetween(from: Date, to: Date): number {
  return Math.max(0, ageOn(chinaDay(from), to))
}

/** How old the child is at `now`: from the birth date, or from the age when last seen plus the years since. */
export function ageNow(child: { birthDate: string | null; ageYears: number | null; lastSeenAt: Date }, now: Date): number | null {
  if (child.birthDate) return Math.max(0, ageOn(child.birthDate, now))
  if (child.ageYears === null) return null
  return child.ageYears + yearsBetween(child.lastSeenAt, now)
}

export function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false
  const date = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day
}
