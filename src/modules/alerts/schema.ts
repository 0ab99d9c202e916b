// The API shapes of 团圆 alerts. Imports nothing but typebox, so web/ can import its types too.
import { Type, type Static } from 'typebox'

const Uuid = Type.String({ format: 'uuid' })
const IsoDateTime = Type.String({ format: 'date-time' })
const RadiusKm = Type.Number({ minimum: 1, maximum: 3000, description: 'km' })

export const ALERT_STATUSES = ['draft', 'active', 'ended'] as const
export const END_REASONS = ['found', 'withdrawn'] as const
export const MSG_TYPES = ['Alert', 'Update', 'Cancel'] as const
export const CHANNELS = ['webhook', 'push'] as const

/** What a draft may change of the details copied from the case: the public wording, never more fields. */
export const AlertDraft = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 500, description: 'a short description for the public' }),
    contactPhone: Type.Optional(Type.String({ pattern: '^[0-9+\\-() ]{3,40}$', description: 'the responsible unit’s number' })),
    clothing: Type.Optional(Type.String({ maxLength: 200 })),
    marks: Type.Optional(Type.String({ maxLength: 200 })),
    photoId: Type.Optional(Type.Union([Uuid, Type.Null()], { description: 'one of the case’s photos; null for none' })),
  },
  { additionalProperties: false },
)
export type AlertDraft = Static<typeof AlertDraft>

export const AlertCreate = Type.Object({ caseId: Uuid, ...AlertDraft.properties }, { additionalProperties: false })
export type AlertCreate = Static<typeof AlertCreate>

export const AlertDraftUpdate = Type.Partial(AlertDraft, { additionalProperties: false, minProperties: 1 })
export type AlertDraftUpdate = Static<typeof AlertDraftUpdate>

export const AlertReject = Type.Object({ note: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false })
export type AlertReject = Static<typeof AlertReject>

export const AlertRadiusChange = Type.Object(
  { radiusKm: RadiusKm, reason: Type.String({ minLength: 1, maxLength: 300 }) },
  { additionalProperties: false },
)
export type AlertRadiusChange = Static<typeof AlertRadiusChange>

export const AlertEnd = Type.Object(
  { reason: Type.Enum(END_REASONS), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
)
export type AlertEnd = Static<typeof AlertEnd>

export const AlertDetails = Type.Object({
  childName: Type.String(),
  sex: Type.Union([Type.Literal('male'), Type.Literal('female'), Type.Literal('unknown')]),
  ageYears: Type.Union([Type.Integer(), Type.Null()]),
  heightCm: Type.Union([Type.Integer(), Type.Null()]),
  clothing: Type.String(),
  marks: Type.String(),
  lastSeenAt: IsoDateTime,
  lastSeenPlace: Type.String(),
  description: Type.String(),
  contactPhone: Type.String(),
})
export type AlertDetails = Static<typeof AlertDetails>

export const ChannelTally = Type.Object({
  channel: Type.Enum(CHANNELS),
  pending: Type.Integer(),
  delivered: Type.Integer(),
  failed: Type.Integer(),
  gone: Type.Integer(),
  p50LatencyMs: Type.Union([Type.Number(), Type.Null()]),
  p99LatencyMs: Type.Union([Type.Number(), Type.Null()]),
})
export type ChannelTally = Static<typeof ChannelTally>

export const AlertStageView = Type.Object({
  stageNo: Type.Integer(),
  dueAt: IsoDateTime,
  radiusKm: Type.Number(),
  sentAt: Type.Union([IsoDateTime, Type.Null()]),
  skipped: Type.Boolean(),
})

export const AlertMessageView = Type.Object({
  id: Uuid,
  seq: Type.Integer(),
  msgType: Type.Enum(MSG_TYPES),
  radiusKm: Type.Number(),
  sentAt: IsoDateTime,
  capUrl: Type.String(),
})
export type AlertMessageView = Static<typeof AlertMessageView>

export const AlertView = Type.Object({
  id: Uuid,
  caseId: Uuid,
  caseNo: Type.String(),
  unitId: Uuid,
  status: Type.Enum(ALERT_STATUSES),
  details: AlertDetails,
  hasPhoto: Type.Boolean(),
  /** The case photo chosen at drafting (the alert shows a JPEG copy of it). */
  photoId: Type.Union([Uuid, Type.Null()]),
  center: Type.Object({ lat: Type.Number(), lon: Type.Number() }),
  countyCode: Type.String(),
  disappearedAt: IsoDateTime,
  radiusRule: Type.Array(Type.Object({ afterMinutes: Type.Integer(), radiusKm: Type.Number() })),
  radiusKm: Type.Union([Type.Number(), Type.Null()]),
  manualRadius: Type.Boolean(),
  /** Actor ids: a user's or API key's UUID, or `system:<name>` for the CLI and the demo seeder. */
  draftedBy: Type.String(),
  draftedAt: IsoDateTime,
  approvedBy: Type.Union([Type.String(), Type.Null()]),
  approvedAt: Type.Union([IsoDateTime, Type.Null()]),
  endedAt: Type.Union([IsoDateTime, Type.Null()]),
  endReason: Type.Union([Type.Literal('found'), Type.Literal('withdrawn'), Type.Null()]),
  rejectedNote: Type.Union([Type.String(), Type.Null()]),
})
export type AlertView = Static<typeof AlertView>

export const AlertWorkspace = Type.Object({
  alert: AlertView,
  stages: Type.Array(AlertStageView),
  messages: Type.Array(AlertMessageView),
  channels: Type.Array(ChannelTally),
})
export type AlertWorkspace = Static<typeof AlertWorkspace>

export const AlertListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(ALERT_STATUSES)),
    caseId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
)
export type AlertListQuery = Static<typeof AlertListQuery>

export const DeliveryView = Type.Object({
  id: Uuid,
  messageSeq: Type.Integer(),
  channel: Type.Enum(CHANNELS),
  recipient: Type.String({ description: 'partner name, or a push subscriber’s short id' }),
  status: Type.String(),
  attempts: Type.Integer(),
  lastStatus: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  latencyMs: Type.Union([Type.Number(), Type.Null()]),
  deliveredAt: Type.Union([IsoDateTime, Type.Null()]),
  nextAttemptAt: IsoDateTime,
})
export type DeliveryView = Static<typeof DeliveryView>

export const DeliveryListQuery = Type.Object(
  {
    channel: Type.Optional(Type.Enum(CHANNELS)),
    status: Type.Optional(Type.String({ maxLength: 20 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
)
export type DeliveryListQuery = Static<typeof DeliveryListQuery>

// Public shapes: what anyone may see of an active alert.

export const PublicAlert = Type.Object({
  id: Uuid,
  details: AlertDetails,
  photoUrl: Type.Union([Type.String(), Type.Null()]),
  center: Type.Object({ lat: Type.Number(), lon: Type.Number() }),
  countyCode: Type.String(),
  radiusKm: Type.Number(),
  publishedAt: IsoDateTime,
  distanceKm: Type.Optional(Type.Number({ description: 'from the point asked about' })),
})
export type PublicAlert = Static<typeof PublicAlert>

export const PublicAlertQuery = Type.Object(
  {
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    division: Type.Optional(Type.String({ pattern: '^[0-9]{2}([0-9]{2}){0,2}$', description: 'a division code or its prefix' })),
  },
  { additionalProperties: false },
)
export type PublicAlertQuery = Static<typeof PublicAlertQuery>

export const PushSubscriptionCreate = Type.Object(
  {
    endpoint: Type.String({ format: 'uri', maxLength: 1000 }),
    keys: Type.Object(
      { p256dh: Type.String({ minLength: 80, maxLength: 100 }), auth: Type.String({ minLength: 16, maxLength: 32 }) },
      { additionalProperties: false },
    ),
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
    locale: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], { default: 'zh-CN' }),
  },
  { additionalProperties: false },
)
export type PushSubscriptionCreate = Static<typeof PushSubscriptionCreate>

/** Unsubscribing proves ownership with the subscription's own auth secret, which only the browser holds. */
export const PushSubscriptionDelete = Type.Object(
  { endpoint: Type.String({ maxLength: 1000 }), auth: Type.String({ minLength: 16, maxLength: 32 }) },
  { additionalProperties: false },
)
export type PushSubscriptionDelete = Static<typeof PushSubscriptionDelete>
