import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { at } from '../db/columns.ts'

/** "X must be done by T": one row per obligation, whatever module owns X. */
export const deadline = pgTable(
  'deadline',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    title: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text().notNull(),
    unitId: uuid().notNull(),
    supervisingUnitId: uuid(),
    startedAt: at().notNull(),
    dueAt: at().notNull(),
    /** Reminder times, earliest first; `remindersSent` counts how many have gone out. */
    remindAt: jsonb().$type<string[]>().notNull(),
    remindersSent: integer().notNull().default(0),
    escalateAt: at(),
    remindedAt: at(),
    overdueAt: at(),
    escalatedAt: at(),
    completedAt: at(),
    cancelledAt: at(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: at().notNull(),
  },
  (t) => [index().on(t.unitId, t.dueAt), index().on(t.subjectType, t.subjectId), index().on(t.dueAt)],
)

/**
 * What the sweep emitted. The unique index is the guarantee that a reminder, overdue flag or
 * escalation happens once, whatever restarts or concurrent sweeps occur.
 */
export const deadlineEvent = pgTable(
  'deadline_event',
  {
    id: uuid().primaryKey().defaultRandom(),
    deadlineId: uuid()
      .notNull()
      .references(() => deadline.id),
    type: text().$type<'reminder' | 'overdue' | 'escalation'>().notNull(),
    step: integer().notNull().default(0),
    /** The unit notified: the responsible unit, or the supervising unit for escalations. */
    unitId: uuid().notNull(),
    occurredAt: at().notNull(),
  },
  (t) => [uniqueIndex().on(t.deadlineId, t.type, t.step), index().on(t.unitId, t.occurredAt)],
)

/** Exceptions to the Monday–Friday week: public holidays and the weekend days worked in exchange (调休). */
export const calendarDay = pgTable('calendar_day', {
  day: date({ mode: 'string' }).primaryKey(),
  isWorkingDay: boolean().notNull(),
  note: text(),
})
