// API shapes of wanted notices (通缉令). Imports nothing but typebox, so web/ can import its types too.
import { Type, type Static } from 'typebox'
import { DateTime, IdNumber, Nullable, Page, Phone, SEXES, Uuid } from './schema.ts'

/** Class A is issued by the ministry, class B by a provincial department. */
export const WANTED_CLASSES = ['A', 'B'] as const
export type WantedClass = (typeof WANTED_CLASSES)[number]
export const WANTED_STATUSES = ['draft', 'published', 'revoked'] as const
export type WantedStatus = (typeof WANTED_STATUSES)[number]
export const REVOKE_REASONS = ['caught', 'surrendered', 'other'] as const
export type RevokeReason = (typeof REVOKE_REASONS)[number]

const SuspectFields = {
  suspectName: Type.String({ minLength: 1, maxLength: 60 }),
  suspectAliases: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  suspectSex: Type.Enum(SEXES),
  suspectBirthYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
  suspectIdNumber: Type.Optional(IdNumber),
  description: Type.String({ minLength: 1, maxLength: 5000, description: 'appearance, accent, the offence, where last seen' }),
  rewardText: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'e.g. 对提供线索抓获者奖励人民币5万元' })),
  rewardAmountCny: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
  contactPhone: Phone,
}

export const WantedNoticeCreate = Type.Object(
  {
    caseId: Uuid,
    class: Type.Enum(WANTED_CLASSES),
    issuingUnitId: Type.Optional(Type.String({ format: 'uuid', description: 'the caller’s own unit by default' })),
    ...SuspectFields,
  },
  { additionalProperties: false },
)
export type WantedNoticeCreate = Static<typeof WantedNoticeCreate>

export const WantedNoticeUpdate = Type.Partial(Type.Object(SuspectFields), { additionalProperties: false, minProperties: 1 })
export type WantedNoticeUpdate = Static<typeof WantedNoticeUpdate>

export const WantedNoticeRevoke = Type.Object(
  { reason: Type.Enum(REVOKE_REASONS), note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
  { additionalProperties: false },
)
export type WantedNoticeRevoke = Static<typeof WantedNoticeRevoke>

/** What anyone may see of a published notice: no case, no internal ids of people. */
export const PublicWantedNoticeView = Type.Object({
  id: Uuid,
  class: Type.Enum(WANTED_CLASSES),
  suspectName: Type.String(),
  suspectAliases: Nullable(Type.String()),
  suspectSex: Type.Enum(SEXES),
  suspectBirthYear: Nullable(Type.Integer()),
  suspectIdNumber: Nullable(Type.String()),
  description: Type.String(),
  rewardText: Nullable(Type.String()),
  rewardAmountCny: Nullable(Type.Integer()),
  contactPhone: Type.String(),
  issuingUnitName: Type.String(),
  hasPhoto: Type.Boolean(),
  publishedAt: DateTime,
})
export type PublicWantedNoticeView = Static<typeof PublicWantedNoticeView>

export const WantedNoticeView = Type.Object({
  ...PublicWantedNoticeView.properties,
  caseId: Uuid,
  caseNo: Type.String(),
  issuingUnitId: Uuid,
  status: Type.Enum(WANTED_STATUSES),
  publishedAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
  revokeReason: Nullable(Type.Enum(REVOKE_REASONS)),
  revokeNote: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
})
export type WantedNoticeView = Static<typeof WantedNoticeView>

const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
}

export const WantedNoticeListQuery = Type.Object(
  {
    caseId: Type.Optional(Uuid),
    status: Type.Optional(Type.Enum(WANTED_STATUSES)),
    class: Type.Optional(Type.Enum(WANTED_CLASSES)),
    ...Paging,
  },
  { additionalProperties: false },
)
export type WantedNoticeListQuery = Static<typeof WantedNoticeListQuery>
export const WantedNoticePage = Page(WantedNoticeView)
export type WantedNoticePage = Static<typeof WantedNoticePage>

export const PublicWantedQuery = Type.Object(
  { class: Type.Optional(Type.Enum(WANTED_CLASSES)), ...Paging },
  { additionalProperties: false },
)
export type PublicWantedQuery = Static<typeof PublicWantedQuery>
export const PublicWantedPage = Page(PublicWantedNoticeView)
export type PublicWantedPage = Static<typeof PublicWantedPage>
