import type { CaseRow } from './access.ts'
import { ageNow } from './age.ts'
import type { CasePhotoView, CaseSummary, CaseView, TaskForceView } from './schema.ts'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** What a list shows of a case: enough to find it, nothing of the reporter or the child's ID. */
export function toCaseSummary(row: CaseRow, unitName: string, now: Date): CaseSummary {
  return {
    id: row.id,
    caseNo: row.caseNo,
    status: row.status,
    suspectedTrafficking: row.suspectedTrafficking,
    childName: row.childName,
    childSex: row.childSex,
    ageNowYears: ageNow({ birthDate: row.childBirthDate, ageYears: row.childAgeYears, lastSeenAt: row.lastSeenAt }, now),
    lastSeenAt: row.lastSeenAt.toISOString(),
    lastSeenDivisionCode: row.lastSeenDivisionCode,
    reportedAt: row.reportedAt.toISOString(),
    unitId: row.unitId,
    unitName,
    lastActionAt: row.lastActionAt.toISOString(),
  }
}

export interface CaseViewParts {
  unitName: string
  unitPhone: string | null
  lastSeenDivisionName: string
  taskForce: TaskForceView | null
  photos: CasePhotoView[]
}

export function toCaseView(row: CaseRow, parts: CaseViewParts, now: Date): CaseView {
  return {
    ...toCaseSummary(row, parts.unitName, now),
    child: {
      name: row.childName,
      sex: row.childSex,
      birthDate: row.childBirthDate,
      ageYears: row.childAgeYears,
      heightCm: row.childHeightCm,
      build: row.childBuild,
      clothing: row.childClothing,
      marks: row.childMarks,
      idNumber: row.childIdNumber,
      dialect: row.childDialect,
    },
    lastSeen: {
      at: row.lastSeenAt.toISOString(),
      address: row.lastSeenAddress,
      divisionCode: row.lastSeenDivisionCode,
      divisionName: parts.lastSeenDivisionName,
      lat: row.lastSeenLat,
      lon: row.lastSeenLon,
    },
    circumstances: row.circumstances,
    reporter: { name: row.reporterName, relation: row.reporterRelation, phone: row.reporterPhone },
    intakeChannel: row.intakeChannel,
    divisionCode: row.divisionCode,
    unitPhone: parts.unitPhone,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    foundAt: iso(row.foundAt),
    closedAt: iso(row.closedAt),
    closeReason: row.closeReason,
    taskForce: parts.taskForce,
    photos: parts.photos,
  }
}
