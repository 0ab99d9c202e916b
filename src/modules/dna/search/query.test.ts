import { describe, expect, it } from 'vitest'
import { PROFILE_KINDS, SEARCH_MODES, STANDARD_LOCI, type ScoreModel, type SearchMode } from './model.ts'
import { search, searchMany, type SearchHit, type SearchRequest } from './query.ts'
import { ALLOWED_MODES } from './rules.ts'
import { bruteForce, buildPopulation, hitKey, testModel, type Population } from './testing.ts'

const asMap = (hits: SearchHit[]) => new Map(hits.map((h) => [hitKey(h.mode, h.subjectRole, h.targetKeys), h.log10Lr]))

/** Requests from a sample of people of each kind, in every mode the rules allow them, plus family pairs. */
function requestsFor(population: Population, thresholds: Partial<Record<SearchMode, number>>, perKind = 6): SearchRequest[] {
  const requests: SearchRequest[] = []
  for (const kind of PROFILE_KINDS) {
    const modes = SEARCH_MODES.filter((mode) => Object.values(ALLOWED_MODES[kind]).some((allowed) => allowed?.includes(mode)))
    const people = population.people.filter((p) => p.kind === kind)
    for (let i = 0; i < perKind; i++) {
      const person = people[(i * 7919) % people.length]
      const usable = modes.filter((m) => m !== 'trio' || kind === 'candidate')
      requests.push({ subject: { kind, profile: person.genotypes, key: person.key }, modes: usable, thresholds })
    }
  }
  for (const family of population.families.slice(0, perKind)) {
    const keys = [family.mother.key, family.father.key] as const
    requests.push({
      subject: { kind: 'reference', mother: family.mother.genotypes, father: family.father.genotypes, keys },
      modes: ['duo', 'trio'],
      thresholds,
    })
  }
  // Children of the planted families look for their parents.
  for (const family of population.families.slice(0, perKind)) {
    const { child } = family
    const modes: SearchMode[] =
      child.kind === 'candidate' ? ['duo', 'trio', 'full_siblings', 'half_siblings', 'identity'] : ['duo', 'full_siblings', 'identity']
    requests.push({ subject: { kind: child.kind, profile: child.genotypes, key: child.key }, modes, thresholds })
  }
  return requests
}

async function expectSameAsBruteForce(model: ScoreModel, population: Population, thresholds: Partial<Record<SearchMode, number>>) {
  const requests = requestsFor(population, thresholds)
  const results = await searchMany({ index: population.index, model }, requests, 7)
  let compared = 0
  requests.forEach((request, i) => {
    const expected = bruteForce(model, population, request)
    const got = asMap(results[i])
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort())
    for (const [key, lr] of expected) expect(got.get(key)).toBeCloseTo(lr, 9)
    compared += expected.size
  })
  return compared
}

describe('search agrees with brute force', () => {
  it('on the 23 standard loci with the default model and low thresholds', async () => {
    const model = testModel()
    const population = buildPopulation(model, {
      seed: 1,
      reference: 600,
      candidate: 500,
      general: 500,
      families: 12,
      maxDropped: 3,
      mutationRate: 0.05,
    })
    const hits = await expectSameAsBruteForce(model, population, { duo: 1, trio: 1, full_siblings: 1, half_siblings: 0.5, identity: 1 })
    expect(hits).toBeGreaterThan(40)
  })

  it('on six loci, where unrelated people pass low thresholds often', async () => {
    const model = testModel()
    const population = buildPopulation(model, {
      seed: 2,
      reference: 700,
      candidate: 700,
      general: 700,
      families: 10,
      loci: STANDARD_LOCI.slice(0, 6),
      maxDropped: 1,
    })
    const hits = await expectSameAsBruteForce(model, population, {
      duo: 0.5,
      trio: 0.5,
      full_siblings: 0.3,
      half_siblings: 0.2,
      identity: 0.5,
    })
    expect(hits).toBeGreaterThan(500)
  })

  it('without mutation (exclusions give LR 0) and with the equal model', async () => {
    for (const mutation of [{ model: 'none' }, { model: 'equal', rate: 0.005 }] as const) {
      const model = testModel({ mutation })
      const population = buildPopulation(model, {
        seed: 3,
        reference: 300,
        candidate: 300,
        general: 300,
        families: 8,
        loci: STANDARD_LOCI.slice(3, 11),
        mutationRate: 0.1,
      })
      expect(
        await expectSameAsBruteForce(model, population, { duo: 0.5, trio: 0.5, full_siblings: 0.3, half_siblings: 0.2, identity: 0.5 }),
      ).toBeGreaterThan(50)
    }
  })
})

describe('branch-and-bound', () => {
  it('never drops a hit: the same results with pruning off', async () => {
    const model = testModel()
    const population = buildPopulation(model, {
      seed: 4,
      reference: 800,
      candidate: 800,
      general: 800,
      families: 10,
      loci: STANDARD_LOCI.slice(0, 10),
      maxDropped: 2,
      mutationRate: 0.05,
    })
    const requests = requestsFor(population, { duo: 1, trio: 1, full_siblings: 0.5, half_siblings: 0.3, identity: 1 })
    const pruned = await searchMany({ index: population.index, model }, requests)
    const unpruned = await searchMany({ index: population.index, model, isPruned: false }, requests)
    expect(pruned.flat().length).toBeGreaterThan(100)
    expect(pruned).toEqual(unpruned)
  })
})

describe('results', () => {
  it('are best first, with per-locus LRs that multiply to the total and the inconsistent loci', async () => {
    const model = testModel()
    const population = buildPopulation(model, { seed: 5, reference: 200, candidate: 200, general: 200, families: 3, mutationRate: 0 })
    const family = population.families[1]
    const hits = await search(
      { index: population.index, model },
      { subject: { kind: 'reference', mother: family.mother.genotypes, father: family.father.genotypes }, modes: ['duo', 'trio'] },
    )
    expect(hits.map((h) => [h.mode, h.subjectRole, h.targetKeys])).toEqual(
      expect.arrayContaining([
        ['trio', 'parents', [family.child.key]],
        ['duo', 'mother', [family.child.key]],
        ['duo', 'father', [family.child.key]],
      ]),
    )
    expect(hits.map((h) => h.log10Lr)).toEqual([...hits.map((h) => h.log10Lr)].sort((a, b) => b - a))
    for (const hit of hits) {
      const sum = Object.values(hit.perLocus).reduce((s, lr) => s + Math.log10(lr), 0)
      expect(sum).toBeCloseTo(hit.log10Lr, 9)
      expect(hit.inconsistentLoci).toEqual([])
      expect(hit.targetKind).toBe(family.child.kind)
    }
  })

  it('leave out the subject itself and removed profiles', async () => {
    const model = testModel()
    const population = buildPopulation(model, { seed: 6, reference: 50, candidate: 50, general: 50, families: 0 })
    const me = population.people.find((p) => p.kind === 'candidate')!
    const ctx = { index: population.index, model }
    const request: SearchRequest = { subject: { kind: 'candidate', profile: me.genotypes, key: me.key }, modes: ['identity'] }
    expect(await search(ctx, request)).toEqual([])
    population.index.add({ key: 9999, kind: 'general', genotypes: me.genotypes })
    expect((await search(ctx, request)).map((h) => h.targetKeys)).toEqual([[9999]])
    population.index.remove(9999)
    expect(await search(ctx, request)).toEqual([])
  })

  it('refuses a threshold that is not above 0', async () => {
    const model = testModel()
    const population = buildPopulation(model, { seed: 7, reference: 5, candidate: 5, general: 5, families: 0 })
    const request: SearchRequest = {
      subject: { kind: 'candidate', profile: population.people[0].genotypes },
      modes: ['duo'],
      thresholds: { duo: 0 },
    }
    await expect(search({ index: population.index, model }, request)).rejects.toMatchObject({ code: 'dna.search.bad_threshold' })
  })
})
