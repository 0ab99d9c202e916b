import { sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/client.ts'
import { chinaDay } from './age.ts'
import { caseNumberSeq } from './tables.ts'

/**
 * Issues the next case number of a reporting division for the China date of `reportedAt`:
 * MC-440305-20260105-1. The counter row is bumped inside the caller's transaction, so concurrent
 * reports wait for each other and a rolled-back report gives its number back.
 */
export async function issueCaseNo(tx: Db, divisionCode: string, reportedAt: Date): Promise<string> {
  const day = chinaDay(reportedAt).replaceAll('-', '')
  const [row] = await tx
    .insert(caseNumberSeq)
    .values({ divisionCode, day, lastSeq: 1 })
    .onConflictDoUpdate({ target: [caseNumberSeq.divisionCode, caseNumberSeq.day], set: { lastSeq: sql`${caseNumberSeq.lastSeq} + 1` } })
    .returning({ seq: caseNumberSeq.lastSeq })
  return `MC-${divisionCode}-${day}-${row.seq}`
}
