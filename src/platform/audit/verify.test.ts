import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { testPlatform, type TestPlatform } from '../testing.ts'
import { queryRows } from '../db/client.ts'
import { verifyAuditChain } from './verify.ts'
import { sealAuditChain } from './seal.ts'

let t: TestPlatform

async function write(n: number) {
  await t.ctx().audit({ action: 'test.write', resource: { type: 'thing', id: `t${n}` }, details: { n, note: '第' + n + '条' } })
  t.clock.advance(1000)
}

beforeEach(async () => {
  t = await testPlatform()
  for (let i = 1; i <= 6; i++) await write(i)
  expect(await sealAuditChain(t.platform.db)).toBe(6)
})
afterEach(() => t?.close())

/** Tampering "by other means": an operator with table rights who switches the protective triggers off. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.platform.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_entry DISABLE TRIGGER USER`)
    await tx.execute(sql`ALTER TABLE audit_chain DISABLE TRIGGER USER`)
    await tx.execute(statement)
    await tx.execute(sql`ALTER TABLE audit_chain ENABLE TRIGGER USER`)
    await tx.execute(sql`ALTER TABLE audit_entry ENABLE TRIGGER USER`)
  })
}

const entryAt = (seq: number) => sql`(SELECT entry_id FROM audit_chain WHERE seq = ${seq})`

describe('the audit log', () => {
  it('chains every entry to the one before, once it has committed', async () => {
    const rows = await queryRows<{ seq: string; prev_hash: string; hash: string; n: number }>(
      t.platform.db,
      sql`SELECT c.seq, c.prev_hash, c.hash, (e.details->>'n')::int AS n FROM audit_chain c JOIN audit_entry e ON e.id = c.entry_id ORDER BY c.seq`,
    )
    expect(rows.map((r) => [Number(r.seq), r.n])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [n, n]))
    expect(rows[0].prev_hash).toBe('0'.repeat(64))
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash)
    expect(await verifyAuditChain(t.platform.db)).toEqual({ ok: true, checked: 6, pending: 0, firstBroken: null })

    // An entry waits, unchained, until it is sealed; sealing again chains nothing twice.
    await write(7)
    expect(await verifyAuditChain(t.platform.db)).toEqual({ ok: true, checked: 6, pending: 1, firstBroken: null })
    expect(await sealAuditChain(t.platform.db)).toBe(1)
    expect(await sealAuditChain(t.platform.db)).toBe(0)
    expect(await verifyAuditChain(t.platform.db)).toEqual({ ok: true, checked: 7, pending: 0, firstBroken: null })
  })

  it('chains what has committed, in the order of insertion', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let entered!: () => void
    const inside = new Promise<void>((resolve) => (entered = resolve))
    const slow = t.platform.db.transaction(async (tx) => {
      await t.ctx().audit({ action: 'test.slow' }, tx)
      entered()
      await held
    })
    await inside
    // Nothing is chained while the writer's transaction is open (on PostgreSQL other writers proceed meanwhile).
    release()
    await slow
    await write(8)
    expect(await sealAuditChain(t.platform.db)).toBe(2)
    const actions = await queryRows<{ action: string }>(
      t.platform.db,
      sql`SELECT e.action FROM audit_chain c JOIN audit_entry e ON e.id = c.entry_id WHERE c.seq > 6 ORDER BY c.seq`,
    )
    expect(actions.map((a) => a.action)).toEqual(['test.slow', 'test.write'])
  })

  it('computes links itself, whatever an inserter passes', async () => {
    await write(7)
    await t.platform.db.execute(sql`DELETE FROM audit_pending`)
    const [{ id }] = await queryRows<{ id: number }>(t.platform.db, sql`SELECT max(id) AS id FROM audit_entry`)
    await t.platform.db.execute(sql`INSERT INTO audit_chain (seq, entry_id, prev_hash, hash) VALUES (99, ${id}, 'x', 'y')`)
    expect(await verifyAuditChain(t.platform.db)).toMatchObject({ ok: true, checked: 7 })
  })

  it('is refused UPDATE, DELETE and TRUNCATE by the database, entries and chain alike', async () => {
    await expect(t.platform.db.execute(sql`UPDATE audit_entry SET action = 'x' WHERE id = 2`)).rejects.toThrow()
    await expect(t.platform.db.execute(sql`DELETE FROM audit_entry WHERE id = 2`)).rejects.toThrow()
    await expect(t.platform.db.execute(sql`TRUNCATE audit_entry CASCADE`)).rejects.toThrow()
    const appendOnly = { cause: { message: expect.stringMatching(/audit_chain is append-only/) } }
    await expect(t.platform.db.execute(sql`UPDATE audit_chain SET hash = 'x' WHERE seq = 2`)).rejects.toMatchObject(appendOnly)
    await expect(t.platform.db.execute(sql`DELETE FROM audit_chain WHERE seq = 6`)).rejects.toMatchObject(appendOnly)
    expect((await verifyAuditChain(t.platform.db)).checked).toBe(6)
  })

  it('reports an edited entry', async () => {
    await tamper(sql`UPDATE audit_entry SET details = '{"n": 99}' WHERE id = ${entryAt(3)}`)
    expect(await verifyAuditChain(t.platform.db)).toMatchObject({
      ok: false,
      checked: 2,
      firstBroken: { seq: 3, reason: expect.stringContaining('altered') },
    })
  })

  it('reports an edit even when the editor recomputes that entry’s own hash', async () => {
    await tamper(sql`UPDATE audit_entry SET actor_name = 'someone else' WHERE id = ${entryAt(4)}`)
    await tamper(
      sql`UPDATE audit_chain c SET hash = audit_chain_digest(c.seq, c.prev_hash, e) FROM audit_entry e WHERE e.id = c.entry_id AND c.seq = 4`,
    )
    expect(await verifyAuditChain(t.platform.db)).toMatchObject({
      ok: false,
      firstBroken: { seq: 5, reason: expect.stringContaining('does not link') },
    })
  })

  it('reports a deleted entry', async () => {
    const [{ id }] = await queryRows<{ id: number }>(t.platform.db, sql`SELECT entry_id AS id FROM audit_chain WHERE seq = 4`)
    await tamper(sql`DELETE FROM audit_chain WHERE seq = 4`)
    await tamper(sql`DELETE FROM audit_entry WHERE id = ${id}`)
    expect(await verifyAuditChain(t.platform.db)).toMatchObject({
      ok: false,
      checked: 3,
      firstBroken: { seq: 5, reason: expect.stringContaining('entry 4 is missing') },
    })
  })

  it('reports reordered entries', async () => {
    await tamper(sql`UPDATE audit_chain SET seq = -2 WHERE seq = 2`)
    await tamper(sql`UPDATE audit_chain SET seq = 2 WHERE seq = 5`)
    await tamper(sql`UPDATE audit_chain SET seq = 5 WHERE seq = -2`)
    expect(await verifyAuditChain(t.platform.db)).toMatchObject({ ok: false, checked: 1, firstBroken: { seq: 2 } })
  })

  it('reports an entry taken off the queue without being chained', async () => {
    await write(7)
    await t.platform.db.execute(sql`DELETE FROM audit_pending`)
    expect(await verifyAuditChain(t.platform.db)).toMatchObject({
      ok: false,
      checked: 6,
      firstBroken: { reason: expect.stringContaining('1 entries are neither chained nor waiting') },
    })
  })
})
