// API shapes of a case's timeline, status moves, dispatch actions and task force. Imports nothing but typebox.
import { Type, type Static } from 'typebox'
import { CASE_STATUSES, CLOSE_REASONS, DateTime, Nullable, Uuid } from './schema.ts'

export const CaseTransition = Type.Object(
  {
    to: Type.Enum(CASE_STATUSES),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'why; kept on the timeline' })),
    closeReason: Type.Optional(Type.Enum(CLOSE_REASONS, { description: 'required when closing' })),
  },
  { additionalProperties: false },
)
export type CaseTransition = Static<typeof CaseTransition>

const Place = Type.String({ minLength: 1, maxLength: 200 })

/** One rapid-search action of the command centre (快速查找: 布控, 设卡堵截, 视频巡查, 搜寻). */
export const DispatchCreate = Type.Object(
  {
    at: Type.Optional(Type.String({ format: 'date-time', description: 'when it was done; now by default' })),
    unitsSent: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Place,
            unitId: Type.Optional(Uuid),
            officers: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
            task: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 100 },
      ),
    ),
    checkpoints: Type.Optional(
      Type.Array(
        Type.Object(
          {
            location: Place,
            lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
            lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
    ),
    cctvChecked: Type.Optional(
      Type.Array(
        Type.Object(
          {
            location: Place,
            from: Type.Optional(DateTime),
            to: Type.Optional(DateTime),
            finding: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 500 },
      ),
    ),
    areasSearched: Type.Optional(
      Type.Array(
        Type.Object(
          {
            area: Place,
            divisionCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
            result: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
    ),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
)
export type DispatchCreate = Static<typeof DispatchCreate>

export const CaseEventView = Type.Object({
  id: Uuid,
  caseId: Uuid,
  at: DateTime,
  kind: Type.String({ description: 'e.g. case.reported, case.status, dispatch, task_force.set, supervision.report, alert.published' }),
  summary: Type.String(),
  actorId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  unitId: Nullable(Uuid),
  details: Type.Record(Type.String(), Type.Unknown()),
})
export type CaseEventView = Static<typeof CaseEventView>

export const TimelineQuery = Type.Object(
  {
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'exact kind, or a prefix ending in "."' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 500 })),
    order: Type.Optional(
      Type.Enum(['asc', 'desc'], { default: 'asc', description: 'desc: newest first, so a long timeline’s latest events come first' }),
    ),
  },
  { additionalProperties: false },
)
export type TimelineQuery = Static<typeof TimelineQuery>

export const TaskForceSet = Type.Object(
  {
    headUserId: Type.String({ format: 'uuid', description: 'a county-level or higher police leader (一长三包)' }),
    members: Type.Array(
      Type.Object(
        { userId: Uuid, duty: Type.String({ minLength: 1, maxLength: 200, description: 'e.g. 侦查破案, 解救儿童, 安抚家属' }) },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
  },
  { additionalProperties: false },
)
export type TaskForceSet = Static<typeof TaskForceSet>
