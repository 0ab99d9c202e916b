import { describe, expect, it } from 'vitest'
import { CASE_STATUSES, CLOSE_REASONS, type CaseStatus } from './schema.ts'
import { TRANSITIONS, checkTransition, isUnsolved } from './lifecycle.ts'

const plain = { suspectedTrafficking: false, hasTaskForce: false }
const trafficking = { suspectedTrafficking: true, hasTaskForce: false }
const withTaskForce = { suspectedTrafficking: true, hasTaskForce: true }

describe('the lifecycle table', () => {
  it('allows exactly the listed moves', () => {
    const allowed: string[] = []
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        if (checkTransition(from, to, plain, to === 'closed' ? (isUnsolved(from) ? 'withdrawn' : 'reunited') : undefined).allowed) {
          allowed.push(`${from}→${to}`)
        }
      }
    }
    expect(allowed.sort()).toEqual(
      [
        'reported→searching', 'reported→found', 'reported→rescued', 'reported→cold', 'reported→closed',
        'searching→found', 'searching→rescued', 'searching→cold', 'searching→closed',
        'cold→searching', 'cold→found', 'cold→rescued', 'cold→closed',
        'found→reunited', 'found→closed', 'rescued→reunited', 'rescued→closed',
        'reunited→closed',
      ].sort(),
    ) // prettier-ignore
    expect(TRANSITIONS.closed).toEqual([])
  })

  it('says why a move is refused', () => {
    expect(checkTransition('closed', 'searching', plain)).toEqual({
      allowed: false,
      code: 'case.transition_not_allowed',
      reason: 'a case cannot go from closed to searching',
    })
    expect(checkTransition('found', 'found', plain)).toMatchObject({ allowed: false, code: 'case.same_status' })
    expect(checkTransition('reunited', 'closed', plain)).toMatchObject({ allowed: false, code: 'case.close_reason_required' })
    expect(checkTransition('searching', 'closed', plain, 'reunited')).toMatchObject({ allowed: false, code: 'case.close_reason_unsolved' })
  })
})

describe('一长三包', () => {
  it('needs a task force before a suspected-trafficking case moves on to searching or cold', () => {
    expect(checkTransition('reported', 'searching', trafficking)).toMatchObject({ allowed: false, code: 'case.task_force_required' })
    expect(checkTransition('reported', 'cold', trafficking)).toMatchObject({ allowed: false, code: 'case.task_force_required' })
    expect(checkTransition('reported', 'searching', withTaskForce)).toEqual({ allowed: true })
    // Finding the child is a fact: it is recorded whether or not a task force was set up.
    expect(checkTransition('reported', 'found', trafficking)).toEqual({ allowed: true })
  })

  it('never closes an unsolved suspected-trafficking case, for any reason, task force or not', () => {
    for (const from of ['reported', 'searching', 'cold'] as CaseStatus[]) {
      for (const reason of CLOSE_REASONS) {
        for (const facts of [trafficking, withTaskForce]) {
          expect(checkTransition(from, 'closed', facts, reason)).toMatchObject({ allowed: false, code: 'case.unsolved_trafficking' })
        }
      }
    }
    expect(checkTransition('reunited', 'closed', withTaskForce, 'reunited')).toEqual({ allowed: true })
    expect(checkTransition('rescued', 'closed', withTaskForce, 'deceased')).toEqual({ allowed: true })
  })
})
