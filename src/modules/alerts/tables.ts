import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { at, bytea } from '../../platform/db/columns.ts'

/** The public details an alert carries: nothing about the child beyond these leaves in an alert. */
export interface AlertDetailsRecord {
  childName: string
  sex: 'male' | 'female' | 'unknown'
  ageYears: number | null
  heightCm: number | null
  clothing: string
  marks: string
  lastSeenAt: string
  lastSeenPlace: string
  description: string
  contactPhone: string
}

/** One step of the staged radius: from `afterMinutes` since disappearance, `radiusKm`. */
export interface RadiusStep {
  afterMinutes: number
  radiusKm: number
}

/**
 * A 团圆 alert for one missing case. `case_id` and `unit_id` have no foreign keys: a module writes only its
 * own tables. The staged radius is fixed at approval (`radius_rule`), so a later configuration change never
 * rewrites a running alert's schedule.
 */
export const alert = pgTable(
  'alert',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    /** Copied from the case and the unit at drafting, for lists and the CAP sender name. */
    caseNo: text().notNull(),
    unitId: uuid().notNull(),
    unitName: text().notNull(),
    divisionCode: text().notNull(),
    status: text({ enum: ['draft', 'active', 'ended'] }).notNull(),
    details: jsonb().$type<AlertDetailsRecord>().notNull(),
    photoId: uuid(),
    centerLat: doublePrecision().notNull(),
    centerLon: doublePrecision().notNull(),
    /** GB/T 2260 code of the last-seen county: the CAP geocode. */
    countyCode: text().notNull(),
    disappearedAt: at().notNull(),
    radiusRule: jsonb().$type<RadiusStep[]>().notNull(),
    /** The radius now in force; null before publication. */
    radiusKm: doublePrecision(),
    /** Set by the approver's manual widening or narrowing: the schedule no longer moves it. */
    manualRadius: boolean().notNull().default(false),
    /** Actor ids (a user, an API key, or `system:<name>`), as the audit log writes them. */
    draftedBy: text().notNull(),
    draftedAt: at().notNull(),
    approvedBy: text(),
    approvedAt: at(),
    endedBy: text(),
    endedAt: at(),
    endReason: text({ enum: ['found', 'withdrawn'] }),
    rejectedNote: text(),
  },
  (t) => [index().on(t.caseId), index().on(t.status), index('alert_division_code_prefix_idx').on(sql`${t.divisionCode} text_pattern_ops`)],
)

/**
 * The photo an alert shows, copied from the case at drafting: public pages serve it from here, and ending the
 * alert deletes it, so a found child's photo leaves public view at once without touching the case file.
 */
export const alertPhoto = pgTable('alert_photo', {
  alertId: uuid().primaryKey(),
  contentType: text().notNull(),
  bytes: bytea().notNull(),
  etag: text().notNull(),
})

/**
 * Every message an alert sent (Alert, each Update, the Cancel), numbered per alert. The CAP document and the
 * JSON payload are stored as sent, so a partner can fetch exactly what it was told.
 */
export const alertMessage = pgTable(
  'alert_message',
  {
    id: uuid().primaryKey().defaultRandom(),
    alertId: uuid().notNull(),
    seq: integer().notNull(),
    msgType: text({ enum: ['Alert', 'Update', 'Cancel'] }).notNull(),
    radiusKm: doublePrecision().notNull(),
    sentAt: at().notNull(),
    capXml: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Who on the push channel hears of it (recipients.ts); queued after the message commits. */
    pushAudience: text({ enum: ['in_radius', 'newly_in_radius', 'notified'] }).notNull(),
    /**
     * Set once the push deliveries are queued. Queueing a million subscribers takes seconds, so it runs after
     * the message commits (webhooks leave at once) and, should the process stop, at the next background pass.
     */
    pushQueuedAt: at(),
  },
  (t) => [
    uniqueIndex().on(t.alertId, t.seq),
    index().on(t.sentAt),
    index('alert_message_push_pending_idx')
      .on(t.alertId, t.seq)
      .where(sql`${t.pushQueuedAt} is null`),
  ],
)

/**
 * The staged widening, one row per stage, written at approval. A stage is sent when `message_id` is set, in
 * the same transaction that writes the message: a restart can neither skip nor repeat it.
 */
export const alertStage = pgTable(
  'alert_stage',
  {
    alertId: uuid().notNull(),
    stageNo: integer().notNull(),
    dueAt: at().notNull(),
    radiusKm: doublePrecision().notNull(),
    messageId: uuid(),
    sentAt: at(),
    /** Passed over: the alert ended or was set by hand before the stage came due. */
    skipped: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.alertId, t.stageNo] }),
    index('alert_stage_due_idx')
      .on(t.dueAt)
      .where(sql`${t.messageId} is null and not ${t.skipped}`),
  ],
)

/** A partner app that relays alerts to its own users, through signed webhooks (Standard Webhooks). */
export const alertPartner = pgTable('alert_partner', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  endpointUrl: text().notNull(),
  /** `whsec_` + base64 key, as the Standard Webhooks spec writes it; shown once at creation. */
  secret: text().notNull(),
  /** The secret before the last rotation: deliveries are signed with both until it expires, so partners switch without a gap. */
  previousSecret: text(),
  previousSecretExpiresAt: at(),
  active: boolean().notNull().default(true),
  createdBy: text().notNull(),
  createdAt: at().notNull(),
  updatedAt: at().notNull(),
})

/**
 * A member of the public subscribed to alerts near a place (Web Push). `num` is the subscriber's small
 * number in the in-memory spatial index.
 */
export const pushSubscription = pgTable(
  'push_subscription',
  {
    id: uuid().primaryKey().defaultRandom(),
    num: serial().notNull(),
    endpoint: text().notNull(),
    p256dh: text().notNull(),
    auth: text().notNull(),
    latitude: doublePrecision().notNull(),
    longitude: doublePrecision().notNull(),
    locale: text({ enum: ['zh-CN', 'en'] }).notNull(),
    createdAt: at().notNull(),
    lastDeliveredAt: at(),
  },
  (t) => [uniqueIndex().on(t.endpoint), uniqueIndex().on(t.num)],
)

/**
 * The outbox: one row per message and recipient on every channel, the delivery log the console shows.
 * Senders claim due rows; a restart finds the unsent ones still here.
 */
export const alertDelivery = pgTable(
  'alert_delivery',
  {
    id: uuid().primaryKey().defaultRandom(),
    messageId: uuid().notNull(),
    alertId: uuid().notNull(),
    channel: text({ enum: ['webhook', 'push'] }).notNull(),
    recipientId: uuid().notNull(),
    status: text({ enum: ['pending', 'sending', 'delivered', 'failed', 'gone'] }).notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: at().notNull(),
    /** A claim by a sender expires, so a crash mid-send retries the delivery instead of losing it. */
    claimedUntil: at(),
    lastAttemptAt: at(),
    lastStatus: integer(),
    lastError: text(),
    deliveredAt: at(),
    /** From the message being written to the recipient's acknowledgement. */
    latencyMs: bigint({ mode: 'number' }),
    createdAt: at().notNull(),
  },
  (t) => [
    uniqueIndex().on(t.messageId, t.channel, t.recipientId),
    // Senders claim per channel, oldest due first: a million queued pushes never stand in front of a webhook.
    index('alert_delivery_due_idx')
      .on(t.channel, t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index().on(t.alertId, t.channel, t.status),
    // A widening notifies only subscribers not yet told of this alert.
    index('alert_delivery_alert_recipient_idx').on(t.alertId, t.channel, t.recipientId),
  ],
)

/** Settings the alerts module keeps for itself, e.g. the VAPID key pair generated on first use. */
export const alertSetting = pgTable('alert_setting', {
  key: text().primaryKey(),
  value: text().notNull(),
  createdAt: at().notNull(),
})
