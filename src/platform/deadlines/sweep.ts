import { and, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import type { Clock } from '../clock.ts'
import { systemActor } from '../auth/actor.ts'
import { appendAudit } from '../audit/append.ts'
import { deadline, deadlineEvent } from './tables.ts'

type DeadlineRow = typeof deadline.$inferSelect

export interface DeadlineEvent {
  type: 'reminder' | 'overdue' | 'escalation'
  step: number
  deadline: DeadlineRow
  /** The unit told: the responsible unit, or the supervising unit for an escalation. */
  unitId: string
  at: Date
}

/** Modules react to their deadlines' events (a notice, a status change) inside the event's transaction. */
export type DeadlineListener = (event: DeadlineEvent, tx: Db) => Promise<void>

export interface SweepResult {
  reminders: number
  overdue: number
  escalations: number
}

const SWEEPER = systemActor('deadlines')

/**
 * Emits every reminder, overdue flag and escalation whose time has come. Each one is a guarded
 * state change plus an event row under a unique index, in one transaction: a sweep that crashes,
 * runs twice or runs on two servers at once neither loses nor doubles one.
 */
export async function sweepDeadlines(db: Db, clock: Clock, listeners: readonly DeadlineListener[] = []): Promise<SweepResult> {
  const result: SweepResult = { reminders: 0, overdue: 0, escalations: 0 }
  const now = clock.now()
  const pendingReminder = sql`${deadline.remindersSent} < jsonb_array_length(${deadline.remindAt})
    AND (${deadline.remindAt}->>${deadline.remindersSent})::timestamptz <= ${now.toISOString()}::timestamptz`
  const candidates = await db
    .select()
    .from(deadline)
    .where(
      and(
        isNull(deadline.completedAt),
        isNull(deadline.cancelledAt),
        or(
          pendingReminder,
          and(isNull(deadline.overdueAt), lte(deadline.dueAt, now)),
          and(isNotNull(deadline.overdueAt), isNull(deadline.escalatedAt), lte(deadline.escalateAt, now)),
        ),
      ),
    )
    .orderBy(deadline.dueAt)
  for (const row of candidates) {
    for (let step = row.remindersSent; step < row.remindAt.length; step++) {
      if (new Date(row.remindAt[step]).getTime() > now.getTime()) break
      if (await emit(db, now, listeners, row, 'reminder', step)) result.reminders++
    }
    if (!row.overdueAt && row.dueAt.getTime() <= now.getTime()) {
      if (await emit(db, now, listeners, row, 'overdue', 0)) result.overdue++
    }
    if (row.supervisingUnitId && row.escalateAt && row.escalateAt.getTime() <= now.getTime()) {
      if (await emit(db, now, listeners, row, 'escalation', 0)) result.escalations++
    }
  }
  return result
}

function claim(type: DeadlineEvent['type'], step: number, now: Date) {
  switch (type) {
    case 'reminder':
      return { set: { remindersSent: step + 1, remindedAt: now }, guard: eq(deadline.remindersSent, step) }
    case 'overdue':
      return { set: { overdueAt: now }, guard: isNull(deadline.overdueAt) }
    case 'escalation':
      return { set: { escalatedAt: now }, guard: and(isNotNull(deadline.overdueAt), isNull(deadline.escalatedAt)) }
  }
}

async function emit(
  db: Db,
  now: Date,
  listeners: readonly DeadlineListener[],
  row: DeadlineRow,
  type: DeadlineEvent['type'],
  step: number,
): Promise<boolean> {
  const { set, guard } = claim(type, step, now)
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(deadline)
      .set(set)
      .where(and(eq(deadline.id, row.id), guard, isNull(deadline.completedAt), isNull(deadline.cancelledAt)))
      .returning()
    if (!claimed) return false
    const unitId = type === 'escalation' ? claimed.supervisingUnitId! : claimed.unitId
    await tx.insert(deadlineEvent).values({ deadlineId: row.id, type, step, unitId, occurredAt: now })
    await appendAudit(
      tx,
      { actor: SWEEPER, at: now, ip: null, requestId: null },
      {
        action: `deadline.${type}`,
        resource: { type: 'deadline', id: row.id },
        details: { kind: row.kind, step, unitId, dueAt: row.dueAt.toISOString() },
      },
    )
    const event: DeadlineEvent = { type, step, deadline: claimed, unitId, at: now }
    for (const listener of listeners) await listener(event, tx)
    return true
  })
}
