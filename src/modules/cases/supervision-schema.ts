// API shapes of supervised listings (挂牌督办) and their progress reports. Imports nothing but typebox.
import { Type, type Static } from 'typebox'
import { DateTime, Nullable, Page, Uuid } from './schema.ts'

export const SUPERVISION_TARGETS = ['case', 'area'] as const
export type SupervisionTarget = (typeof SUPERVISION_TARGETS)[number]
/** Derived from the listing unit: a national unit lists for the ministry, a province unit for the province. */
export const SUPERVISION_LEVELS = ['ministry', 'province'] as const
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number]
export const SUPERVISION_STATUSES = ['active', 'lifted'] as const
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number]

const Warning = Type.String({ minLength: 1, maxLength: 2000, description: '警示: what the area or case must address' })
const Cycle = Type.Integer({ minimum: 1, maximum: 90, description: 'a progress report is due this many calendar days after the last' })

export const SupervisionCreate = Type.Union([
  Type.Object(
    {
      targetKind: Type.Literal('case'),
      caseId: Uuid,
      warning: Type.Optional(Warning),
      reportCycleDays: Cycle,
      supervisingUnitId: Type.Optional(Type.String({ format: 'uuid', description: 'the listing unit; the caller’s own by default' })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      targetKind: Type.Literal('area'),
      divisionCode: Type.String({ pattern: '^[0-9]{6}$', description: 'the key area (重点地区): a county or city' }),
      warning: Warning,
      reportCycleDays: Cycle,
      responsibleUnitId: Type.Optional(
        Type.String({ format: 'uuid', description: 'the police unit that reports; by default the one at the area’s division' }),
      ),
      supervisingUnitId: Type.Optional(Type.String({ format: 'uuid' })),
    },
    { additionalProperties: false },
  ),
])
export type SupervisionCreate = Static<typeof SupervisionCreate>

export const SupervisionUpdate = Type.Object(
  { warning: Type.Optional(Warning), reportCycleDays: Type.Optional(Cycle) },
  { additionalProperties: false, minProperties: 1 },
)
export type SupervisionUpdate = Static<typeof SupervisionUpdate>

export const SupervisionLift = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 2000, description: 'why the listing ends (e.g. 案件告破)' }) },
  { additionalProperties: false },
)
export type SupervisionLift = Static<typeof SupervisionLift>

export const SupervisionReportCreate = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 10000, description: 'progress since the last report' }) },
  { additionalProperties: false },
)
export type SupervisionReportCreate = Static<typeof SupervisionReportCreate>

export const SupervisionReportView = Type.Object({
  id: Uuid,
  supervisionId: Uuid,
  at: DateTime,
  reportedBy: Type.String(),
  reportedByName: Nullable(Type.String()),
  unitId: Nullable(Uuid),
  text: Type.String(),
})
export type SupervisionReportView = Static<typeof SupervisionReportView>

export const SupervisionView = Type.Object({
  id: Uuid,
  targetKind: Type.Enum(SUPERVISION_TARGETS),
  caseId: Nullable(Uuid),
  caseNo: Nullable(Type.String()),
  divisionCode: Type.String(),
  divisionName: Type.String(),
  level: Type.Enum(SUPERVISION_LEVELS),
  supervisingUnitId: Uuid,
  supervisingUnitName: Type.String(),
  responsibleUnitId: Uuid,
  responsibleUnitName: Type.String(),
  warning: Nullable(Type.String()),
  reportCycleDays: Type.Integer(),
  status: Type.Enum(SUPERVISION_STATUSES),
  listedBy: Type.String(),
  listedAt: DateTime,
  liftedAt: Nullable(DateTime),
  liftNote: Nullable(Type.String()),
  lastReportAt: Nullable(DateTime),
  nextReportDueAt: Nullable(DateTime),
  overdue: Type.Boolean({ description: 'the next report is past due' }),
  escalatedAt: Nullable(DateTime),
})
export type SupervisionView = Static<typeof SupervisionView>

export const SupervisionDetail = Type.Object({ ...SupervisionView.properties, reports: Type.Array(SupervisionReportView) })
export type SupervisionDetail = Static<typeof SupervisionDetail>

export const SupervisionListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(SUPERVISION_STATUSES)),
    targetKind: Type.Optional(Type.Enum(SUPERVISION_TARGETS)),
    caseId: Type.Optional(Uuid),
    overdue: Type.Optional(Type.Boolean({ description: 'only listings whose report is past due' })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
)
export type SupervisionListQuery = Static<typeof SupervisionListQuery>
export const SupervisionPage = Page(SupervisionView)
export type SupervisionPage = Static<typeof SupervisionPage>
