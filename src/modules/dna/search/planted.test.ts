import { describe, expect, it } from 'vitest'
import { scoreComparison } from './compare.ts'
import { DEFAULT_THRESHOLDS } from './thresholds.ts'
import { search } from './query.ts'
import { buildPopulation, testModel } from './testing.ts'

// Realistic relatives: 20–23 loci typed, one-step mutations at 0.002 per locus per meiosis.
const model = testModel()
const population = buildPopulation(model, {
  seed: 21,
  reference: 4000,
  candidate: 4000,
  general: 4000,
  families: 40,
  maxDropped: 3,
  mutationRate: 0.002,
})
const ctx = { index: population.index, model }
const loci = population.index.loci

describe('planted relatives at the default thresholds', () => {
  it('finds every child from both parents together (trio)', async () => {
    for (const { mother, father, child } of population.families) {
      const hits = await search(ctx, {
        subject: { kind: 'reference', mother: mother.genotypes, father: father.genotypes, keys: [mother.key, father.key] },
        modes: ['trio'],
      })
      expect(hits.map((h) => h.targetKeys)).toContainEqual([child.key])
    }
  })

  it('finds every child searched from its side against the family pairs, and no other pair', async () => {
    for (const { mother, father, child } of population.families.filter((f) => f.child.kind === 'candidate')) {
      const hits = await search(ctx, { subject: { kind: 'candidate', profile: child.genotypes, key: child.key }, modes: ['trio'] })
      expect(hits.map((h) => h.targetKeys)).toEqual([[mother.key, father.key]])
    }
  })

  it('finds each parent–child pair in duo whenever its LR reaches the threshold, and nearly all do', async () => {
    let found = 0
    for (const { mother, father, child } of population.families) {
      for (const parent of [mother, father]) {
        const hits = await search(ctx, { subject: { kind: 'reference', profile: parent.genotypes, key: parent.key }, modes: ['duo'] })
        const isFound = hits.some((h) => h.targetKeys[0] === child.key)
        const lr = scoreComparison(model, loci, { mode: 'duo', child: child.genotypes, parent: parent.genotypes }).log10Lr
        expect(isFound).toBe(lr >= DEFAULT_THRESHOLDS.duo)
        if (isFound) found++
      }
    }
    expect(found / (2 * population.families.length)).toBeGreaterThanOrEqual(0.9)
  })

  it('finds a full sibling whenever its LR reaches the threshold', async () => {
    let found = 0
    for (const { sibling, child } of population.families) {
      const hits = await search(ctx, {
        subject: { kind: 'reference', profile: sibling.genotypes, key: sibling.key },
        modes: ['full_siblings'],
      })
      const isFound = hits.some((h) => h.targetKeys[0] === child.key)
      const lr = scoreComparison(model, loci, { mode: 'full_siblings', first: sibling.genotypes, second: child.genotypes }).log10Lr
      expect(isFound).toBe(lr >= DEFAULT_THRESHOLDS.full_siblings)
      if (isFound) found++
    }
    expect(found / population.families.length).toBeGreaterThanOrEqual(0.5)
  })
})
