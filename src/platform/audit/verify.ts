import { sql } from 'drizzle-orm'
import { queryRows, type Db } from '../db/client.ts'

export interface ChainVerdict {
  ok: boolean
  /** Chained entries checked. */
  checked: number
  /** Entries committed but not chained yet (the sealer chains them within a second or so). */
  pending: number
  firstBroken: { seq: number; reason: string } | null
}

interface ChainRow {
  seq: string | number
  entry_id: string | number | null
  prev_hash: string
  hash: string
  recomputed: string | null
}

const PAGE = 5000

/**
 * Walks the whole chain in order and reports the first link that does not fit: a changed entry fails its own
 * hash, a removed one leaves a gap in the sequence or a link that points nowhere, and reordered entries fail
 * both. Then every entry must be either chained or waiting to be: an entry taken off the queue unchained is
 * reported too.
 */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  let expectedSeq = 1
  let expectedPrev = '0'.repeat(64)
  let checked = 0
  const verdict = (firstBroken: ChainVerdict['firstBroken'], pending = 0): ChainVerdict => ({
    ok: firstBroken === null,
    checked,
    pending,
    firstBroken,
  })
  for (;;) {
    const rows = await queryRows<ChainRow>(
      db,
      sql`SELECT c.seq, e.id AS entry_id, c.prev_hash, c.hash, audit_chain_digest(c.seq, c.prev_hash, e) AS recomputed
          FROM audit_chain c LEFT JOIN audit_entry e ON e.id = c.entry_id
          WHERE c.seq >= ${expectedSeq} ORDER BY c.seq LIMIT ${PAGE}`,
    )
    for (const row of rows) {
      const seq = Number(row.seq)
      const broken = (reason: string) => verdict({ seq, reason })
      if (seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing (next present is ${seq})`)
      if (row.prev_hash !== expectedPrev) return broken(`entry ${seq} does not link to entry ${seq - 1}: removed or reordered entries`)
      if (row.entry_id === null) return broken(`entry ${seq} was removed: its link remains`)
      if (row.hash !== row.recomputed) return broken(`entry ${seq} was altered: its content no longer matches its hash`)
      expectedSeq = seq + 1
      expectedPrev = row.hash
      checked++
    }
    if (rows.length < PAGE) break
  }
  const [{ pending, lost }] = await queryRows<{ pending: string | number; lost: string | number }>(
    db,
    sql`SELECT (SELECT count(*) FROM audit_pending) AS pending,
          (SELECT count(*) FROM audit_entry e WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.entry_id = e.id)
             AND NOT EXISTS (SELECT 1 FROM audit_pending p WHERE p.entry_id = e.id)) AS lost`,
  )
  if (Number(lost) > 0) {
    return verdict(
      { seq: expectedSeq, reason: `${lost} entries are neither chained nor waiting to be: taken off the queue by hand` },
      Number(pending),
    )
  }
  return verdict(null, Number(pending))
}
