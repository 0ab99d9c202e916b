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
