import { describe, expect, it } from 'vitest'
import { planStages } from './radius.ts'

const steps = [
  { afterMinutes: 0, radiusKm: 100 },
  { afterMinutes: 60, radiusKm: 200 },
  { afterMinutes: 120, radiusKm: 300 },
  { afterMinutes: 180, radiusKm: 500 },
]
const disappeared = new Date('2026-11-24T08:00:00+08:00')
const at = (minutes: number) => new Date(disappeared.getTime() + minutes * 60_000)

describe('planStages', () => {
  it('starts within the first hour at 100 km and schedules each widening from the disappearance', () => {
    const { current, later } = planStages(steps, disappeared, at(20))
    expect(current).toEqual({ stageNo: 0, dueAt: disappeared, radiusKm: 100 })
    expect(later.map((s) => [s.stageNo, s.dueAt.toISOString(), s.radiusKm])).toEqual([
      [1, '2026-11-24T01:00:00.000Z', 200],
      [2, '2026-11-24T02:00:00.000Z', 300],
      [3, '2026-11-24T03:00:00.000Z', 500],
    ])
  })

  it('starts an alert approved late at the radius already reached, the boundary minute included', () => {
    expect(planStages(steps, disappeared, at(60)).current.radiusKm).toBe(200)
    expect(planStages(steps, disappeared, at(150)).later.map((s) => s.radiusKm)).toEqual([500])
    const { current, later } = planStages(steps, disappeared, at(24 * 60))
    expect(current.radiusKm).toBe(500)
    expect(later).toEqual([])
  })

  it('treats a disappearance in the future as now', () => {
    expect(planStages(steps, at(30), at(0)).current.radiusKm).toBe(100)
  })
})
