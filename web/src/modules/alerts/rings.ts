import type { AlertWorkspace } from './api.ts'

/** The server counts stages from 0 (the first message); people count from 1. */
export const displayStageNo = (stageNo: number) => stageNo + 1

export type RingState = 'current' | 'past' | 'planned' | 'skipped'

export interface Ring {
  radiusKm: number
  state: RingState
  /** The stage that reaches this far, counted from 1 as people do, when a stage does (a manual radius has none). */
  stageNo: number | null
}

const stageState = (stage: AlertWorkspace['stages'][number]): RingState =>
  stage.sentAt !== null ? 'past' : stage.skipped ? 'skipped' : 'planned'

/**
 * The rings to draw around the last-seen point: each stage's radius (before approval: the rule's), and a
 * manually set radius; the current one marked, the others as sent, passed over (a radius set by hand stops the rule) or planned.
 */
export function ringsOf({ alert, stages }: Pick<AlertWorkspace, 'alert' | 'stages'>): Ring[] {
  const planned = stages.length
    ? stages.map((s) => ({ radiusKm: s.radiusKm, stageNo: displayStageNo(s.stageNo), state: stageState(s) }))
    : alert.radiusRule.map((r, i) => ({ radiusKm: r.radiusKm, stageNo: i + 1, state: 'planned' as const }))
  const current = alert.status === 'active' ? alert.radiusKm : null
  const rings = new Map<number, Ring>()
  for (const p of planned) {
    if (rings.has(p.radiusKm)) continue
    rings.set(p.radiusKm, { radiusKm: p.radiusKm, stageNo: p.stageNo, state: p.state })
  }
  if (current !== null) {
    rings.set(current, { radiusKm: current, stageNo: alert.manualRadius ? null : (rings.get(current)?.stageNo ?? null), state: 'current' })
  }
  return [...rings.values()].sort((a, b) => a.radiusKm - b.radiusKm)
}
