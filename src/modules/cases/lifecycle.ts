// The states of a case and the moves between them, in one table.
import type { CaseStatus, CloseReason } from './schema.ts'

/**
 * Where each state may go. `cold` is entered from the open states and left for `searching` (or
 * straight to found/rescued: old cases are solved by DNA hits); `closed` is final.
 */
export const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  reported: ['searching', 'found', 'rescued', 'cold', 'closed'],
  searching: ['found', 'rescued', 'cold', 'closed'],
  cold: ['searching', 'found', 'rescued', 'closed'],
  found: ['reunited', 'closed'],
  rescued: ['reunited', 'closed'],
  reunited: ['closed'],
  closed: [],
}

/** The child has not been found: these cases are "unsolved" (未破). */
export const UNSOLVED: readonly CaseStatus[] = ['reported', 'searching', 'cold']
export const isUnsolved = (status: CaseStatus) => UNSOLVED.includes(status)

/** Moves that start or continue work on the case, and so need a task force when trafficking is suspected. */
const WORKING_MOVES: readonly CaseStatus[] = ['searching', 'cold']

/** Reasons that close a case whose child was never found. */
const UNSOLVED_CLOSE_REASONS: readonly CloseReason[] = ['withdrawn', 'false_report', 'duplicate', 'other']

export interface CaseFacts {
  suspectedTrafficking: boolean
  hasTaskForce: boolean
}

export type MoveCheck = { allowed: true } | { allowed: false; code: string; reason: string }

const refuse = (code: string, reason: string): MoveCheck => ({ allowed: false, code, reason })

/** Whether a case in `from` may move to `to`, and if not, why (a stable code and an English reason). */
export function checkTransition(from: CaseStatus, to: CaseStatus, facts: CaseFacts, closeReason?: CloseReason): MoveCheck {
  if (from === to) return refuse('case.same_status', `the case is already ${to}`)
  if (!TRANSITIONS[from].includes(to)) return refuse('case.transition_not_allowed', `a case cannot go from ${from} to ${to}`)
  if (to === 'closed') return checkClose(from, facts, closeReason)
  if (facts.suspectedTrafficking && !facts.hasTaskForce && WORKING_MOVES.includes(to)) {
    return refuse(
      'case.task_force_required',
      'a case of suspected trafficking needs a task force headed by a county-level or higher police leader (一长三包) before it moves on',
    )
  }
  return { allowed: true }
}

function checkClose(from: CaseStatus, facts: CaseFacts, closeReason: CloseReason | undefined): MoveCheck {
  if (!closeReason) return refuse('case.close_reason_required', 'say why the case is closed (closeReason)')
  if (!isUnsolved(from)) return { allowed: true }
  // 一长三包: "案件不破，专案组不得撤销" — nobody may close it, whatever their role.
  if (facts.suspectedTrafficking) {
    return refuse('case.unsolved_trafficking', 'a case of suspected trafficking cannot be closed while the child has not been found')
  }
  if (!UNSOLVED_CLOSE_REASONS.includes(closeReason)) {
    return refuse('case.close_reason_unsolved', `an unsolved case cannot be closed as ${closeReason}`)
  }
  return { allowed: true }
}
