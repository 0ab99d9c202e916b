// API shapes of missing-child cases. Imports nothing but typebox, so web/ can import its types too.
import { Type, type Static, type TSchema } from 'typebox'

export const CASE_STATUSES = ['reported', 'searching', 'found', 'rescued', 'reunited', 'closed', 'cold'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const SEXES = ['male', 'female', 'unknown'] as const
export type Sex = (typeof SEXES)[number]

/** Where the report came in: a family at a police station, a call to the command centre (110), or online. */
export const INTAKE_CHANNELS = ['station', 'command_centre', 'online'] as const
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number]

/** Why a case was closed. Only `reunited` closes a solved case; the others close unsolved ones. */
export const CLOSE_REASONS = ['reunited', 'deceased', 'withdrawn', 'false_report', 'duplicate', 'other'] as const
export type CloseReason = (typeof CLOSE_REASONS)[number]

/** Where a last-seen point may lie: China's extent, which also catches swapped coordinates. */
export const CHINA_EXTENT = { minLatitude: 3, maxLatitude: 54, minLongitude: 73, maxLongitude: 136 } as const

export const Uuid = Type.String({ format: 'uuid' })
export const DateTime = Type.String({ format: 'date-time' })
export const DivisionCode = Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 code' })
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) })
export const Phone = Type.String({
  minLength: 5,
  maxLength: 30,
  description: 'mainland mobile (13800138000, +86 allowed) or landline with area code (0755-12345678, extension after -)',
})
export const IdNumber = Type.String({ pattern: '^[0-9]{17}[0-9Xx]$', description: 'GB 11643 citizen ID number, 18 characters' })

export const ChildFields = Type.Object(
  {
    name: Text(60),
    sex: Type.Enum(SEXES),
    birthDate: Type.Optional(Type.String({ format: 'date', description: 'give this or ageYears' })),
    ageYears: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'age when last seen, when the birth date is unknown' })),
    heightCm: Type.Optional(Type.Integer({ minimum: 30, maximum: 220 })),
    build: Type.Optional(Text(100, 'e.g. 偏瘦')),
    clothing: Type.Optional(Text(500)),
    marks: Type.Optional(Text(500, 'distinguishing marks: birthmarks, scars, moles')),
    idNumber: Type.Optional(IdNumber),
    dialect: Type.Optional(Text(60)),
  },
  { additionalProperties: false },
)
export type ChildFields = Static<typeof ChildFields>

export const LastSeenFields = Type.Object(
  {
    at: DateTime,
    address: Text(300),
    divisionCode: Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 county (or a city without counties)' }),
    lat: Type.Optional(Type.Number({ minimum: CHINA_EXTENT.minLatitude, maximum: CHINA_EXTENT.maxLatitude, description: 'WGS-84' })),
    lon: Type.Optional(Type.Number({ minimum: CHINA_EXTENT.minLongitude, maximum: CHINA_EXTENT.maxLongitude, description: 'WGS-84' })),
  },
  { additionalProperties: false },
)
export type LastSeenFields = Static<typeof LastSeenFields>

export const ReporterFields = Type.Object(
  { name: Text(60), relation: Text(30, 'e.g. 母亲'), phone: Phone },
  { additionalProperties: false },
)
export type ReporterFields = Static<typeof ReporterFields>

export const CaseCreate = Type.Object(
  {
    unitId: Type.Optional(Type.String({ format: 'uuid', description: 'the reporting police unit; the caller’s own by default' })),
    intakeChannel: Type.Enum(INTAKE_CHANNELS),
    reportedAt: Type.Optional(Type.String({ format: 'date-time', description: 'when the report was made; now by default' })),
    suspectedTrafficking: Type.Optional(Type.Boolean({ default: false })),
    child: ChildFields,
    lastSeen: LastSeenFields,
    circumstances: Text(5000),
    reporter: ReporterFields,
  },
  { additionalProperties: false },
)
export type CaseCreate = Static<typeof CaseCreate>

/** Changed fields only. A group given replaces that group's optional fields not given with nothing. */
export const CaseUpdate = Type.Object(
  {
    suspectedTrafficking: Type.Optional(Type.Boolean()),
    child: Type.Optional(ChildFields),
    lastSeen: Type.Optional(LastSeenFields),
    circumstances: Type.Optional(Text(5000)),
    reporter: Type.Optional(ReporterFields),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type CaseUpdate = Static<typeof CaseUpdate>

export const CasePhotoView = Type.Object({
  id: Uuid,
  contentType: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  createdAt: DateTime,
})
export type CasePhotoView = Static<typeof CasePhotoView>

export const TaskForceMemberView = Type.Object({ userId: Uuid, displayName: Type.String(), unitName: Type.String(), duty: Type.String() })
export const TaskForceView = Type.Object({
  headUserId: Uuid,
  headName: Type.String(),
  headUnitName: Type.String(),
  members: Type.Array(TaskForceMemberView),
  createdAt: DateTime,
  updatedAt: DateTime,
})
export type TaskForceView = Static<typeof TaskForceView>

export const CaseSummary = Type.Object({
  id: Uuid,
  caseNo: Type.String(),
  status: Type.Enum(CASE_STATUSES),
  suspectedTrafficking: Type.Boolean(),
  childName: Type.String(),
  childSex: Type.Enum(SEXES),
  ageNowYears: Nullable(Type.Integer()),
  lastSeenAt: DateTime,
  lastSeenDivisionCode: Type.String(),
  reportedAt: DateTime,
  unitId: Uuid,
  unitName: Type.String(),
  lastActionAt: DateTime,
})
export type CaseSummary = Static<typeof CaseSummary>

export const CaseView = Type.Object({
  ...CaseSummary.properties,
  child: Type.Object({
    name: Type.String(),
    sex: Type.Enum(SEXES),
    birthDate: Nullable(Type.String({ format: 'date' })),
    ageYears: Nullable(Type.Integer({ description: 'age when last seen' })),
    heightCm: Nullable(Type.Integer()),
    build: Nullable(Type.String()),
    clothing: Nullable(Type.String()),
    marks: Nullable(Type.String()),
    idNumber: Nullable(Type.String()),
    dialect: Nullable(Type.String()),
  }),
  lastSeen: Type.Object({
    at: DateTime,
    address: Type.String(),
    divisionCode: Type.String(),
    divisionName: Type.String(),
    lat: Nullable(Type.Number()),
    lon: Nullable(Type.Number()),
  }),
  circumstances: Type.String(),
  reporter: Type.Object({ name: Type.String(), relation: Type.String(), phone: Type.String() }),
  intakeChannel: Type.Enum(INTAKE_CHANNELS),
  divisionCode: Type.String({ description: 'the reporting unit’s division: the case’s jurisdiction' }),
  unitPhone: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
  foundAt: Nullable(DateTime),
  closedAt: Nullable(DateTime),
  closeReason: Nullable(Type.Enum(CLOSE_REASONS)),
  taskForce: Nullable(TaskForceView),
  photos: Type.Array(CasePhotoView),
})
export type CaseView = Static<typeof CaseView>

const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}

export const CaseListQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(Type.Enum(CASE_STATUSES), { description: 'any of these statuses' })),
    unitId: Type.Optional(Uuid),
    suspected: Type.Optional(Type.Boolean()),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 60, description: 'case number (exact or prefix) or part of the child’s name' }),
    ),
    ...Paging,
  },
  { additionalProperties: false },
)
export type CaseListQuery = Static<typeof CaseListQuery>

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() })
export const CasePage = Page(CaseSummary)
export type CasePage = Static<typeof CasePage>

export const ColdCaseQuery = Type.Object(
  {
    olderThanYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 80, description: 'default TUANYUAN_COLD_CASE_YEARS' })),
    unitId: Type.Optional(Uuid),
    ...Paging,
  },
  { additionalProperties: false },
)
export type ColdCaseQuery = Static<typeof ColdCaseQuery>
export const ColdCasePage = Page(CaseSummary)
export type ColdCasePage = Static<typeof ColdCasePage>

export const IdParams = Type.Object({ id: Uuid })
export const PhotoParams = Type.Object({ id: Uuid, photoId: Uuid })
export const PhotoQuery = Type.Object(
  { size: Type.Optional(Type.Enum(['full', 'thumb'], { default: 'full' })) },
  { additionalProperties: false },
)
export type PhotoSize = 'full' | 'thumb'
