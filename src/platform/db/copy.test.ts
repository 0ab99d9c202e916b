import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { queryRows, type Database } from './client.ts'
import { copyRows, encodeCopyRows } from './copy.ts'
import { testDb } from './testing.ts'

let database: Database

beforeAll(async () => {
  database = await testDb()
  await database.db.execute(
    sql`CREATE TABLE copy_probe (id integer PRIMARY KEY, label text, flag boolean, doc jsonb, at timestamptz, note text DEFAULT 'default')`,
  )
})
afterAll(() => database?.close())

const count = async () => Number((await queryRows<{ n: string }>(database.db, sql`SELECT count(*) AS n FROM copy_probe`))[0].n)

describe('COPY rows', () => {
  it('writes text format: tabs between values, escaped backslashes and line ends, \\N for null', () => {
    const at = new Date('2026-11-24T08:00:00.000Z')
    expect(encodeCopyRows([[1, 'a\tb\\c\nd\re', true, { k: ['x\\y'] }, at, null]])).toBe(
      '1\ta\\tb\\\\c\\nd\\re\tt\t{"k":["x\\\\\\\\y"]}\t2026-11-24T08:00:00.000Z\t\\N\n',
    )
  })

  it('writes rows inside the caller transaction, values read back as given and defaults filled', async () => {
    const at = new Date('2026-11-24T08:00:00.123Z')
    await database.db.transaction(async (tx) => {
      await copyRows(
        tx,
        'copy_probe',
        ['id', 'label', 'flag', 'doc', 'at'],
        [
          [1, 'tab\there, back\\slash, new\nline', true, { D8S1179: ['12', '13'], note: 'a "quote"' }, at],
          [2, null, false, null, null],
        ],
      )
    })
    const rows = await queryRows<Record<string, unknown>>(database.db, sql`SELECT * FROM copy_probe ORDER BY id`)
    expect(rows).toEqual([
      {
        id: 1,
        label: 'tab\there, back\\slash, new\nline',
        flag: true,
        doc: { D8S1179: ['12', '13'], note: 'a "quote"' },
        at: expect.anything(),
        note: 'default',
      },
      { id: 2, label: null, flag: false, doc: null, at: null, note: 'default' },
    ])
    expect(new Date(rows[0].at as string | Date).toISOString()).toBe(at.toISOString())
  })

  it('is undone with the transaction when a later step fails', async () => {
    const before = await count()
    await expect(
      database.db.transaction(async (tx) => {
        await copyRows(tx, 'copy_probe', ['id', 'label'], [[10, 'kept only if committed']])
        await copyRows(tx, 'copy_probe', ['id', 'label'], [[10, 'same key again']])
      }),
    ).rejects.toThrow()
    expect(await count()).toBe(before)
  })
})
