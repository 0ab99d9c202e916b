import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { queryRows } from '../../platform/db/client.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import { parseLabCsv } from './import/lab-csv.ts'
import { importProfiles, type ImportEvent, type ImportRequest } from './import-profiles.ts'
import { createFamilyGroup, registerPerson } from './persons.ts'
import { createHash } from 'node:crypto'

let t: TestPlatform
let lab: UnitView
let analyst: TestUser

const LOCI = [
  'D8S1179',
  'D21S11',
  'D7S820',
  'CSF1PO',
  'D3S1358',
  'TH01',
  'D13S317',
  'D16S539',
  'D2S1338',
  'D19S433',
  'vWA',
  'TPOX',
  'D18S51',
  'D5S818',
  'FGA',
  'Penta D',
]

/** A wide-form export: one row per sample, 16 loci unless `loci` says fewer. */
function wide(rows: { code: string; allele?: string; loci?: number }[]): string {
  const header = ['Sample Name', ...LOCI].join(',')
  const lines = rows.map(({ code, allele = '12', loci = LOCI.length }) =>
    [code, ...LOCI.map((_, i) => (i < loci ? `"${allele},13"` : ''))].join(','),
  )
  return [header, ...lines].join('\n') + '\n'
}

async function run(csv: string, options: Partial<ImportRequest> = {}) {
  const events = parseLabCsv([csv]) as AsyncIterable<ImportEvent>
  const digest = createHash('sha256').update(csv).digest('hex')
  return importProfiles(t.ctx(analyst.actor), events, {
    fileName: 'lab.csv',
    digest,
    unitId: lab.id,
    index: 'anti_trafficking',
    category: 'unknown_origin_child',
    ...options,
  })
}

const count = async () => Number((await queryRows<{ n: string }>(t.platform.db, sql`SELECT count(*) AS n FROM dna_profile`))[0].n)

beforeAll(async () => {
  t = await testPlatform()
  const nation = await makeUnit(t.ctx(), { divisionCode: '000000' })
  lab = await makeUnit(t.ctx(), { divisionCode: '440000', parentId: nation.id })
  analyst = await makeUser(t.ctx(), lab, ['dna_analyst'])
})
afterAll(() => t?.close())

describe('profile import', () => {
  it('imports a file once: the same bytes again change nothing', async () => {
    const csv = wide([{ code: 'A-1' }, { code: 'A-2', allele: '14' }, { code: 'A-3', loci: 10 }])
    const first = await run(csv)
    expect(first).toMatchObject({ status: 'imported', samples: 3, imported: 3, resampleNeeded: 1 })
    const again = await run(csv)
    expect(again).toMatchObject({ status: 'unchanged', id: first.id })
    expect(await count()).toBe(3)
    const [row] = await queryRows<{ category: string; person_id: string | null; genotypes: Record<string, string[]> }>(
      t.platform.db,
      sql`SELECT category, person_id, genotypes FROM dna_profile WHERE sample_code = 'A-2'`,
    )
    expect(row).toMatchObject({ category: 'unknown_origin_child', genotypes: { D8S1179: ['13', '14'], 'Penta D': ['13', '14'] } })
    expect(row.person_id).not.toBeNull()
  })

  it('skips samples already stored with the same genotypes, and rejects a conflicting one with nothing written', async () => {
    const before = await count()
    const same = await run(wide([{ code: 'A-1' }, { code: 'B-1' }]))
    expect(same).toMatchObject({ status: 'imported', imported: 1 })
    const conflicting = await run(wide([{ code: 'B-2' }, { code: 'A-2', allele: '15' }]))
    expect(conflicting.status).toBe('rejected')
    expect(conflicting.problems).toContainEqual(expect.objectContaining({ sample: 'A-2', code: 'duplicate_sample_conflict', line: 3 }))
    expect(await count()).toBe(before + 1)
  })

  it('rejects the whole file on any error unless partial import is asked for, reporting every line', async () => {
    const csv = wide([{ code: 'C-1' }, { code: 'C-2', loci: 3 }, { code: 'C-3', allele: 'x' }])
    const rejected = await run(csv)
    expect(rejected.status).toBe('rejected')
    expect(rejected.problems.map((p) => [p.line, p.code])).toEqual(
      expect.arrayContaining([
        [3, 'too_few_loci'],
        [4, 'malformed_allele'],
      ]),
    )
    const partial = await run(csv, { acceptPartial: true })
    expect(partial.status).toBe('imported')
    expect(partial.imported).toBeGreaterThanOrEqual(1)
    const [c1] = await queryRows<{ n: string }>(t.platform.db, sql`SELECT count(*) AS n FROM dna_profile WHERE sample_code = 'C-1'`)
    expect(Number(c1.n)).toBe(1)
  })

  it('reads a file of several write batches: problems from the parser and the database in line order, all or nothing', async () => {
    await run(wide([{ code: 'BIG-100' }]))
    const before = await count()
    const rows = Array.from({ length: 5200 }, (_, i) => ({ code: `BIG-${i}`, allele: '12', loci: LOCI.length }))
    rows[100].allele = '14' // stored above with 12: a conflict only the database knows of (line 102)
    rows[4999].loci = 3 // rejected by the parser (line 5001)
    rows[5150].allele = 'x' // malformed: its loci are left out, so the sample is rejected too (line 5152)
    const csv = wide(rows)
    const rejected = await run(csv)
    expect(rejected.status).toBe('rejected')
    expect(rejected.problems.map((p) => [p.line, p.code])).toEqual([
      [102, 'duplicate_sample_conflict'],
      [5001, 'too_few_loci'],
      ...LOCI.map(() => [5152, 'malformed_allele']),
      [5152, 'too_few_loci'],
    ])
    expect(await count()).toBe(before)
    const partial = await run(csv, { acceptPartial: true })
    expect(partial).toMatchObject({ status: 'imported', samples: 5198, imported: 5197 })
    expect(await count()).toBe(before + 5197)
  }, 60_000)

  it('links registered samples to their person and refuses unregistered relatives', async () => {
    const group = await createFamilyGroup(t.ctx(analyst.actor), { label: 'G-1', unitId: lab.id })
    const mother = await registerPerson(t.ctx(analyst.actor), {
      category: 'relative_of_missing',
      relation: 'mother',
      familyGroupId: group.id,
      unitId: lab.id,
      consent: { givenAt: '2026-01-05T00:00:00Z' },
      sampleCodes: ['M-1'],
    })
    const batch = await run(wide([{ code: 'M-1' }, { code: 'M-2' }]), { category: 'relative_of_missing' })
    expect(batch.status).toBe('rejected')
    expect(batch.problems).toEqual([expect.objectContaining({ sample: 'M-2', code: 'unregistered_reference' })])
    const ok = await run(wide([{ code: 'M-1' }]), { category: 'relative_of_missing' })
    expect(ok.status).toBe('imported')
    const [row] = await queryRows<{ person_id: string; category: string }>(
      t.platform.db,
      sql`SELECT person_id, category FROM dna_profile WHERE sample_code = 'M-1'`,
    )
    expect(row).toEqual({ person_id: mother.id, category: 'relative_of_missing' })
  })

  it('refuses callers without DNA rights on the unit', async () => {
    const other = await makeUnit(t.ctx(), { divisionCode: '510000' })
    const outsider = await makeUser(t.ctx(), other, ['dna_analyst'])
    const events = parseLabCsv([wide([{ code: 'X-1' }])]) as AsyncIterable<ImportEvent>
    await expect(
      importProfiles(t.ctx(outsider.actor), events, {
        fileName: 'x.csv',
        digest: 'x',
        unitId: lab.id,
        index: 'anti_trafficking',
        category: 'unknown_origin_child',
      }),
    ).rejects.toMatchObject({ kind: 'not_found' })
  })
})
