// Every open clue has one deadline at its receiving unit; reminders, overdue flags and escalation come from the sweep.
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { DAY } from '../../platform/clock.ts'
import { systemActor } from '../../platform/auth/actor.ts'
import { invalid } from '../../platform/errors.ts'
import { completeDeadlines, createDeadline } from '../../platform/deadlines/service.ts'
import type { DeadlineListener } from '../../platform/deadlines/sweep.ts'
import type { Duration } from '../../platform/deadlines/calendar.ts'
import type { ClueTerms } from '../../platform/config.ts'
import { writeClueEvent } from './events.ts'
import type { ClueKind } from './schema.ts'

/** Directives are answered within seven days (the seeds: 打拐指令7日内核查反馈); not configurable. */
export const DIRECTIVE_TERM: Duration = { days: 7 }
/** The longest term a sender may set on an assistance request. */
const MAX_REQUEST_DAYS = 90

export const DEADLINE_KINDS: Record<ClueKind, string> = {
  directive: 'directive.feedback',
  assist_request: 'assist_request.feedback',
  public_tip: 'clue.verification',
  mandatory_report: 'clue.verification',
  online_report: 'clue.verification',
}
const TITLES: Record<ClueKind, string> = {
  directive: '打拐指令反馈',
  assist_request: '协查反馈',
  public_tip: '线索核查',
  mandatory_report: '强制报告核查',
  online_report: '网络线索核查',
}

export function termOf(kind: ClueKind, terms: ClueTerms): Duration {
  if (kind === 'directive') return DIRECTIVE_TERM
  return { days: kind === 'assist_request' ? terms.assistRequestDays : terms.verificationDays }
}

/** A due date the sender chose: in the future, and for a directive no later than its seven days. */
export function checkRequestedDue(kind: ClueKind, dueAt: string | undefined, now: Date): Date | undefined {
  if (!dueAt) return undefined
  const due = new Date(dueAt)
  const latest = now.getTime() + (kind === 'directive' ? 7 : MAX_REQUEST_DAYS) * DAY
  if (due.getTime() <= now.getTime() || due.getTime() > latest) {
    const limit = kind === 'directive' ? '7 days' : `${MAX_REQUEST_DAYS} days`
    throw invalid('clue.bad_due_date', `the due date must lie in the next ${limit}`, [{ path: '/dueAt', message: `within ${limit}` }])
  }
  return due
}

export interface ClueDeadlineSubject {
  id: string
  kind: ClueKind
  subject: string
  caseId: string | null
}

/** Opens the clue's deadline at `unitId` in `tx`, starting now; escalation goes to that unit's parent. */
export async function openClueDeadline(ctx: Ctx, tx: Db, row: ClueDeadlineSubject, unitId: string, dueAt?: Date) {
  const terms = ctx.config.clues
  return createDeadline(
    ctx,
    {
      kind: DEADLINE_KINDS[row.kind],
      title: `${TITLES[row.kind]}：${row.subject.slice(0, 60)}`,
      subject: { type: 'clue', id: row.id },
      unitId,
      due: dueAt ? { at: dueAt } : { after: termOf(row.kind, terms) },
      remindBefore: terms.remindBeforeDays > 0 ? [{ days: terms.remindBeforeDays }] : [],
      details: { clueKind: row.kind, caseId: row.caseId },
    },
    tx,
  )
}

/** Marks the clue's open deadline as met: feedback given, or the clue handed to another unit that gets its own. */
export function closeClueDeadline(ctx: Ctx, tx: Db, clueId: string): Promise<number> {
  return completeDeadlines(ctx, { type: 'clue', id: clueId }, tx)
}

const SWEEPER = systemActor('deadlines')
const EVENT_TEXT = { reminder: '反馈期限将至', overdue: '已逾期未反馈', escalation: '逾期未反馈，已上报上级单位' } as const

/**
 * Puts the sweep's reminders, overdue flags and escalations on the clue's history. Pass it to
 * `sweepDeadlines`; it runs inside the sweep's transaction, so each event is written exactly once.
 */
export const clueDeadlineListener: DeadlineListener = async (event, tx) => {
  if (event.deadline.subjectType !== 'clue') return
  await writeClueEvent(tx, SWEEPER, event.at, event.deadline.subjectId, {
    kind: `deadline.${event.type}`,
    summary: EVENT_TEXT[event.type],
    details: { deadlineId: event.deadline.id, unitId: event.unitId, dueAt: event.deadline.dueAt.toISOString(), step: event.step },
  })
}
