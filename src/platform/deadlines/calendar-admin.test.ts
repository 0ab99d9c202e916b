import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testPlatform, type TestPlatform } from '../testing.ts'
import { listCalendarDays, parseCalendarCsv, setCalendarDays } from './calendar-admin.ts'
import { createDeadline } from './service.ts'
import { makeUnit } from '../../modules/identity/testing.ts'

let t: TestPlatform
beforeAll(async () => {
  t = await testPlatform()
})
afterAll(() => t?.close())

describe('working-day calendar', () => {
  it('parses the yearly schedule and reports every bad line', () => {
    const days = parseCalendarCsv('date,kind,note\n2026-10-01,holiday,国庆节\n2026-10-10,working,调休上班\n')
    expect(days).toEqual([
      { day: '2026-10-01', isWorkingDay: false, note: '国庆节' },
      { day: '2026-10-10', isWorkingDay: true, note: '调休上班' },
    ])
    expect(() => parseCalendarCsv('2026-02-30,holiday\n2026-10-01,day-off\n')).toThrow(/2 bad line\(s\)[\s\S]*line 1[\s\S]*line 2/)
  })

  it('makes working-day deadlines skip recorded holidays', async () => {
    const unit = await makeUnit(t.ctx(), { divisionCode: '440305' })
    await setCalendarDays(t.ctx(), parseCalendarCsv('2026-10-01,holiday\n2026-10-02,holiday\n2026-10-05,holiday\n'))
    expect((await listCalendarDays(t.ctx(), 2026)).map((d) => d.day)).toEqual(['2026-10-01', '2026-10-02', '2026-10-05'])
    // Wednesday 30 September, 10:00 China time; 3 working days: 6, 7, 8 October.
    const deadline = await createDeadline(t.ctx(), {
      kind: 'test',
      title: 't',
      subject: { type: 'test', id: '1' },
      unitId: unit.id,
      startedAt: new Date('2026-09-30T02:00:00Z'),
      due: { after: { workingDays: 3 } },
    })
    expect(deadline.dueAt.toISOString()).toBe('2026-10-08T02:00:00.000Z')
  })
})
