import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { at, bytea } from '../../platform/db/columns.ts'
import type { CaseStatus, CloseReason, IntakeChannel, Sex } from './schema.ts'
import type { SupervisionLevel, SupervisionStatus, SupervisionTarget } from './supervision-schema.ts'
import type { RevokeReason, WantedClass, WantedStatus } from './wanted-schema.ts'

/**
 * A missing-child case. It belongs to the unit where it was reported (`unit_id`, `division_code` =
 * that unit's division): jurisdiction follows the reporting unit, not the place of disappearance.
 * `unit_id` has no foreign key, as no module's reference to identity's units has one.
 */
export const missingCase = pgTable(
  'missing_case',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseNo: text().notNull().unique(),
    status: text().$type<CaseStatus>().notNull(),
    suspectedTrafficking: boolean().notNull().default(false),
    childName: text().notNull(),
    childSex: text().$type<Sex>().notNull(),
    childBirthDate: date({ mode: 'string' }),
    childAgeYears: integer(),
    childHeightCm: integer(),
    childBuild: text(),
    childClothing: text(),
    childMarks: text(),
    childIdNumber: text(),
    childDialect: text(),
    lastSeenAt: at().notNull(),
    lastSeenAddress: text().notNull(),
    lastSeenDivisionCode: text().notNull(),
    lastSeenLat: doublePrecision(),
    lastSeenLon: doublePrecision(),
    circumstances: text().notNull(),
    reportedAt: at().notNull(),
    reporterName: text().notNull(),
    reporterRelation: text().notNull(),
    reporterPhone: text().notNull(),
    intakeChannel: text().$type<IntakeChannel>().notNull(),
    unitId: uuid().notNull(),
    divisionCode: text().notNull(),
    /** The actor id: a user's uuid, or `system:<name>` for the seeder and jobs. */
    createdBy: text().notNull(),
    createdAt: at().notNull(),
    updatedAt: at().notNull(),
    foundAt: at(),
    closedAt: at(),
    closeReason: text().$type<CloseReason>(),
    /** The time of the latest timeline event: cold-case lists show it and campaigns sort by it. */
    lastActionAt: at().notNull(),
  },
  (t) => [
    index('missing_case_division_code_prefix_idx').on(sql`${t.divisionCode} text_pattern_ops`),
    index().on(t.unitId, t.status),
    index().on(t.status, t.reportedAt),
    check('missing_case_age_or_birth', sql`${t.childBirthDate} IS NOT NULL OR ${t.childAgeYears} IS NOT NULL`),
    check('missing_case_lat_lon_pair', sql`(${t.lastSeenLat} IS NULL) = (${t.lastSeenLon} IS NULL)`),
  ],
)

/** The last sequence number issued per reporting division and day, for case numbers MC-<division>-<yyyymmdd>-<seq>. */
export const caseNumberSeq = pgTable(
  'case_number_seq',
  { divisionCode: text().notNull(), day: text().notNull(), lastSeq: integer().notNull() },
  (t) => [primaryKey({ columns: [t.divisionCode, t.day] })],
)

/** Photos live in the database: re-encoded without metadata (no EXIF GPS), with a 320 px thumbnail. */
export const casePhoto = pgTable(
  'case_photo',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => missingCase.id),
    contentType: text().notNull(),
    bytes: bytea().notNull(),
    thumbnail: bytea().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    createdBy: text().notNull(),
    createdAt: at().notNull(),
  },
  (t) => [uniqueIndex().on(t.caseId, t.sha256)],
)

/** The case timeline. Append-only: a trigger refuses updates and deletes. */
export const caseEvent = pgTable(
  'case_event',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Insertion order, which breaks ties between events of the same millisecond. */
    seq: bigint({ mode: 'number' }).generatedByDefaultAsIdentity().notNull(),
    caseId: uuid()
      .notNull()
      .references(() => missingCase.id),
    at: at().notNull(),
    actorId: text(),
    actorName: text(),
    unitId: uuid(),
    kind: text().notNull(),
    summary: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index().on(t.caseId, t.at)],
)

/** 一长三包: one task force per case, headed by a county-level or higher police leader. */
export const taskForce = pgTable('task_force', {
  caseId: uuid()
    .primaryKey()
    .references(() => missingCase.id),
  headUserId: uuid().notNull(),
  createdAt: at().notNull(),
  updatedAt: at().notNull(),
})

export const taskForceMember = pgTable(
  'task_force_member',
  {
    caseId: uuid()
      .notNull()
      .references(() => taskForce.caseId),
    userId: uuid().notNull(),
    duty: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] })],
)

/** 挂牌督办: a case or a key area listed by the ministry or a province, with reports due every cycle. */
export const supervision = pgTable(
  'supervision',
  {
    id: uuid().primaryKey().defaultRandom(),
    targetKind: text().$type<SupervisionTarget>().notNull(),
    caseId: uuid().references(() => missingCase.id),
    /** The area's division, or the case's jurisdiction: what scopes who sees the listing. */
    divisionCode: text().notNull(),
    level: text().$type<SupervisionLevel>().notNull(),
    supervisingUnitId: uuid().notNull(),
    responsibleUnitId: uuid().notNull(),
    warning: text(),
    reportCycleDays: integer().notNull(),
    status: text().$type<SupervisionStatus>().notNull(),
    listedBy: text().notNull(),
    listedAt: at().notNull(),
    liftedAt: at(),
    liftedBy: text(),
    liftNote: text(),
  },
  (t) => [
    uniqueIndex('supervision_active_case_idx')
      .on(t.caseId)
      .where(sql`${t.status} = 'active' AND ${t.targetKind} = 'case'`),
    uniqueIndex('supervision_active_area_idx')
      .on(t.divisionCode)
      .where(sql`${t.status} = 'active' AND ${t.targetKind} = 'area'`),
    index('supervision_division_code_prefix_idx').on(sql`${t.divisionCode} text_pattern_ops`),
    index().on(t.supervisingUnitId, t.status),
    check('supervision_target', sql`(${t.targetKind} = 'case') = (${t.caseId} IS NOT NULL)`),
  ],
)

export const supervisionReport = pgTable(
  'supervision_report',
  {
    id: uuid().primaryKey().defaultRandom(),
    supervisionId: uuid()
      .notNull()
      .references(() => supervision.id),
    reportedBy: text().notNull(),
    reportedByName: text(),
    unitId: uuid(),
    at: at().notNull(),
    text: text().notNull(),
  },
  (t) => [index().on(t.supervisionId, t.at)],
)

/** 通缉令: a public notice for a suspect in a case. The photo is stripped and thumbnailed as case photos are. */
export const wantedNotice = pgTable(
  'wanted_notice',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => missingCase.id),
    class: text().$type<WantedClass>().notNull(),
    issuingUnitId: uuid().notNull(),
    suspectName: text().notNull(),
    suspectAliases: text(),
    suspectSex: text().$type<Sex>().notNull(),
    suspectBirthYear: integer(),
    suspectIdNumber: text(),
    description: text().notNull(),
    rewardText: text(),
    rewardAmountCny: integer(),
    contactPhone: text().notNull(),
    photo: bytea(),
    photoThumbnail: bytea(),
    photoContentType: text(),
    status: text().$type<WantedStatus>().notNull(),
    createdBy: text().notNull(),
    createdAt: at().notNull(),
    updatedAt: at().notNull(),
    publishedAt: at(),
    revokedAt: at(),
    revokeReason: text().$type<RevokeReason>(),
    revokeNote: text(),
  },
  (t) => [index().on(t.status, t.publishedAt), index().on(t.caseId)],
)
