import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { testPlatform, type TestPlatform } from '../testing.ts'
import { queryRows } from '../db/client.ts'
import { verifyAuditChain } from './verify.ts'

let t: TestPlatform

beforeEach(async () => {
  t = await testPlatform()
  for (let i = 1; i <= 6; i++) {
    await t.ctx().audit({ action: 'test.write', resource: { type: 'thing', id: `t${i}` }, details: { n: i, note: '第' + i + '条' } })
    t.clock.advance(1000)
  }
})
afterEach(() => t?.close())

/** Tampering "by other means": an operator with table rights who switches the protective triggers off. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.platform.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_entry DISABLE TRIGGER USER`)
    await tx.execute(statement)
    await tx.execute(sql`ALTER TABLE audit_entry ENABLE TRIGGER USER`)
  })
}

describe('the audit log', () => {
  it('chains every entry to the one before', async () => {
    const rows = await queryRows<{ seq: string; prev_hash: string; hash: string }>(
      t.platform.db,
      sql`SELECT seq, prev_hash, hash FROM audit_entry ORDER BY seq`,
    )
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5, 6])
    expect(rows[0].prev_hash).toBe('0'.repeat(64))
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash)
    expect(await verifyAuditChain(t.platform.db)).toEqual({ ok: true, checked: 6, firstBroken: null })
  })

  it('is refused UPDATE, DELETE and TRUNCATE by the database', async () => {
    await expect(t.platform.db.execute(sql`UPDATE audit_entry SET action = 'x' WHERE seq = 2`)).rejects.toThrow()
    await expect(t.platform.db.execute(sql`DELETE FROM audit_entry WHERE seq = 2`)).rejects.toThrow()
    await expect(t.platform.db.execute(sql`TRUNCATE audit_entry`)).rejects.toThrow()
    expect((await verifyAuditChain(t.platform.db)).checked).toBe(6)
  })

  it('reports an edited entry', async () => {
    await tamper(sql`UPDATE audit_entry SET details = '{"n": 99}' WHERE seq = 3`)
    expect(await verifyAuditChain(t.platform.db)).toMatchObject({
      ok: false,
      checked: 2,
      firstBroken: { seq: 3, reason: expect.stringContaining('altered') },
    })
  })

  it('reports an edit even when the editor recomputes that entry’s own hash', async () => {
    await tamper(sql`UPDATE audit_entry SET actor_name = 'someone else' WHERE seq = 4`)
    await tamper(sql`UPDATE audit_entry e SET hash = audit_entry_digest(e) WHERE seq = 4`)
    expect(await verifyAuditChain(t.platform.db)).toMatchObject({
      ok: false,
      firstBroken: { seq: 5, reason: expect.stringContaining('does not link') },
    })
  })

  it('reports a deleted entry', async () => {
    await tamper(sql`DELETE FROM audit_entry WHERE seq = 4`)
    expect(await verifyAuditChain(t.platform.db)).toMatchObject({
      ok: false,
      checked: 3,
      firstBroken: { seq: 5, reason: expect.stringContaining('entry 4 is missing') },
    })
  })

  it('reports reordered entries', async () => {
    await tamper(sql`UPDATE audit_entry SET seq = -2 WHERE seq = 2`)
    await tamper(sql`UPDATE audit_entry SET seq = 2 WHERE seq = 5`)
    await tamper(sql`UPDATE audit_entry SET seq = 5 WHERE seq = -2`)
    expect(await verifyAuditChain(t.platform.db)).toMatchObject({ ok: false, checked: 1, firstBroken: { seq: 2 } })
  })
})
