import { sql } from 'drizzle-orm'
import { bigserial, check, doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { at, bytea } from '../../platform/db/columns.ts'
import type { ClueKind, ClueOutcome, ClueSource, ClueStatus, InstitutionType, RouteRule } from './schema.ts'

/**
 * One lead, whatever its kind, and its file (一信息一档一工作组): the unit it is routed to, the team assigned
 * and where it stands. Jurisdiction follows the routed unit (`routed_unit_id`, `division_code` = that unit's
 * division); the sender's unit keeps sight of it through `sender_unit_id`/`sender_division_code`.
 */
export const clue = pgTable(
  'clue',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().$type<ClueKind>().notNull(),
    source: text().$type<ClueSource>().notNull(),
    /** A public tip's duplicate fingerprint (platform/http/abuse): the same tip sent twice is stored once. */
    fingerprint: text(),
    subject: text().notNull(),
    text: text().notNull(),
    seenAt: at(),
    placeDivisionCode: text(),
    placeAddress: text(),
    placeLat: doublePrecision(),
    placeLon: doublePrecision(),
    contactName: text(),
    contactPhone: text(),
    caseId: uuid(),
    alertId: uuid(),
    institutionType: text().$type<InstitutionType>(),
    institutionName: text(),
    url: text(),
    platform: text(),
    senderUnitId: uuid(),
    senderDivisionCode: text(),
    routedUnitId: uuid().notNull(),
    divisionCode: text().notNull(),
    assignees: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    status: text().$type<ClueStatus>().notNull(),
    outcome: text().$type<ClueOutcome>(),
    feedback: text(),
    closedAt: at(),
    /** The actor id: a user's uuid, `system:<name>`, or null for an anonymous tipster. */
    createdBy: text(),
    createdAt: at().notNull(),
    updatedAt: at().notNull(),
  },
  (t) => [
    uniqueIndex().on(t.fingerprint),
    index('clue_division_code_prefix_idx').on(sql`${t.divisionCode} text_pattern_ops`),
    index().on(t.routedUnitId, t.status),
    index().on(t.senderUnitId),
    index().on(t.caseId),
    index().on(t.createdAt),
    check('clue_lat_lon_pair', sql`(${t.placeLat} IS NULL) = (${t.placeLon} IS NULL)`),
    check('clue_closed_has_outcome', sql`(${t.status} = 'closed') = (${t.outcome} IS NOT NULL)`),
  ],
)

/**
 * Receipt codes of a public tip, by SHA-256: the code itself is shown once and never kept. A tip sent again
 * (a retry after a lost reply) gets a receipt of its own for the tip stored the first time.
 */
export const clueReceipt = pgTable('clue_receipt', {
  receiptHash: text().primaryKey(),
  clueId: uuid()
    .notNull()
    .references(() => clue.id),
  createdAt: at().notNull(),
})

/** The clue's history, oldest first: intake, routing, assignment, additions, feedback, deadline events. */
export const clueEvent = pgTable(
  'clue_event',
  {
    id: uuid().primaryKey().defaultRandom(),
    seq: bigserial({ mode: 'number' }).notNull(),
    clueId: uuid()
      .notNull()
      .references(() => clue.id),
    at: at().notNull(),
    actorId: text(),
    actorName: text(),
    unitId: uuid(),
    kind: text().notNull(),
    summary: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index().on(t.clueId, t.at)],
)

/** Where the clue went and why: the first routing and every re-routing, so the sender sees its path. */
export const clueRoute = pgTable(
  'clue_route',
  {
    id: uuid().primaryKey().defaultRandom(),
    seq: bigserial({ mode: 'number' }).notNull(),
    clueId: uuid()
      .notNull()
      .references(() => clue.id),
    at: at().notNull(),
    fromUnitId: uuid(),
    toUnitId: uuid().notNull(),
    rule: text().$type<RouteRule>().notNull(),
    reason: text(),
    routedBy: text(),
  },
  (t) => [index().on(t.clueId, t.at)],
)

/** Photos and documents; bytes in the database, checked to be what they claim before they are kept. */
export const clueAttachment = pgTable(
  'clue_attachment',
  {
    id: uuid().primaryKey().defaultRandom(),
    clueId: uuid()
      .notNull()
      .references(() => clue.id),
    contentType: text().notNull(),
    bytes: bytea().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    uploadedBy: text(),
    createdAt: at().notNull(),
  },
  (t) => [index().on(t.clueId)],
)

/**
 * Public tips as acknowledged: one row written before the tipster gets the receipt code, so that an acknowledged
 * tip is never lost, and routed into `clue` moments later by `processTipIntake` (ADR 0012). `clue_id` is the clue
 * the tip became, or the earlier clue it duplicated.
 */
export const clueIntake = pgTable(
  'clue_intake',
  {
    id: uuid().primaryKey(),
    receiptHash: text().notNull().unique(),
    fingerprint: text().notNull(),
    input: jsonb().$type<Record<string, unknown>>().notNull(),
    ip: text(),
    requestId: text(),
    receivedAt: at().notNull(),
    processedAt: at(),
    clueId: uuid(),
    /** The last reason routing failed (it is retried on every pass until it succeeds). */
    lastError: text(),
  },
  (t) => [
    index('clue_intake_pending_idx')
      .on(t.receivedAt)
      .where(sql`processed_at IS NULL`),
  ],
)
