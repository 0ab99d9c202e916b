// API shapes of deadlines. Imports nothing but typebox, so web/ can import its types too.
import { Type, type Static } from 'typebox'

export const DEADLINE_STATUSES = ['open', 'overdue', 'escalated', 'done', 'cancelled'] as const
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number]

export const DeadlineView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String({ description: 'e.g. dna.hit_review, directive.feedback' }),
  title: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  unitId: Type.String({ format: 'uuid' }),
  unitName: Type.String(),
  supervisingUnitId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  dueAt: Type.String({ format: 'date-time' }),
  status: Type.Enum(DEADLINE_STATUSES),
  remindedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  overdueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  escalatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})
export type DeadlineView = Static<typeof DeadlineView>

export const DeadlineListQuery = Type.Object(
  {
    view: Type.Optional(Type.Union([Type.Literal('due_soon'), Type.Literal('overdue'), Type.Literal('open')], { default: 'open' })),
    withinHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 90, default: 72 })),
    unitId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
)
export type DeadlineListQuery = Static<typeof DeadlineListQuery>

export const DeadlineList = Type.Object({ items: Type.Array(DeadlineView) })
export type DeadlineList = Static<typeof DeadlineList>
