// Simulated populations from the shipped Chinese table (SE33 left out: its frequencies are incomplete).
// Relatives are drawn by Mendelian transmission with a seeded PRNG, so every run sees the same people.
import { describe, expect, it } from 'vitest'
import { computeStepwiseIndex } from './chinese-index.ts'
import { decideKinship } from './decision.ts'
import { LocusModels } from './locus-model.ts'
import { computeKinshipLr } from './lr.ts'
import { CORE_LOCI, createRandom, createSimulator, loadFrequencyTable } from './testing.ts'
import type { MutationSpec, Profile } from './types.ts'

const table = loadFrequencyTable('chinese.csv')
const ALL_LOCI = Object.keys(table).filter((locus) => locus !== 'SE33')
const SUPPORT = 4 // log10 of 10 000
const STEPWISE: MutationSpec = { model: 'stepwise', rate: { male: 0.002, female: 0.0005 }, rate2: 0.00001, range: 0.1 }

function simulate(loci: readonly string[], seed: number, count: number, mutation: MutationSpec) {
  const sim = createSimulator(table, loci, createRandom(seed))
  const models = new LocusModels(table, mutation)
  const duo = (child: Profile, parent: Profile) =>
    computeKinshipLr({ relationship: 'parent-child', profiles: { child, parent }, models, sexes: { parent: 'male' } })
  const trio = (child: Profile, mother: Profile, father: Profile) =>
    computeKinshipLr({ relationship: 'trio', profiles: { child, mother, father }, models })
  const out = { plantedDuo: [] as number[], plantedTrio: [] as number[], unrelatedDuo: [] as number[], unrelatedTrio: [] as number[] }
  for (let i = 0; i < count; i++) {
    const father = sim.drawProfile()
    const mother = sim.drawProfile()
    const child = sim.drawChild(father, mother)
    const stranger = sim.drawProfile()
    out.plantedDuo.push(duo(child, father).log10Lr)
    out.plantedTrio.push(trio(child, mother, father).log10Lr)
    const unrelatedDuo = duo(stranger, father)
    expect(decideKinship('parent-child', unrelatedDuo)).not.toBe('supports')
    out.unrelatedDuo.push(unrelatedDuo.log10Lr)
    out.unrelatedTrio.push(trio(stranger, mother, father).log10Lr)
  }
  return out
}

const countAtLeast = (xs: number[], t: number) => xs.filter((x) => x >= t).length
const lowest = (xs: number[]) => Math.min(...xs).toFixed(2)
const highest = (xs: number[]) => Math.max(...xs).toFixed(2)

describe('simulated casework (chinese.csv without SE33)', () => {
  it(`finds every planted parent and trio with all ${ALL_LOCI.length} loci and passes no unrelated pair`, () => {
    const r = simulate(ALL_LOCI, 20240601, 2000, STEPWISE)
    console.info(
      `${ALL_LOCI.length} loci, 2000 each: planted duo min log10 LR ${lowest(r.plantedDuo)}, trio min ${lowest(r.plantedTrio)}; ` +
        `unrelated duos ≥ 10 000: ${countAtLeast(r.unrelatedDuo, SUPPORT)} (max log10 ${highest(r.unrelatedDuo)}), ` +
        `unrelated trios ≥ 10 000: ${countAtLeast(r.unrelatedTrio, SUPPORT)} (max ${highest(r.unrelatedTrio)})`,
    )
    expect(countAtLeast(r.plantedDuo, SUPPORT)).toBe(2000)
    expect(countAtLeast(r.plantedTrio, SUPPORT)).toBe(2000)
    expect(countAtLeast(r.unrelatedDuo, SUPPORT)).toBe(0)
    expect(countAtLeast(r.unrelatedTrio, SUPPORT)).toBe(0)
  })

  it('with the 23 core loci finds every planted trio but leaves a few planted duos short of 10 000', () => {
    // A duo typed at 23 loci misses 10 000 about once in a thousand: GB/T 37223-2018 then asks for more loci.
    const r = simulate(CORE_LOCI, 7, 2000, STEPWISE)
    const shortDuos = 2000 - countAtLeast(r.plantedDuo, SUPPORT)
    console.info(
      `23 core loci, 2000 each: planted duos below 10 000: ${shortDuos} (min log10 ${lowest(r.plantedDuo)}), trio min ${lowest(r.plantedTrio)}; ` +
        `unrelated duos ≥ 10 000: ${countAtLeast(r.unrelatedDuo, SUPPORT)} (max ${highest(r.unrelatedDuo)}), trios: ${countAtLeast(r.unrelatedTrio, SUPPORT)}`,
    )
    expect(countAtLeast(r.plantedTrio, SUPPORT)).toBe(2000)
    expect(shortDuos).toBeLessThanOrEqual(10)
    expect(countAtLeast(r.unrelatedDuo, SUPPORT)).toBe(0)
    expect(countAtLeast(r.unrelatedTrio, SUPPORT)).toBe(0)
  })

  it('still supports a true parent whose child carries a one-step mutation at one locus', () => {
    const random = createRandom(11)
    const sim = createSimulator(table, ALL_LOCI, random)
    const models = new LocusModels(table, STEPWISE)
    for (let i = 0; i < 200; i++) {
      const father = sim.drawProfile()
      const child = sim.drawChild(father, sim.drawProfile())
      // The paternal allele (first) moves up one repeat, at a locus where the father then shares no allele.
      const locus = ALL_LOCI.find((l) => {
        const moved = String(Number(child[l][0]) + 1)
        return table[l][moved] !== undefined && !father[l].includes(moved) && !father[l].includes(child[l][1])
      })!
      child[locus] = [String(Number(child[locus][0]) + 1), child[locus][1]]
      const r = computeKinshipLr({ relationship: 'parent-child', profiles: { child, parent: father }, models, sexes: { parent: 'male' } })
      expect(r.inconsistentLoci).toEqual([locus])
      // Not 0, and close to the Chinese μ/(8·p·10^(s−1)) (0.9–2.4 times it for these 200): the likelihood puts
      // about half of μ on each one-step neighbour, or nearly all of it at the end of the ladder.
      const stepwise = computeStepwiseIndex(child[locus], { genotype: father[locus], rate: 0.002 }, null, (a) => table[locus][a], false)
      expect(r.perLocus[locus] / stepwise).toBeGreaterThan(0.5)
      expect(r.perLocus[locus] / stepwise).toBeLessThan(3)
      expect(decideKinship('parent-child', r)).toBe('supports')
    }
  })
})
