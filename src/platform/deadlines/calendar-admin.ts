import { and, asc, gte, lte, sql } from 'drizzle-orm'
import type { Ctx } from '../context.ts'
import { authorize } from '../auth/authorize.ts'
import { invalid } from '../errors.ts'
import { calendarDay } from './tables.ts'

export interface CalendarDay {
  day: string
  isWorkingDay: boolean
  note: string | null
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

function checkDay(day: string, line?: number): void {
  const where = line ? ` (line ${line})` : ''
  if (!DATE.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    throw invalid('calendar.invalid_date', `not a date: "${day}"${where}; use YYYY-MM-DD`)
  }
}

/**
 * Records holidays and the weekend days worked in exchange (调休), as the State Council
 * publishes them each year; working-day deadlines created afterwards follow them.
 */
export async function setCalendarDays(ctx: Ctx, days: CalendarDay[]): Promise<number> {
  authorize(ctx.actor, 'calendar.manage')
  days.forEach((d) => checkDay(d.day))
  if (days.length === 0) return 0
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(calendarDay)
      .values(days)
      .onConflictDoUpdate({ target: calendarDay.day, set: { isWorkingDay: sql`excluded.is_working_day`, note: sql`excluded.note` } })
    await ctx.audit({ action: 'calendar.set', details: { days: days.length, from: days[0].day, to: days[days.length - 1].day } }, tx)
  })
  return days.length
}

/** Parses `date,working|holiday,note` lines (a header line is allowed); every bad line is reported. */
export function parseCalendarCsv(text: string): CalendarDay[] {
  const days: CalendarDay[] = []
  const problems: string[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#') || (i === 0 && /^date\b/i.test(line))) return
    const [day, kind, ...rest] = line.split(',').map((s) => s.trim())
    try {
      checkDay(day, i + 1)
      if (!['working', 'holiday'].includes(kind))
        throw invalid('calendar.invalid_kind', `line ${i + 1}: second column must be "working" or "holiday", not "${kind ?? ''}"`)
      days.push({ day, isWorkingDay: kind === 'working', note: rest.join(',') || null })
    } catch (error) {
      problems.push((error as Error).message)
    }
  })
  if (problems.length) throw invalid('calendar.invalid_file', `${problems.length} bad line(s):\n  ${problems.join('\n  ')}`)
  return days
}

export async function listCalendarDays(ctx: Ctx, year: number): Promise<CalendarDay[]> {
  authorize(ctx.actor, 'deadline.read')
  return ctx.db
    .select()
    .from(calendarDay)
    .where(and(gte(calendarDay.day, `${year}-01-01`), lte(calendarDay.day, `${year}-12-31`)))
    .orderBy(asc(calendarDay.day))
}
