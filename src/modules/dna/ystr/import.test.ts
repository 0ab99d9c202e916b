import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { testPlatform, type TestPlatform } from '../../../platform/testing.ts'
import { queryRows } from '../../../platform/db/client.ts'
import { makeUnit, makeUser, type TestUser } from '../../identity/testing.ts'
import type { UnitView } from '../../identity/schema.ts'
import { registerPerson } from '../persons.ts'
import { dnaImportBatch } from '../tables.ts'
import { parseYstrCsv } from './csv.ts'
import { importHaplotypes, type HaplotypeImportRequest } from './import.ts'

let t: TestPlatform
let lab: UnitView
let analyst: TestUser

/** A wide Y-STR export: DYS19 and DYS385 per sample, plus DYS390. */
function wide(rows: { code: string; dys19?: string; dys385?: string }[]): string {
  const lines = rows.map(({ code, dys19 = '14', dys385 = '13/18' }) => `${code},${dys19},"${dys385}",23`)
  return ['Sample Name,DYS19,DYS385,DYS390', ...lines].join('\n') + '\n'
}

const digestOf = (csv: string) => createHash('sha256').update(csv).digest('hex')

const run = (csv: string, options: Partial<HaplotypeImportRequest> = {}, who: TestUser = analyst) =>
  importHaplotypes(t.ctx(who.actor), parseYstrCsv([csv]), { fileName: 'y.csv', digest: digestOf(csv), unitId: lab.id, ...options })

const count = async () => Number((await queryRows<{ n: string }>(t.platform.db, sql`SELECT count(*) AS n FROM dna_ystr_haplotype`))[0].n)

const audits = (batchId: string) =>
  queryRows<{ action: string; outcome: string }>(
    t.platform.db,
    sql`SELECT action, outcome FROM audit_entry WHERE resource_type = 'dna_import_batch' AND resource_id = ${batchId}`,
  )

beforeAll(async () => {
  t = await testPlatform()
  const nation = await makeUnit(t.ctx(), { divisionCode: '000000' })
  lab = await makeUnit(t.ctx(), { divisionCode: '440000', parentId: nation.id })
  analyst = await makeUser(t.ctx(), lab, ['dna_analyst'])
})
afterAll(() => t?.close())

describe('Y-STR import', () => {
  it('imports a file once, with its kit and registered persons; the same bytes again change nothing', async () => {
    const person = await registerPerson(t.ctx(analyst.actor), { category: 'unknown_origin_child', unitId: lab.id, sampleCodes: ['YA-1'] })
    const csv = wide([{ code: 'YA-1' }, { code: 'YA-2', dys19: '15', dys385: '12,12' }])
    const first = await run(csv, { kit: 'Yfiler Plus' })
    expect(first).toMatchObject({ status: 'imported', samples: 2, imported: 2, problems: [] })
    expect(await audits(first.id)).toEqual([{ action: 'dna.ystr.import', outcome: 'success' }])
    const again = await run(csv, { kit: 'Yfiler Plus' })
    expect(again).toMatchObject({ status: 'unchanged', id: first.id })
    expect(await count()).toBe(2)
    const rows = await queryRows<{ sample_code: string; person_id: string | null; kit: string; haplotype: unknown; locus_count: number }>(
      t.platform.db,
      sql`SELECT sample_code, person_id, kit, haplotype, locus_count FROM dna_ystr_haplotype ORDER BY sample_code`,
    )
    expect(rows).toEqual([
      {
        sample_code: 'YA-1',
        person_id: person.id,
        kit: 'Yfiler Plus',
        haplotype: { DYS19: ['14'], DYS385: ['13', '18'], DYS390: ['23'] },
        locus_count: 3,
      },
      {
        sample_code: 'YA-2',
        person_id: null,
        kit: 'Yfiler Plus',
        haplotype: { DYS19: ['15'], DYS385: ['12', '12'], DYS390: ['23'] },
        locus_count: 3,
      },
    ])
  })

  it('skips samples stored with the same haplotype, and rejects a file with a conflicting one, storing none of it', async () => {
    const before = await count()
    // YA-1 again, its copies the other way round: the same haplotype, skipped.
    const same = await run(wide([{ code: 'YA-1', dys385: '18,13' }, { code: 'YB-1' }]))
    expect(same).toMatchObject({ status: 'imported', samples: 2, imported: 1 })
    expect(await count()).toBe(before + 1)
    const conflicting = await run(wide([{ code: 'YB-2' }, { code: 'YA-2', dys19: '16' }]))
    expect(conflicting).toMatchObject({ status: 'rejected', imported: 0 })
    expect(conflicting.problems).toEqual([expect.objectContaining({ line: 3, sample: 'YA-2', code: 'duplicate_sample_conflict' })])
    expect(await count()).toBe(before + 1)
    expect(await audits(conflicting.id)).toEqual([{ action: 'dna.ystr.import', outcome: 'failure' }])
  })

  it('rejects the whole file on any parser error, keeping the report with every line', async () => {
    const before = await count()
    const csv = [
      'Sample Name,Marker,Allele 1,Allele 2,Allele 3',
      'YC-1,DYS19,14,,',
      'YC-2,DYS999,12,,',
      'YC-3,DYS385,11,12,13',
      'YC-4,DYS19,x,,',
    ].join('\n')
    const batch = await run(csv)
    expect(batch.status).toBe('rejected')
    expect(batch.problems.map((p) => [p.line, p.sample, p.code])).toEqual([
      [3, 'YC-2', 'unknown_locus'],
      [3, 'YC-2', 'empty_haplotype'],
      [4, 'YC-3', 'too_many_copies'],
      [5, 'YC-4', 'malformed_allele'],
    ])
    expect(await count()).toBe(before)
    const [kept] = await queryRows<{ status: string; kind: string; problems: unknown[] }>(
      t.platform.db,
      sql`SELECT status, kind, problems FROM dna_import_batch WHERE id = ${batch.id}`,
    )
    expect(kept).toMatchObject({ status: 'rejected', kind: 'ystr' })
    expect(kept.problems).toHaveLength(4)
    // Rejected files are not remembered as imported: the same file is read again, and rejected again.
    expect((await run(csv)).status).toBe('rejected')
  })

  it('keeps Y-STR and autosomal imports of the same bytes apart', async () => {
    const csv = wide([{ code: 'YD-1' }])
    await t
      .ctx()
      .db.insert(dnaImportBatch)
      .values({
        fileName: 'combined.csv',
        digest: digestOf(csv),
        status: 'imported',
        samples: 1,
        imported: 1,
        resampleNeeded: 0,
        problems: [],
        unitId: lab.id,
        createdAt: t.clock.now(),
      })
    expect(await run(csv)).toMatchObject({ status: 'imported', imported: 1 })
  })

  it('refuses callers without DNA write rights on the unit', async () => {
    const other = await makeUnit(t.ctx(), { divisionCode: '510000' })
    const outsider = await makeUser(t.ctx(), other, ['dna_analyst'])
    await expect(run(wide([{ code: 'YE-1' }]), {}, outsider)).rejects.toMatchObject({ kind: 'not_found' })
    const caseworker = await makeUser(t.ctx(), lab, ['caseworker'])
    await expect(run(wide([{ code: 'YE-1' }]), {}, caseworker)).rejects.toMatchObject({ kind: 'forbidden' })
  })
})
