import type { RadiusStep } from './tables.ts'

export interface PlannedStage {
  stageNo: number
  dueAt: Date
  radiusKm: number
}

const MINUTE = 60_000

/**
 * The staged radius at approval: the step already reached (time since disappearance), and the later steps
 * with the moment each comes due. An alert approved three hours late starts at the three-hour radius; a
 * disappearance time in the future (a clock or typing error) counts as now.
 */
export function planStages(
  steps: readonly RadiusStep[],
  disappearedAt: Date,
  approvedAt: Date,
): { current: PlannedStage; later: PlannedStage[] } {
  const stages = steps.map((step, stageNo) => ({
    stageNo,
    dueAt: new Date(disappearedAt.getTime() + step.afterMinutes * MINUTE),
    radiusKm: step.radiusKm,
  }))
  const reached = stages.filter((s) => s.dueAt <= approvedAt)
  const current = reached.at(-1) ?? stages[0]
  return { current, later: stages.filter((s) => s.stageNo > current.stageNo) }
}

const EARTH_RADIUS_KM = 6371.0088

/** Great-circle distance (haversine) in km between two WGS-84 points. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}
