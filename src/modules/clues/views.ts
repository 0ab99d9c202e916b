import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../platform/db/client.ts'
import { deadline } from '../../platform/deadlines/tables.ts'
import { clue } from './tables.ts'
import type { ClueRow } from './access.ts'
import type { ClueView } from './schema.ts'

/**
 * The due date of the clue's latest deadline: the open one while it is open, the one it was closed against after.
 * "clue"."id" is spelt out: a one-table select leaves Drizzle's columns unqualified, and the subquery would bind them to deadline.
 */
export const clueDueAt: SQL<Date | null> = sql<Date | null>`(
  SELECT ${deadline.dueAt} FROM ${deadline}
  WHERE ${deadline.subjectType} = 'clue' AND ${deadline.subjectId} = "clue"."id"::text
  ORDER BY ${deadline.createdAt} DESC LIMIT 1)`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v)))

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function toClueView(row: ClueRow, dueAt: Date | null): ClueView {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    status: row.status,
    outcome: row.outcome,
    subject: row.subject,
    text: row.text,
    seenAt: iso(row.seenAt),
    place: row.placeDivisionCode
      ? { divisionCode: row.placeDivisionCode, address: row.placeAddress, lat: row.placeLat, lon: row.placeLon }
      : null,
    contact: row.contactName || row.contactPhone ? { name: row.contactName, phone: row.contactPhone } : null,
    caseId: row.caseId,
    alertId: row.alertId,
    institutionType: row.institutionType,
    institutionName: row.institutionName,
    url: row.url,
    platform: row.platform,
    senderUnitId: row.senderUnitId,
    routedUnitId: row.routedUnitId,
    divisionCode: row.divisionCode,
    assignees: row.assignees,
    feedback: row.feedback,
    dueAt: iso(dueAt),
    closedAt: iso(row.closedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** A clue as the API shows it, with its due date, read in `db` (a transaction sees its own writes). */
export async function loadClueView(db: Db, row: ClueRow): Promise<ClueView> {
  const [found] = await db
    .select({ dueAt: clueDueAt })
    .from(clue)
    .where(sql`${clue.id} = ${row.id}`)
  return toClueView(row, found?.dueAt ?? null)
}
