// API shapes of clues. Imports nothing but typebox, so web/ can import its types too.
import { Type, type Static, type TSchema } from 'typebox'

export const CLUE_KINDS = ['public_tip', 'mandatory_report', 'online_report', 'directive', 'assist_request'] as const
export type ClueKind = (typeof CLUE_KINDS)[number]

/** Who the clue came from: the public (with or without an account), an institution with a duty to report, or a unit. */
export const CLUE_SOURCES = ['public', 'institution', 'agency'] as const
export type ClueSource = (typeof CLUE_SOURCES)[number]

export const CLUE_STATUSES = ['new', 'assigned', 'verifying', 'closed'] as const
export type ClueStatus = (typeof CLUE_STATUSES)[number]

export const CLUE_OUTCOMES = ['confirmed_lead', 'no_finding', 'false_report'] as const
export type ClueOutcome = (typeof CLUE_OUTCOMES)[number]

/** Institutions under the mandatory reporting duty (强制报告); recorded on the report, as units have no such types. */
export const INSTITUTION_TYPES = ['school', 'hospital', 'hotel', 'transport', 'marriage_registry', 'welfare', 'other'] as const
export type InstitutionType = (typeof INSTITUTION_TYPES)[number]

/** How the clue reached its unit: by its place, by the linked case, addressed by the sender, or re-routed by hand. */
export const ROUTE_RULES = ['place', 'case', 'target', 'manual'] as const
export type RouteRule = (typeof ROUTE_RULES)[number]

const CHINA = { minLatitude: 3, maxLatitude: 54, minLongitude: 73, maxLongitude: 136 } as const
const Uuid = Type.String({ format: 'uuid' })
const DateTime = Type.String({ format: 'date-time' })
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
/** Text with at least one visible character: a blank subject or tip says nothing. */
const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: '\\S', ...(description ? { description } : {}) })
const Note = Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' })

export const PlaceFields = Type.Object(
  {
    divisionCode: Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 code of where it was seen; routes the clue' }),
    address: Type.Optional(Text(300)),
    lat: Type.Optional(Type.Number({ minimum: CHINA.minLatitude, maximum: CHINA.maxLatitude, description: 'WGS-84' })),
    lon: Type.Optional(Type.Number({ minimum: CHINA.minLongitude, maximum: CHINA.maxLongitude, description: 'WGS-84' })),
  },
  { additionalProperties: false },
)
export type PlaceFields = Static<typeof PlaceFields>

export const ContactFields = Type.Object(
  { name: Type.Optional(Text(60)), phone: Type.Optional(Type.String({ minLength: 5, maxLength: 30, pattern: '^[0-9+() -]+$' })) },
  { additionalProperties: false },
)
export type ContactFields = Static<typeof ContactFields>

/** What every kind of clue says: a subject, what was seen, when and where. */
const common = {
  subject: Text(200),
  text: Text(5000, 'what was seen or is asked; stored and returned verbatim'),
  seenAt: Type.Optional(DateTime),
  place: Type.Optional(PlaceFields),
  caseId: Type.Optional(Uuid),
  alertId: Type.Optional(Uuid),
}

/** A tip from the public, without login; the reply carries the receipt code once. */
export const PublicTipCreate = Type.Object(
  { ...common, place: PlaceFields, contact: Type.Optional(ContactFields) },
  { additionalProperties: false },
)
export type PublicTipCreate = Static<typeof PublicTipCreate>

export const MandatoryReportCreate = Type.Object(
  {
    ...common,
    place: PlaceFields,
    institutionType: Type.Enum(INSTITUTION_TYPES),
    institutionName: Text(200),
    contact: Type.Optional(ContactFields),
  },
  { additionalProperties: false },
)
export type MandatoryReportCreate = Static<typeof MandatoryReportCreate>

export const OnlineReportCreate = Type.Object(
  { ...common, url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }), platform: Text(100, 'e.g. 微信, 抖音') },
  { additionalProperties: false },
)
export type OnlineReportCreate = Static<typeof OnlineReportCreate>

/** A directive down the hierarchy, or an assistance request to another jurisdiction: addressed to one unit. */
export const UnitRequestCreate = Type.Object(
  { ...common, targetUnitId: Uuid, dueAt: Type.Optional(DateTime) },
  { additionalProperties: false },
)
export type UnitRequestCreate = Static<typeof UnitRequestCreate>

export type ClueCreate =
  | ({ kind: 'public_tip' } & PublicTipCreate)
  | ({ kind: 'mandatory_report' } & MandatoryReportCreate)
  | ({ kind: 'online_report' } & OnlineReportCreate)
  | ({ kind: 'directive' | 'assist_request' } & UnitRequestCreate)

export const ClueView = Type.Object({
  id: Uuid,
  kind: Type.Enum(CLUE_KINDS),
  source: Type.Enum(CLUE_SOURCES),
  status: Type.Enum(CLUE_STATUSES),
  outcome: Nullable(Type.Enum(CLUE_OUTCOMES)),
  subject: Type.String(),
  text: Type.String(),
  seenAt: Nullable(DateTime),
  place: Nullable(
    Type.Object({
      divisionCode: Type.String(),
      address: Nullable(Type.String()),
      lat: Nullable(Type.Number()),
      lon: Nullable(Type.Number()),
    }),
  ),
  contact: Nullable(Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) })),
  caseId: Nullable(Uuid),
  alertId: Nullable(Uuid),
  institutionType: Nullable(Type.Enum(INSTITUTION_TYPES)),
  institutionName: Nullable(Type.String()),
  url: Nullable(Type.String()),
  platform: Nullable(Type.String()),
  senderUnitId: Nullable(Uuid),
  routedUnitId: Uuid,
  divisionCode: Type.String(),
  assignees: Type.Array(Uuid),
  feedback: Nullable(Type.String()),
  dueAt: Nullable(DateTime),
  closedAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
})
export type ClueView = Static<typeof ClueView>

/** The reply to a public tip: the receipt code is shown this once and never stored in the clear. */
export const TipReceipt = Type.Object({ receipt: Type.String(), status: Type.String() })
export type TipReceipt = Static<typeof TipReceipt>

export const TIP_PUBLIC_STATUSES = ['received', 'in_progress', 'closed'] as const
/** What a tipster may know of their tip: where it stands, not what was found or who works on it. */
export const TipStatusView = Type.Object({
  status: Type.Enum(TIP_PUBLIC_STATUSES),
  receivedAt: DateTime,
  updatedAt: DateTime,
  additions: Type.Integer(),
})
export type TipStatusView = Static<typeof TipStatusView>

export const TipAddition = Type.Object({ text: Text(5000), contact: Type.Optional(ContactFields) }, { additionalProperties: false })
export type TipAddition = Static<typeof TipAddition>

export const ReceiptParams = Type.Object({ receipt: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false })
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false })
export const AttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid }, { additionalProperties: false })

export const ClueAssign = Type.Object(
  {
    clueIds: Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true }),
    assignees: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true, description: 'the team: users of the receiving unit' }),
  },
  { additionalProperties: false },
)
export type ClueAssign = Static<typeof ClueAssign>

export const ClueCaseLink = Type.Object({ caseId: Uuid }, { additionalProperties: false })
export type ClueCaseLink = Static<typeof ClueCaseLink>

export const ClueReroute = Type.Object({ unitId: Uuid, reason: Note }, { additionalProperties: false })
export type ClueReroute = Static<typeof ClueReroute>

/** Progress (no outcome: the clue is being verified) or the result, which closes the clue and its deadline. */
export const ClueFeedback = Type.Object({ note: Note, outcome: Type.Optional(Type.Enum(CLUE_OUTCOMES)) }, { additionalProperties: false })
export type ClueFeedback = Static<typeof ClueFeedback>

export const INBOX_VIEWS = ['open', 'new', 'due_soon', 'overdue', 'closed', 'all'] as const
export const ClueInboxQuery = Type.Object(
  {
    view: Type.Optional(Type.Enum(INBOX_VIEWS, { default: 'open' })),
    kind: Type.Optional(Type.Enum(CLUE_KINDS)),
    source: Type.Optional(Type.Enum(CLUE_SOURCES)),
    unitId: Type.Optional(Uuid),
    mine: Type.Optional(Type.Boolean({ description: 'only clues whose team includes the caller' })),
    sent: Type.Optional(
      Type.Boolean({ description: 'clues the caller’s unit sent (directives, assistance requests) instead of received' }),
    ),
    dueBefore: Type.Optional(DateTime),
    withinHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 90, default: 72 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
)
export type ClueInboxQuery = Static<typeof ClueInboxQuery>

export const ClueEventView = Type.Object({
  id: Uuid,
  at: DateTime,
  kind: Type.String(),
  summary: Type.String(),
  actorName: Nullable(Type.String()),
  unitId: Nullable(Uuid),
  details: Type.Record(Type.String(), Type.Unknown()),
})
export type ClueEventView = Static<typeof ClueEventView>

export const ClueRouteView = Type.Object({
  id: Uuid,
  at: DateTime,
  fromUnitId: Nullable(Uuid),
  toUnitId: Uuid,
  toUnitName: Type.String(),
  rule: Type.Enum(ROUTE_RULES),
  reason: Nullable(Type.String()),
})
export type ClueRouteView = Static<typeof ClueRouteView>

export const ClueAttachmentView = Type.Object({
  id: Uuid,
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  createdAt: DateTime,
})
export type ClueAttachmentView = Static<typeof ClueAttachmentView>

export const StatsQuery = Type.Object(
  { month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM, China time' }), unitId: Type.Optional(Uuid) },
  { additionalProperties: false },
)
export type StatsQuery = Static<typeof StatsQuery>

export const UnitMonthStats = Type.Object({
  unitId: Uuid,
  unitName: Type.String(),
  month: Type.String(),
  received: Type.Integer(),
  closed: Type.Integer(),
  verifiedOnTime: Type.Integer(),
  overdue: Type.Integer(),
  outcomes: Type.Object({ confirmed_lead: Type.Integer(), no_finding: Type.Integer(), false_report: Type.Integer() }),
})
export type UnitMonthStats = Static<typeof UnitMonthStats>

/** The inbox's tab counts for the same unit and filters as `ClueInboxQuery` (its `view` and `limit` aside). */
export const ClueInboxCountsQuery = Type.Omit(ClueInboxQuery, ['view', 'limit'], { additionalProperties: false })
export type ClueInboxCountsQuery = Static<typeof ClueInboxCountsQuery>
export const ClueInboxCounts = Type.Object({
  open: Type.Integer(),
  new: Type.Integer(),
  due_soon: Type.Integer(),
  overdue: Type.Integer(),
  closed: Type.Integer(),
})
export type ClueInboxCounts = Static<typeof ClueInboxCounts>

/** A police unit a clue can be addressed or re-routed to: the directory is national, as assistance crosses jurisdictions. */
export const ClueUnitView = Type.Object({
  id: Uuid,
  name: Type.String(),
  level: Type.String(),
  divisionCode: Type.String(),
  parentId: Nullable(Uuid),
})
export type ClueUnitView = Static<typeof ClueUnitView>

export const TeamQuery = Type.Object({ unitId: Type.Optional(Uuid) }, { additionalProperties: false })
export type TeamQuery = Static<typeof TeamQuery>

/** Someone a clue's team can be drawn from: an active user of the receiving unit. */
export const TeamMemberView = Type.Object({ id: Uuid, displayName: Type.String() })
export type TeamMemberView = Static<typeof TeamMemberView>
