// The API shapes of identity. Imports nothing but typebox, so web/ can import its types too.
import { Type, type Static } from 'typebox'

export const ROLES = [
  'admin',
  'investigator',
  'command',
  'dna_analyst',
  'caseworker',
  'plan_office',
  'supervisor',
  'auditor',
  'reporter',
] as const
export type Role = (typeof ROLES)[number]

/** Member types of the anti-trafficking joint meeting (the seeds' 成员单位), public security first. */
export const UNIT_TYPES = [
  'public_security',
  'civil_affairs',
  'womens_federation',
  'justice',
  'procuratorate',
  'court',
  'health',
  'education',
  'human_resources',
  'transport',
  'commerce',
  'culture_tourism',
  'market_regulation',
  'radio_tv',
  'internet_information',
  'publicity',
  'political_legal',
  'foreign_affairs',
  'youth_league',
  'trade_union',
  'disabled_persons_federation',
  'joint_meeting_office',
  'other',
] as const
export type UnitType = (typeof UNIT_TYPES)[number]

export const UNIT_LEVELS = ['national', 'province', 'city', 'county'] as const
export type UnitLevel = (typeof UNIT_LEVELS)[number]

export const RoleName = Type.Enum(ROLES)
export const UnitTypeName = Type.Enum(UNIT_TYPES)
export const UnitLevelName = Type.Enum(UNIT_LEVELS)
export const Uuid = Type.String({ format: 'uuid' })
export const DivisionCode = Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 code; 000000 is the whole country' })
export const IsoDateTime = Type.String({ format: 'date-time' })

export const DivisionView = Type.Object({
  code: DivisionCode,
  name: Type.String(),
  level: Type.Union([Type.Literal('country'), Type.Literal('province'), Type.Literal('city'), Type.Literal('county')]),
  parentCode: Type.Union([DivisionCode, Type.Null()]),
})
export type DivisionView = Static<typeof DivisionView>

export const DivisionListQuery = Type.Object(
  {
    parent: Type.Optional(DivisionCode),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
)
export type DivisionListQuery = Static<typeof DivisionListQuery>

export const PublicDivisionListQuery = Type.Object({ parent: DivisionCode }, { additionalProperties: false })
export type PublicDivisionListQuery = Static<typeof PublicDivisionListQuery>

export const UnitCreate = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 100 }),
    type: UnitTypeName,
    level: UnitLevelName,
    divisionCode: DivisionCode,
    parentId: Type.Union([Uuid, Type.Null()]),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
)
export type UnitCreate = Static<typeof UnitCreate>

export const UnitView = Type.Object({
  id: Uuid,
  name: Type.String(),
  type: UnitTypeName,
  level: UnitLevelName,
  divisionCode: DivisionCode,
  divisionName: Type.String(),
  parentId: Type.Union([Uuid, Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDateTime,
})
export type UnitView = Static<typeof UnitView>

export const Password = Type.String({ minLength: 1, maxLength: 200 })

export const UserCreate = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,39}$', description: 'lower-case letters, digits, . _ -' }),
    displayName: Type.String({ minLength: 1, maxLength: 60 }),
    unitId: Uuid,
    roles: Type.Array(RoleName, { minItems: 1, uniqueItems: true }),
    password: Password,
  },
  { additionalProperties: false },
)
export type UserCreate = Static<typeof UserCreate>

export const UserUpdate = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    roles: Type.Optional(Type.Array(RoleName, { minItems: 1, uniqueItems: true })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UserUpdate = Static<typeof UserUpdate>

export const UserView = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  unitId: Uuid,
  unitName: Type.String(),
  roles: Type.Array(RoleName),
  disabled: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  lockedUntil: Type.Union([IsoDateTime, Type.Null()]),
  createdAt: IsoDateTime,
})
export type UserView = Static<typeof UserView>

export const UserListQuery = Type.Object(
  { unitId: Type.Optional(Uuid), q: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) },
  { additionalProperties: false },
)
export type UserListQuery = Static<typeof UserListQuery>

export const MeView = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleName),
  permissions: Type.Array(Type.String()),
  totpEnabled: Type.Boolean(),
  unit: Type.Object({
    id: Uuid,
    name: Type.String(),
    type: UnitTypeName,
    level: UnitLevelName,
    divisionCode: DivisionCode,
  }),
})
export type MeView = Static<typeof MeView>

export const LoginRequest = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 40 }),
    password: Password,
    totpCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
  },
  { additionalProperties: false },
)
export type LoginRequest = Static<typeof LoginRequest>

export const LoginResult = Type.Object({ user: MeView, csrfToken: Type.String() })
export type LoginResult = Static<typeof LoginResult>

export const CsrfView = Type.Object({ csrfToken: Type.String() })

export const PasswordChange = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false })
export type PasswordChange = Static<typeof PasswordChange>

export const SessionView = Type.Object({
  id: Type.String(),
  createdAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
  expiresAt: IsoDateTime,
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean(),
})
export type SessionView = Static<typeof SessionView>

export const TotpSetupView = Type.Object({ secret: Type.String(), otpauthUri: Type.String() })
export type TotpSetupView = Static<typeof TotpSetupView>
export const TotpCode = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false })
export const TotpDisable = Type.Object({ password: Password }, { additionalProperties: false })

export const ApiKeyCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    unitId: Uuid,
    scopes: Type.Array(Type.String({ pattern: '^[a-z_]+(\\.[a-z_]+)+$' }), { minItems: 1, uniqueItems: true }),
    expiresAt: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
)
export type ApiKeyCreate = Static<typeof ApiKeyCreate>

export const ApiKeyView = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String(),
  unitId: Uuid,
  unitName: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: IsoDateTime,
  expiresAt: Type.Union([IsoDateTime, Type.Null()]),
  lastUsedAt: Type.Union([IsoDateTime, Type.Null()]),
  revokedAt: Type.Union([IsoDateTime, Type.Null()]),
})
export type ApiKeyView = Static<typeof ApiKeyView>

/** Returned once, at creation: the only time the secret is ever shown. */
export const ApiKeyCreated = Type.Object({ apiKey: ApiKeyView, secret: Type.String() })
export type ApiKeyCreated = Static<typeof ApiKeyCreated>

export const IdParams = Type.Object({ id: Uuid })
export const SessionIdParams = Type.Object({ id: Type.String({ minLength: 8, maxLength: 100 }) })
