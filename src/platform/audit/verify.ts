import { sql } from 'drizzle-orm'
import { queryRows, type Db } from '../db/client.ts'

export interface ChainVerdict {
  ok: boolean
  checked: number
  firstBroken: { seq: number; reason: string } | null
}

interface ChainRow {
  seq: string | number
  prev_hash: string
  hash: string
  recomputed: string
}

const PAGE = 5000

/**
 * Walks the whole chain in order and reports the first entry that does not fit: a changed
 * entry fails its own hash, a removed one leaves a gap in the sequence or a link that points
 * nowhere, and reordered entries fail both.
 */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  let expectedSeq = 1
  let expectedPrev = '0'.repeat(64)
  let checked = 0
  for (;;) {
    const rows = await queryRows<ChainRow>(
      db,
      sql`SELECT seq, prev_hash, hash, audit_entry_digest(e) AS recomputed FROM audit_entry e
          WHERE seq >= ${expectedSeq} ORDER BY seq LIMIT ${PAGE}`,
    )
    for (const row of rows) {
      const seq = Number(row.seq)
      const broken = (reason: string): ChainVerdict => ({ ok: false, checked, firstBroken: { seq, reason } })
      if (seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing (next present is ${seq})`)
      if (row.prev_hash !== expectedPrev) return broken(`entry ${seq} does not link to entry ${seq - 1}: removed or reordered entries`)
      if (row.hash !== row.recomputed) return broken(`entry ${seq} was altered: its content no longer matches its hash`)
      expectedSeq = seq + 1
      expectedPrev = row.hash
      checked++
    }
    if (rows.length < PAGE) return { ok: true, checked, firstBroken: null }
  }
}
