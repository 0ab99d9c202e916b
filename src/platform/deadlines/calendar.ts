import { and, gte, lte } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { DAY, HOUR, MINUTE } from '../clock.ts'
import { calendarDay } from './tables.ts'

/** A span of time; `workingDays` counts only working days of the calendar (China time, UTC+8). */
export interface Duration {
  days?: number
  hours?: number
  minutes?: number
  workingDays?: number
}

const CHINA_OFFSET = 8 * HOUR

/** The calendar date in China (no daylight saving) of an instant, as YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET).toISOString().slice(0, 10)
}

function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return weekday === 0 || weekday === 6
}

/** Working days follow Monday–Friday, except where the calendar table says otherwise (holidays, 调休). */
export async function loadCalendar(db: Db, from: Date, days: number): Promise<Map<string, boolean>> {
  const rows = await db
    .select()
    .from(calendarDay)
    .where(and(gte(calendarDay.day, chinaDate(from)), lte(calendarDay.day, chinaDate(new Date(from.getTime() + days * DAY)))))
  return new Map(rows.map((r) => [r.day, r.isWorkingDay]))
}

export function isWorkingDay(day: string, overrides: Map<string, boolean>): boolean {
  return overrides.get(day) ?? !isWeekend(day)
}

/** Adds `duration` to `start`; working days keep the time of day and skip non-working days. */
export function addDuration(start: Date, duration: Duration, overrides: Map<string, boolean> = new Map()): Date {
  let t = start.getTime()
  t += (duration.days ?? 0) * DAY + (duration.hours ?? 0) * HOUR + (duration.minutes ?? 0) * MINUTE
  let remaining = duration.workingDays ?? 0
  while (remaining > 0) {
    t += DAY
    if (isWorkingDay(chinaDate(new Date(t)), overrides)) remaining--
  }
  return new Date(t)
}

/** Goes back `duration` from `end`, the mirror of `addDuration`. */
export function subtractDuration(end: Date, duration: Duration, overrides: Map<string, boolean> = new Map()): Date {
  let t = end.getTime()
  t -= (duration.days ?? 0) * DAY + (duration.hours ?? 0) * HOUR + (duration.minutes ?? 0) * MINUTE
  let remaining = duration.workingDays ?? 0
  while (remaining > 0) {
    t -= DAY
    if (isWorkingDay(chinaDate(new Date(t)), overrides)) remaining--
  }
  return new Date(t)
}

/** How far ahead a calendar must be loaded to cover a duration, generously (holidays last up to 9 days). */
export function calendarSpanDays(duration: Duration): number {
  return (duration.days ?? 0) + Math.ceil((duration.hours ?? 0) / 24) + (duration.workingDays ?? 0) * 2 + 14
}
