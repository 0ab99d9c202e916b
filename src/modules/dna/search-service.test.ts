import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { queryRows } from '../../platform/db/client.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import { installShippedFrequencyTables, getDefaultFrequencyTable } from './frequency-tables.ts'
import { createFamilyGroup, registerPerson } from './persons.ts'
import { importProfiles, type ImportEvent } from './import-profiles.ts'
import { drainSearchQueue, queueFullRerun, searchEngine, useSearchThresholds } from './search-service.ts'
import { AlleleSampler, childOf, randomProfile, seededRandom } from './search/simulate.ts'
import { STANDARD_LOCI } from './search/model.ts'
import type { BuiltProfile } from './import/rules.ts'

let t: TestPlatform
let nanshan: UnitView
let chengdu: UnitView
let analyst: TestUser

const random = seededRandom(2026)
let sampler: AlleleSampler

function sample(sampleCode: string, genotypes: Record<string, string[]>): ImportEvent {
  const sorted = Object.fromEntries(Object.entries(genotypes).map(([l, a]) => [l, [...a].sort((x, y) => Number(x) - Number(y))]))
  const built: BuiltProfile = { sampleCode, line: null, genotypes: sorted, flags: { triAllelic: [], offLadder: [], resampleNeeded: false } }
  return { type: 'sample', sample: built }
}

async function* events(list: ImportEvent[]) {
  yield* list
}

async function load(unit: UnitView, list: ImportEvent[], category: 'relative_of_missing' | 'unknown_origin_child', digest: string) {
  return importProfiles(t.ctx(analyst.actor), events(list), {
    fileName: digest,
    digest,
    unitId: unit.id,
    index: 'anti_trafficking',
    category,
  })
}

/** A family group in Nanshan with a mother and a father registered with consent under these sample codes. */
async function registerParents(label: string, motherCode: string, fatherCode: string) {
  const group = await createFamilyGroup(t.ctx(analyst.actor), { label, unitId: nanshan.id })
  for (const [relation, code] of [
    ['mother', motherCode],
    ['father', fatherCode],
  ] as const) {
    await registerPerson(t.ctx(analyst.actor), {
      category: 'relative_of_missing',
      relation,
      familyGroupId: group.id,
      unitId: nanshan.id,
      consent: { givenAt: '2026-01-01T00:00:00Z' },
      sampleCodes: [code],
    })
  }
  return group
}

beforeAll(async () => {
  t = await testPlatform()
  await installShippedFrequencyTables(t.platform.db, t.clock.now())
  sampler = new AlleleSampler((await getDefaultFrequencyTable(t.platform.db)).frequencies, STANDARD_LOCI)
  const nation = await makeUnit(t.ctx(), { divisionCode: '000000' })
  nanshan = await makeUnit(t.ctx(), { divisionCode: '440305', parentId: nation.id })
  chengdu = await makeUnit(t.ctx(), { divisionCode: '510107', parentId: nation.id })
  analyst = await makeUser(t.ctx(), nation, ['dna_analyst'])
})
afterAll(() => t?.close())

describe('automatic search of new profiles', () => {
  it('finds a child of unknown origin from its parents (duo each, trio together), across provinces, once', async () => {
    const mother = randomProfile(sampler, random)
    const father = randomProfile(sampler, random)
    const child = childOf(sampler, mother, father, random)
    const group = await registerParents('南山 2019-015', 'NS-M', 'NS-F')
    await load(nanshan, [sample('NS-M', mother), sample('NS-F', father)], 'relative_of_missing', 'parents')
    const strangers = Array.from({ length: 40 }, (_, i) => sample(`CD-X${i}`, randomProfile(sampler, random)))
    await load(chengdu, [...strangers, sample('CD-CHILD', child)], 'unknown_origin_child', 'children')

    const first = await drainSearchQueue(t.ctx())
    expect(first.searched).toBe(43)
    const hits = await queryRows<{
      mode: string
      log10_lr: number
      candidate: string
      refs: string[]
      unit_id: string
      family_group_id: string
    }>(
      t.platform.db,
      sql`SELECT h.mode, h.log10_lr, c.sample_code AS candidate, h.unit_id, h.family_group_id,
            (SELECT array_agg(p.sample_code ORDER BY p.sample_code) FROM dna_profile p WHERE p.id::text IN (SELECT jsonb_array_elements_text(h.reference_profile_ids))) AS refs
          FROM dna_hit h JOIN dna_profile c ON c.id = h.candidate_profile_id ORDER BY h.mode`,
    )
    const parentage = hits.filter((h) => h.mode === 'duo' || h.mode === 'trio')
    expect(parentage.map((h) => [h.mode, h.candidate, h.refs.join('+')]).sort()).toEqual([
      ['duo', 'CD-CHILD', 'NS-F'],
      ['duo', 'CD-CHILD', 'NS-M'],
      ['trio', 'CD-CHILD', 'NS-F+NS-M'],
    ])
    for (const hit of parentage) {
      expect(hit.log10_lr).toBeGreaterThan(4)
      expect(hit.unit_id).toBe(nanshan.id)
      expect(hit.family_group_id).toBe(group.id)
    }
    expect(hits.every((h) => h.candidate === 'CD-CHILD' || h.mode.includes('siblings'))).toBe(true)

    // Nothing left to search; a full re-run finds the same hits and stores none twice.
    expect(await drainSearchQueue(t.ctx())).toEqual({ searched: 0, hits: 0 })
    expect(await queueFullRerun(t.ctx())).toBe(43)
    const rerun = await drainSearchQueue(t.ctx())
    expect(rerun).toMatchObject({ searched: 43, hits: 0 })
    const [{ n }] = await queryRows<{ n: string }>(t.platform.db, sql`SELECT count(*) AS n FROM dna_hit`)
    expect(Number(n)).toBe(hits.length)
  })
})

describe('deployment thresholds', () => {
  it('applies the configured floors per mode and refuses unknown modes', async () => {
    expect(() => useSearchThresholds(t.platform.db, { duet: 3 })).toThrow(/unknown DNA search mode duet/)
    expect(() => useSearchThresholds(t.platform.db, { duo: -1 })).toThrow(/at least 0: duo/)
    const mother = randomProfile(sampler, random)
    const child = childOf(sampler, mother, randomProfile(sampler, random), random)
    const group = await createFamilyGroup(t.ctx(analyst.actor), { label: '南山 2020-001', unitId: nanshan.id })
    await registerPerson(t.ctx(analyst.actor), {
      category: 'relative_of_missing',
      relation: 'mother',
      familyGroupId: group.id,
      unitId: nanshan.id,
      consent: { givenAt: '2026-01-01T00:00:00Z' },
      sampleCodes: ['NS2-M'],
    })
    // A floor no true parent reaches at 23 loci: the mother's duo hit is not recorded; the default floor finds it.
    useSearchThresholds(t.platform.db, { duo: 60 })
    try {
      await load(nanshan, [sample('NS2-M', mother)], 'relative_of_missing', 'mother-2')
      await load(chengdu, [sample('CD2-CHILD', child)], 'unknown_origin_child', 'child-2')
      expect(await drainSearchQueue(t.ctx())).toMatchObject({ searched: 2, hits: 0 })
    } finally {
      useSearchThresholds(t.platform.db, {})
    }
    await queueFullRerun(t.ctx())
    const rerun = await drainSearchQueue(t.ctx())
    expect(rerun.hits).toBeGreaterThanOrEqual(1)
    const duo = await queryRows<{ n: string }>(
      t.platform.db,
      sql`SELECT count(*) AS n FROM dna_hit h JOIN dna_profile c ON c.id = h.candidate_profile_id WHERE c.sample_code = 'CD2-CHILD' AND h.mode = 'duo'`,
    )
    expect(Number(duo[0].n)).toBe(1)
  })
})

describe('profiles handed to the index by the importer', () => {
  it('adds what this process imported without reading it back, and reads what others wrote in between', async () => {
    const engine = await searchEngine(t.platform.db)
    const mother = randomProfile(sampler, random)
    const father = randomProfile(sampler, random)
    const child = childOf(sampler, mother, father, random)
    const group = await registerParents('南山 2021-007', 'NS3-M', 'NS3-F')
    await load(nanshan, [sample('NS3-M', mother), sample('NS3-F', father)], 'relative_of_missing', 'parents-3')
    expect(engine.offered.size).toBe(2)
    // Written through another handle (as another server process would): not offered, so the catch-up reads it.
    await t.platform.db.transaction((tx) =>
      importProfiles({ ...t.ctx(analyst.actor), db: tx }, events([sample('CD3-CHILD', child)]), {
        fileName: 'child-3',
        digest: 'child-3',
        unitId: chengdu.id,
        index: 'anti_trafficking',
        category: 'unknown_origin_child',
      }),
    )
    const strangers = Array.from({ length: 5 }, (_, i) => sample(`CD3-X${i}`, randomProfile(sampler, random)))
    await load(chengdu, strangers, 'unknown_origin_child', 'strangers-3')
    expect(engine.offered.size).toBe(7)

    await searchEngine(t.platform.db)
    expect(engine.offered.size).toBe(0)
    const stored = await queryRows<{ search_no: number; genotypes: Record<string, string[]> }>(
      t.platform.db,
      sql`SELECT search_no, genotypes FROM dna_profile`,
    )
    // The index keeps a genotype's alleles in its own order: compare them as pairs.
    const unordered = (g: Readonly<Record<string, readonly string[]>> | null) =>
      Object.fromEntries(Object.entries(g ?? {}).map(([locus, alleles]) => [locus, [...alleles].sort()]))
    expect(stored).toHaveLength(53)
    for (const row of stored) expect(unordered(engine.index.genotypesOf(row.search_no))).toEqual(unordered(row.genotypes))

    // The parents offered by the importer form the family pair: the trio finds the child read back from the database.
    await drainSearchQueue(t.ctx())
    const trio = await queryRows<{ candidate: string }>(
      t.platform.db,
      sql`SELECT c.sample_code AS candidate FROM dna_hit h JOIN dna_profile c ON c.id = h.candidate_profile_id
          WHERE h.mode = 'trio' AND h.family_group_id = ${group.id}`,
    )
    expect(trio.map((h) => h.candidate)).toEqual(['CD3-CHILD'])
  })
})
