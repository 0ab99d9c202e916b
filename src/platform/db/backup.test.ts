import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { sql } from 'drizzle-orm'
import { DAY, manualClock } from '../clock.ts'
import { openDatabase, queryRows, type Database } from './client.ts'
import { migrateDatabase } from './migrate.ts'
import { onPostgres, testDb } from './testing.ts'
import { testPlatform } from '../testing.ts'
import { verifyAuditChain } from '../audit/verify.ts'
import { sealAuditChain } from '../audit/seal.ts'
import { createDeadline } from '../deadlines/service.ts'
import { sweepDeadlines } from '../deadlines/sweep.ts'
import { calendarDay } from '../deadlines/tables.ts'
import { runOnce } from '../jobs/jobs.ts'
import { makeUnit, makeUser } from '../../modules/identity/testing.ts'
import { makeProfile } from '../../modules/dna/testing.ts'
import { backupDatabase, restoreDatabase, RestoreRefused } from './backup.ts'

let dir: string
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ty-backup-'))
})
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

let opened: Database[] = []
afterEach(async () => {
  for (const database of opened.reverse()) await database.close()
  opened = []
})
const keep = (database: Database) => {
  opened.push(database)
  return database
}

/** An in-memory PGlite, whatever backend the tests otherwise use. */
async function pglite(): Promise<Database> {
  const database = keep(await openDatabase({}))
  await migrateDatabase(database)
  return database
}

/** Units, users, a deadline that has been swept, a job receipt and a calendar entry, with their audit entries. */
async function seed(database: Database): Promise<void> {
  const clock = manualClock('2026-01-05T01:00:00Z')
  const t = await testPlatform({ database, clock })
  const ctx = t.ctx()
  const province = await makeUnit(ctx, { divisionCode: '440000', name: '广东省公安厅' })
  const city = await makeUnit(ctx, { divisionCode: '440300', parentId: province.id })
  const county = await makeUnit(ctx, { divisionCode: '440305', parentId: city.id, name: '南山分局 "测试" \\ 单位' })
  await makeUser(ctx, county, ['investigator'])
  await makeUser(ctx, city, ['supervisor', 'auditor'])
  await createDeadline(ctx, {
    kind: 'test.feedback',
    title: '反馈',
    subject: { type: 'test', id: 'x' },
    unitId: county.id,
    due: { after: { days: 2 } },
    details: { nested: { list: [1, 'two', null] }, emoji: '🏠' },
  })
  clock.advance(4 * DAY)
  await sweepDeadlines(database.db, clock)
  await database.db.insert(calendarDay).values({ day: '2026-02-16', isWorkingDay: false, note: '春节' })
  await runOnce(database.db, { id: 'job-1', name: 'test.job', data: {}, retryCount: 0 }, async () => undefined, clock)
  // Identity columns (the DNA search number) must carry on after a restore.
  await makeProfile(ctx, county, { D8S1179: ['12', '13'] }, 'BK-1')
  await makeProfile(ctx, county, { D8S1179: ['12', '12'] }, 'BK-2')
  // As the server's sealer would have: every entry chained, so that the dumps before and after a backup agree.
  await sealAuditChain(database.db)
  // The platform's jobs were never started; its database stays open for the caller.
}

/** Every row of every table, as JSON in UTC, ordered by primary key: equal dumps mean equal databases. */
async function dump(database: Database): Promise<Record<string, unknown[]>> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`)
    const tables = await queryRows<{ name: string; pk: string[] }>(
      tx,
      sql`SELECT t.tablename AS name,
            array(SELECT a.attname::text FROM pg_index i
                  JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, n) ON true
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                  WHERE i.indrelid = format('public.%I', t.tablename)::regclass AND i.indisprimary ORDER BY k.n) AS pk
          FROM pg_tables t WHERE t.schemaname = 'public' ORDER BY t.tablename`,
    )
    const out: Record<string, unknown[]> = {}
    for (const { name, pk } of tables) {
      expect(pk.length, `${name} has a primary key`).toBeGreaterThan(0)
      const order = sql.join(
        pk.map((c) => sql.raw(`"${c}"`)),
        sql`, `,
      )
      const rows = await queryRows<{ row: unknown }>(tx, sql`SELECT row_to_json(t) AS row FROM ${sql.raw(`"${name}"`)} t ORDER BY ${order}`)
      out[name] = rows.map((r) => r.row)
    }
    return out
  })
}

const rowCount = (d: Record<string, unknown[]>) => Object.values(d).reduce((n, rows) => n + rows.length, 0)

function expectSeeded(d: Record<string, unknown[]>) {
  for (const table of [
    'audit_entry',
    'app_user',
    'calendar_day',
    'deadline',
    'deadline_event',
    'division',
    'division_release',
    'job_receipt',
    'unit',
  ]) {
    expect(d[table]?.length ?? 0, `rows in ${table}`).toBeGreaterThan(0)
  }
}

const isEmpty = (d: Record<string, unknown[]>) =>
  Object.entries(d)
    .filter(([, rows]) => rows.length > 0)
    .map(([name]) => name)

async function readBackup(file: string): Promise<Record<string, any>[]> {
  const text = zlib.gunzipSync(await fs.readFile(file)).toString('utf8')
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
}

async function writeBackup(file: string, lines: unknown[]) {
  await fs.writeFile(file, zlib.gzipSync(lines.map((l) => JSON.stringify(l)).join('\n') + '\n'))
}

describe('backup and restore', () => {
  it('restores every row of every table into a fresh database, and the restored database carries on', async () => {
    const source = keep(await testDb())
    await seed(source)
    const file = path.join(dir, 'same.jsonl.gz')
    const before = await dump(source)
    expectSeeded(before)
    const made = await backupDatabase(source, file, new Date('2026-01-10T00:00:00Z'))
    // audit_pending (empty here) is left out: restoring the entries queues them again.
    expect(made).toEqual({ tables: Object.keys(before).length - 1, rows: rowCount(before) })
    const [header] = await readBackup(file)
    expect(header).toMatchObject({ format: 'tuanyuan-backup', version: 1, createdAt: '2026-01-10T00:00:00.000Z', source: source.kind })

    const target = keep(await testDb())
    const restored = await restoreDatabase(target, file)
    expect(restored.rows).toBe(rowCount(before))
    expect(await dump(target)).toEqual(before)
    expect(await dump(source)).toEqual(before)
    expect((await verifyAuditChain(target.db)).ok).toBe(true)

    // New work appends to the restored audit chain and references restored rows.
    const t = await testPlatform({ database: target })
    const [county] = await queryRows<{ id: string }>(target.db, sql`SELECT id FROM unit WHERE division_code = '440305'`)
    const newcomer = await makeUnit(t.ctx(), { divisionCode: '440305', parentId: county.id })
    const next = await makeProfile(t.ctx(), newcomer, { TH01: ['9.3', '9.3'] }, 'BK-3')
    expect(next.searchNo).toBe(3)
    await sealAuditChain(target.db)
    const verdict = await verifyAuditChain(target.db)
    expect(verdict).toMatchObject({ ok: true, checked: before.audit_entry.length + 1 })
  })

  it('restores a unit tree spanning several chunks, children sorting before their parents', async () => {
    const source = keep(await testDb())
    // 2,501 units, three children each; a unit's id sorts before its parent's, so a backup read in
    // id order meets children first, and parents often in a later chunk.
    await source.db.execute(sql`
      INSERT INTO unit (id, name, type, level, division_code, parent_id, created_at)
      SELECT ('00000000-0000-0000-0000-' || lpad((10000 - i)::text, 12, '0'))::uuid, '单位 ' || i, 'public_security', 'county',
        '440305', CASE WHEN i = 0 THEN NULL ELSE ('00000000-0000-0000-0000-' || lpad((10000 - (i - 1) / 3)::text, 12, '0'))::uuid END,
        '2026-01-05T01:00:00Z'
      FROM generate_series(0, 2500) i`)
    const file = path.join(dir, 'tree.jsonl.gz')
    await backupDatabase(source, file, new Date())
    expect((await readBackup(file)).filter((l) => l.table === 'unit')).toHaveLength(3)

    const target = keep(await testDb())
    expect(await restoreDatabase(target, file)).toEqual({ tables: 1, rows: 2501 })
    const before = await dump(source)
    expect(before.unit).toHaveLength(2501)
    expect(await dump(target)).toEqual(before)
  })

  it('refuses to restore into a database that has data, and writes nothing', async () => {
    const source = keep(await testDb())
    await seed(source)
    const file = path.join(dir, 'nonempty.jsonl.gz')
    await backupDatabase(source, file, new Date())

    const target = keep(await testDb())
    await target.db.insert(calendarDay).values({ day: '2026-10-01', isWorkingDay: false, note: '国庆' })
    const before = await dump(target)
    await expect(restoreDatabase(target, file)).rejects.toThrow(RestoreRefused)
    await expect(restoreDatabase(target, file)).rejects.toThrow(/not empty.*calendar_day/)
    expect(await dump(target)).toEqual(before)

    // The source itself is the clearest case of a database with data.
    const sourceBefore = await dump(source)
    await expect(restoreDatabase(source, file)).rejects.toThrow(RestoreRefused)
    expect(await dump(source)).toEqual(sourceBefore)
  })

  it('refuses damaged or foreign files, writes nothing, and still restores a good file afterwards', async () => {
    const source = keep(await testDb())
    await seed(source)
    const good = path.join(dir, 'good.jsonl.gz')
    await backupDatabase(source, good, new Date())
    const lines = await readBackup(good)
    const bytes = await fs.readFile(good)

    const bad: Record<string, string> = {}
    const named = (name: string) => (bad[name] = path.join(dir, `${name}.jsonl.gz`))
    await fs.writeFile(named('garbage'), 'this is not a backup at all\n')
    await fs.writeFile(named('zero-bytes'), '')
    await fs.writeFile(named('empty'), zlib.gzipSync(''))
    await fs.writeFile(named('not-json'), zlib.gzipSync('{"format": "tuanyuan-backup", \n{{{\n'))
    await fs.writeFile(named('truncated'), bytes.subarray(0, Math.floor(bytes.length / 2)))
    await writeBackup(named('foreign'), [{ format: 'something-else', version: 1 }, ...lines.slice(1)])
    await writeBackup(named('other-schema'), [{ ...lines[0], migration: 'f'.repeat(64) }, ...lines.slice(1)])
    await writeBackup(named('extra-table'), [...lines, { table: 'no_such_table', rows: [{ x: 1 }] }])
    // An audit entry altered after the fact: the restored chain no longer verifies.
    const tampered = structuredClone(lines)
    const audit = tampered.find((l) => l.table === 'audit_entry')!
    audit.rows[0].action = 'nothing.to.see'
    await writeBackup(named('tampered-audit'), tampered)
    // The last audit entry dropped with its link: the chain verifies but ends short of the backup's head.
    const shortened = structuredClone(lines)
    shortened.findLast((l) => l.table === 'audit_chain')!.rows.pop()
    shortened.findLast((l) => l.table === 'audit_entry')!.rows.pop()
    await writeBackup(named('missing-audit'), shortened)
    // A row of another table mangled so that the database rejects it.
    const mangled = structuredClone(lines)
    mangled.findLast((l) => l.table === 'deadline_event')!.rows[0].deadline_id = '00000000-0000-0000-0000-000000000000'
    await writeBackup(named('broken-reference'), mangled)

    const target = keep(await testDb())
    // Not there at all, or a folder: the restore fails rather than the process.
    await expect(restoreDatabase(target, path.join(dir, 'no-such-file.jsonl.gz'))).rejects.toMatchObject({ code: 'ENOENT' })
    await expect(restoreDatabase(target, dir)).rejects.toThrow()
    for (const [name, file] of Object.entries(bad)) {
      await expect(restoreDatabase(target, file), name).rejects.toThrow()
      expect(isEmpty(await dump(target)), `tables written by ${name}`).toEqual([])
    }
    for (const name of ['empty', 'foreign', 'other-schema', 'extra-table', 'tampered-audit', 'missing-audit']) {
      await expect(restoreDatabase(target, bad[name]), name).rejects.toBeInstanceOf(RestoreRefused)
    }

    await restoreDatabase(target, good)
    expect(await dump(target)).toEqual(await dump(source))
  })

  it.runIf(onPostgres())('restores a PGlite backup into PostgreSQL and a PostgreSQL backup into PGlite', async () => {
    const fromPglite = await pglite()
    await seed(fromPglite)
    const file1 = path.join(dir, 'from-pglite.jsonl.gz')
    await backupDatabase(fromPglite, file1, new Date())
    const intoPostgres = keep(await testDb())
    expect(intoPostgres.kind).toBe('postgres')
    await restoreDatabase(intoPostgres, file1)
    const expected1 = await dump(fromPglite)
    expectSeeded(expected1)
    expect(await dump(intoPostgres)).toEqual(expected1)

    const fromPostgres = keep(await testDb())
    await seed(fromPostgres)
    const file2 = path.join(dir, 'from-postgres.jsonl.gz')
    await backupDatabase(fromPostgres, file2, new Date())
    const intoPglite = await pglite()
    await restoreDatabase(intoPglite, file2)
    expect(await dump(intoPglite)).toEqual(await dump(fromPostgres))
    expect((await verifyAuditChain(intoPglite.db)).ok).toBe(true)
    expect((await verifyAuditChain(intoPostgres.db)).ok).toBe(true)
  })
})
