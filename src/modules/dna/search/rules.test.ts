import { describe, expect, it } from 'vitest'
import type { SearchMode } from './model.ts'
import { search, type SearchRequest } from './query.ts'
import { resolveTargets } from './rules.ts'
import { buildPopulation, testModel } from './testing.ts'

describe('who is searched against whom', () => {
  it('never searches the general index as a suspect list against relatives', () => {
    for (const mode of ['duo', 'full_siblings', 'half_siblings', 'identity'] as SearchMode[]) {
      expect(resolveTargets('general', false, mode)).toEqual(['candidate'])
      expect(() => resolveTargets('general', false, mode, ['reference'])).toThrow(
        expect.objectContaining({ code: 'dna.search.general_against_reference' }),
      )
    }
  })

  it('searches relatives in the general index only to find the missing child', () => {
    expect(resolveTargets('reference', false, 'duo')).toEqual(['candidate', 'general'])
    expect(resolveTargets('reference', false, 'identity')).toEqual(['reference'])
    expect(() => resolveTargets('reference', false, 'identity', ['general'])).toThrow(
      expect.objectContaining({ code: 'dna.search.reference_identity_in_general' }),
    )
  })

  it('searches a new child against relatives, and a trio only with both parents', () => {
    expect(resolveTargets('candidate', false, 'duo')).toEqual(['reference', 'general'])
    expect(resolveTargets('candidate', false, 'trio')).toEqual(['reference'])
    expect(() => resolveTargets('reference', false, 'trio')).toThrow(expect.objectContaining({ code: 'dna.search.trio_needs_pair' }))
    expect(() => resolveTargets('reference', true, 'identity')).toThrow(expect.objectContaining({ code: 'dna.search.bad_mode' }))
  })

  it('returns no reference profile to a query from the general index, even a relative', async () => {
    const model = testModel()
    const population = buildPopulation(model, { seed: 11, reference: 100, candidate: 100, general: 100, families: 6 })
    const ctx = { index: population.index, model }
    for (const family of population.families.filter((f) => f.child.kind === 'general')) {
      const request: SearchRequest = {
        subject: { kind: 'general', profile: family.child.genotypes, key: family.child.key },
        modes: ['duo', 'full_siblings'],
      }
      const hits = await search(ctx, request)
      expect(hits.every((h) => h.targetKind === 'candidate')).toBe(true)
      // The same child searched from the relatives' side is found: the rule is about direction, not data.
      const fromMother = await search(ctx, { subject: { kind: 'reference', profile: family.mother.genotypes }, modes: ['duo'] })
      expect(fromMother.map((h) => h.targetKeys[0])).toContain(family.child.key)
      await expect(search(ctx, { ...request, targets: ['reference'] })).rejects.toMatchObject({
        code: 'dna.search.general_against_reference',
      })
    }
  })
})
