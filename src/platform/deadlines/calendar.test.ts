import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDuration, chinaDate, isWorkingDay, loadCalendar, subtractDuration } from './calendar.ts'
import { calendarDay } from './tables.ts'
import { createDeadline } from './service.ts'
import { testPlatform, type TestPlatform } from '../testing.ts'
import { makeUnit } from '../../modules/identity/testing.ts'

// Instants are written in China time (+08:00) so that the calendar day in each test is the one a reader sees.
const cn = (local: string) => new Date(`${local}+08:00`)

describe('chinaDate', () => {
  it('turns the day over at midnight in China, which is 16:00 UTC the day before', () => {
    expect(chinaDate(new Date('2026-01-09T15:59:59.999Z'))).toBe('2026-01-09')
    expect(chinaDate(new Date('2026-01-09T16:00:00.000Z'))).toBe('2026-01-10')
    // Early morning in China is still the previous day in UTC.
    expect(chinaDate(cn('2026-01-12T07:59:00'))).toBe('2026-01-12')
    expect(cn('2026-01-12T07:59:00').toISOString().slice(0, 10)).toBe('2026-01-11')
    // Across a year end.
    expect(chinaDate(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01')
  })
})

describe('addDuration', () => {
  it('adds plain days, hours and minutes regardless of weekends', () => {
    const friday = cn('2026-01-09T10:00:00')
    expect(addDuration(friday, { days: 2, hours: 3, minutes: 30 })).toEqual(cn('2026-01-11T13:30:00'))
  })

  it('counts working days Monday to Friday, keeping the time of day', () => {
    const monday = cn('2026-01-05T09:00:00')
    expect(addDuration(monday, { workingDays: 1 })).toEqual(cn('2026-01-06T09:00:00'))
    expect(addDuration(monday, { workingDays: 4 })).toEqual(cn('2026-01-09T09:00:00'))
    // The fifth working day after a Monday is the next Monday; the weekend does not count.
    expect(addDuration(monday, { workingDays: 5 })).toEqual(cn('2026-01-12T09:00:00'))
    expect(addDuration(monday, { workingDays: 10 })).toEqual(cn('2026-01-19T09:00:00'))
    const friday = cn('2026-01-09T17:30:00')
    expect(addDuration(friday, { workingDays: 1 })).toEqual(cn('2026-01-12T17:30:00'))
    // Starting on a weekend: the first working day after it is Monday.
    expect(addDuration(cn('2026-01-10T11:00:00'), { workingDays: 1 })).toEqual(cn('2026-01-12T11:00:00'))
  })

  it('judges weekends by the date in China, not in UTC', () => {
    // Sunday 01:00 in China is Saturday 17:00 UTC; one working day later is Monday 01:00 in China,
    // which is still Sunday in UTC. A UTC calendar would skip it and answer Tuesday 01:00.
    const start = cn('2026-01-11T01:00:00')
    expect(start.toISOString()).toBe('2026-01-10T17:00:00.000Z')
    expect(addDuration(start, { workingDays: 1 })).toEqual(cn('2026-01-12T01:00:00'))
    // Friday 23:30 in China is Friday 15:30 UTC; the next working day is Monday 23:30 in China.
    expect(addDuration(cn('2026-01-09T23:30:00'), { workingDays: 1 })).toEqual(cn('2026-01-12T23:30:00'))
  })

  it('skips a weekday holiday and counts a worked Saturday (调休)', () => {
    // Spring Festival 2026: 15–23 February off, Saturdays 14 and 28 February worked.
    const overrides = new Map<string, boolean>([
      ['2026-02-14', true],
      ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'].map((d) => [d, false] as [string, boolean]),
      ['2026-02-28', true],
    ])
    expect(isWorkingDay('2026-02-14', overrides)).toBe(true)
    expect(isWorkingDay('2026-02-16', overrides)).toBe(false)
    expect(isWorkingDay('2026-02-24', overrides)).toBe(true)
    const friday = cn('2026-02-13T10:00:00')
    // Saturday the 14th is worked.
    expect(addDuration(friday, { workingDays: 1 }, overrides)).toEqual(cn('2026-02-14T10:00:00'))
    // Then nothing until Tuesday the 24th.
    expect(addDuration(friday, { workingDays: 2 }, overrides)).toEqual(cn('2026-02-24T10:00:00'))
    // 24, 25, 26, 27 and the worked Saturday 28th.
    expect(addDuration(friday, { workingDays: 6 }, overrides)).toEqual(cn('2026-02-28T10:00:00'))
    expect(addDuration(friday, { workingDays: 7 }, overrides)).toEqual(cn('2026-03-02T10:00:00'))
    // Without the overrides the same span is an ordinary fortnight.
    expect(addDuration(friday, { workingDays: 2 })).toEqual(cn('2026-02-17T10:00:00'))
  })

  it('applies a single weekday holiday (New Year) and adds fixed time on top of working days', () => {
    const overrides = new Map([['2026-01-01', false]])
    const wednesday = cn('2025-12-31T09:00:00')
    expect(addDuration(wednesday, { workingDays: 1 }, overrides)).toEqual(cn('2026-01-02T09:00:00'))
    expect(addDuration(wednesday, { workingDays: 2 }, overrides)).toEqual(cn('2026-01-05T09:00:00'))
    expect(addDuration(wednesday, { workingDays: 1, hours: 2 }, overrides)).toEqual(cn('2026-01-02T11:00:00'))
  })
})

describe('subtractDuration', () => {
  it('goes back plain time and working days, skipping weekends and holidays', () => {
    const monday = cn('2026-01-12T10:00:00')
    expect(subtractDuration(monday, { days: 1, hours: 2 })).toEqual(cn('2026-01-11T08:00:00'))
    expect(subtractDuration(monday, { workingDays: 1 })).toEqual(cn('2026-01-09T10:00:00'))
    expect(subtractDuration(cn('2026-01-14T10:00:00'), { workingDays: 2 })).toEqual(cn('2026-01-12T10:00:00'))
    // The working day before Tuesday 24 February 2026 is the worked Saturday the 14th.
    const overrides = new Map<string, boolean>([
      ['2026-02-14', true],
      ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'].map((d) => [d, false] as [string, boolean]),
    ])
    expect(subtractDuration(cn('2026-02-24T10:00:00'), { workingDays: 1 }, overrides)).toEqual(cn('2026-02-14T10:00:00'))
    expect(subtractDuration(cn('2026-02-24T10:00:00'), { workingDays: 2 }, overrides)).toEqual(cn('2026-02-13T10:00:00'))
  })
})

describe('calendar table', () => {
  let t: TestPlatform
  beforeAll(async () => {
    t = await testPlatform({})
    await t.database.db.insert(calendarDay).values([
      { day: '2026-02-14', isWorkingDay: true, note: '春节调休上班' },
      ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'].map((day) => ({
        day,
        isWorkingDay: false,
        note: '春节',
      })),
      { day: '2026-02-28', isWorkingDay: true, note: '春节调休上班' },
    ])
  })
  afterAll(async () => {
    await t?.close()
  })

  it('loads the overrides from the start date in China over the given span', async () => {
    // Friday 13 Feb 20:00 UTC is already Saturday the 14th in China: the window opens on the 14th.
    const calendar = await loadCalendar(t.database.db, new Date('2026-02-13T20:00:00Z'), 9)
    expect([...calendar.keys()].sort()).toEqual([
      '2026-02-14',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-23',
    ])
    expect(calendar.get('2026-02-14')).toBe(true)
    expect(calendar.get('2026-02-16')).toBe(false)
  })

  it('sets a deadline in working days around the holiday', async () => {
    const ctx = t.ctx()
    const unit = await makeUnit(ctx, { divisionCode: '440305' })
    const row = await createDeadline(ctx, {
      kind: 'test.feedback',
      title: '反馈',
      subject: { type: 'test', id: 'spring-festival' },
      unitId: unit.id,
      startedAt: cn('2026-02-13T10:00:00'),
      due: { after: { workingDays: 3 } },
    })
    // 14 (worked Saturday), 24, 25.
    expect(row.dueAt).toEqual(cn('2026-02-25T10:00:00'))
    expect(row.remindAt).toEqual([cn('2026-02-24T10:00:00').toISOString()])
  })

  it('counts reminders and the grace period in working days through the holiday too', async () => {
    const ctx = t.ctx()
    const unit = await makeUnit(ctx, { divisionCode: '440305' })
    const base = {
      kind: 'test.feedback',
      title: '反馈',
      subject: { type: 'test', id: 'spring-festival-grace' },
      unitId: unit.id,
      remindBefore: [{ workingDays: 1 }],
      escalateAfter: { workingDays: 1 },
    }
    const after = await createDeadline(ctx, { ...base, startedAt: cn('2026-02-12T10:00:00'), due: { after: { workingDays: 2 } } })
    // Friday 13, then the worked Saturday 14.
    expect(after.dueAt).toEqual(cn('2026-02-14T10:00:00'))
    expect(after.remindAt).toEqual([cn('2026-02-13T10:00:00').toISOString()])
    // The next working day after the worked Saturday is the first day after the holiday.
    expect(after.escalateAt).toEqual(cn('2026-02-24T10:00:00'))

    const fixed = await createDeadline(ctx, { ...base, startedAt: cn('2026-02-10T10:00:00'), due: { at: cn('2026-02-24T10:00:00') } })
    expect(fixed.remindAt).toEqual([cn('2026-02-14T10:00:00').toISOString()])
    expect(fixed.escalateAt).toEqual(cn('2026-02-25T10:00:00'))
  })
})
