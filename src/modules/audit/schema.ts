// API shapes of the audit log. Imports nothing but typebox, so web/ can import its types too.
import { Type, type Static } from 'typebox'

export const ACTOR_TYPES = ['user', 'api_key', 'system', 'anonymous'] as const
export const OUTCOMES = ['success', 'failure', 'denied'] as const

export const AuditEntryView = Type.Object({
  /** Order of insertion: the paging cursor. */
  id: Type.Integer(),
  /** Position in the hash chain; null for the moment between the entry's commit and its sealing. */
  seq: Type.Union([Type.Integer(), Type.Null()]),
  occurredAt: Type.String({ format: 'date-time' }),
  actorType: Type.Enum(ACTOR_TYPES),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  unitId: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  resourceType: Type.Union([Type.String(), Type.Null()]),
  resourceId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Enum(OUTCOMES),
  ip: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
})
export type AuditEntryView = Static<typeof AuditEntryView>

export const AuditSearchQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 80, description: 'actor name or id' })),
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 80, description: 'exact action or a prefix ending in "."' })),
    resourceType: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    resourceId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    outcome: Type.Optional(Type.Enum(OUTCOMES)),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'return entries with id below this (paging)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
)
export type AuditSearchQuery = Static<typeof AuditSearchQuery>

export const AuditPage = Type.Object({
  items: Type.Array(AuditEntryView),
  nextBefore: Type.Union([Type.Integer(), Type.Null()]),
})
export type AuditPage = Static<typeof AuditPage>

export const AuditVerifyView = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  /** Entries committed but not chained yet. */
  pending: Type.Integer(),
  firstBroken: Type.Union([Type.Object({ seq: Type.Integer(), reason: Type.String() }), Type.Null()]),
})
export type AuditVerifyView = Static<typeof AuditVerifyView>
