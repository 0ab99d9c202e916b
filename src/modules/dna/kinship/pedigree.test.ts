import { describe, expect, it } from 'vitest'
import { computeKappaLr, computeTrioLr, type Alleles } from './closed-form.ts'
import { PedigreeLikelihood, type IndexedGenotype, type LocusModel, type MemberSex, type Pedigree } from './pedigree.ts'
import { getHypotheses, KAPPA, type PairwiseRelationship } from './relationships.ts'
import { createRandom } from './testing.ts'

const model = (frequencies: number[], transmission: Partial<LocusModel['transmission']> = {}): LocusModel => ({
  size: frequencies.length,
  frequencies: Float64Array.from(frequencies),
  transmission: { male: null, female: null, unknown: null, ...transmission },
})
const P = [0.1, 0.2, 0.3, 0.4]
const GENOTYPES: Alleles[] = P.flatMap((_, a) => P.map((_, b) => [a, b] as Alleles).filter(([x, y]) => x <= y))

/** A random row-stochastic matrix with a heavy diagonal, so that mutation matters but stays plausible. */
function randomMatrix(size: number, random: () => number): Float64Array {
  const m = new Float64Array(size * size)
  for (let i = 0; i < size; i++) {
    let sum = 0
    for (let j = 0; j < size; j++) sum += m[i * size + j] = i === j ? 3 : random()
    for (let j = 0; j < size; j++) m[i * size + j] /= sum
  }
  return m
}

/** Brute force: every ordered genotype of every member, as a textbook would write the likelihood. */
function enumerateLikelihood(pedigree: Pedigree, m: LocusModel, genotypes: IndexedGenotype[]): number {
  const K = m.size
  const ordered: [number, number][][] = pedigree.map((_, i) => {
    const g = genotypes[i]
    if (g)
      return g[0] === g[1]
        ? [[g[0], g[1]]]
        : [
            [g[0], g[1]],
            [g[1], g[0]],
          ]
    return Array.from({ length: K * K }, (_, k) => [Math.floor(k / K), k % K] as [number, number])
  })
  const index = new Map(pedigree.map((member, i) => [member.id, i]))
  const pass = (sex: MemberSex, from: [number, number], to: number) => {
    const t = m.transmission[sex]
    const step = (a: number) => (t ? t[a * K + to] : a === to ? 1 : 0)
    return (step(from[0]) + step(from[1])) / 2
  }
  let total = 0
  const choice: [number, number][] = []
  const walk = (i: number, probability: number) => {
    if (probability === 0) return
    if (i === pedigree.length) return void (total += probability)
    for (const g of ordered[i]) {
      choice[i] = g
      const member = pedigree[i]
      let p: number
      if (!member.parents) p = m.frequencies[g[0]] * m.frequencies[g[1]]
      else {
        const [x, y] = member.parents.map((id) => index.get(id)!)
        p = pass(pedigree[x].sex, choice[x], g[0]) * pass(pedigree[y].sex, choice[y], g[1])
      }
      walk(i + 1, probability * p)
    }
  }
  walk(0, 1)
  return total
}

describe('pedigree likelihood', () => {
  it('matches the pedmut README: father 1/1, son 2/2, equal model rate 0.1 gives 0.0125, no mutation 0', () => {
    const trio = new PedigreeLikelihood([
      { id: 'fa', sex: 'male' },
      { id: 'mo', sex: 'female' },
      { id: 'boy', sex: 'male', parents: ['fa', 'mo'] },
    ])
    const equal = Float64Array.from([0.9, 0.1, 0.1, 0.9])
    const genotypes: IndexedGenotype[] = [[0, 0], null, [1, 1]]
    expect(trio.compute(model([0.5, 0.5], { male: equal, female: equal }), genotypes)).toBeCloseTo(0.0125, 15)
    expect(trio.compute(model([0.5, 0.5]), genotypes)).toBe(0)
  })

  it('matches forrel: father A/A, child A/A, p(A) = 0.05 gives LR 20', () => {
    const { h1, h0 } = getHypotheses('parent-child')
    const m = model([0.05, 0.95])
    const g: IndexedGenotype[] = [
      [0, 0],
      [0, 0],
    ]
    // h1 lists parent, otherParent, child; h0 lists child, parent.
    expect(h1.compute(m, [g[0], null, g[1]]) / h0.compute(m, g)).toBeCloseTo(20, 10)
  })

  it('gives 1 for a pedigree typed in no one, whatever the mutation matrix', () => {
    const random = createRandom(1)
    const { h1 } = getHypotheses('first-cousins')
    const m = model(P, { male: randomMatrix(4, random), female: randomMatrix(4, random), unknown: randomMatrix(4, random) })
    expect(
      h1.compute(
        m,
        h1.pedigree.map(() => null),
      ),
    ).toBe(1)
  })

  it('equals the κ formula for every pair of genotypes of every pairwise relationship, without mutation', () => {
    const m = model(P)
    for (const relationship of Object.keys(KAPPA) as PairwiseRelationship[]) {
      const { h1, h0 } = getHypotheses(relationship)
      const other = relationship === 'parent-child' ? 'parent' : 'relative'
      for (const x of GENOTYPES)
        for (const y of GENOTYPES) {
          const typed: Record<string, Alleles> = { child: x, [other]: y }
          const lr =
            h1.compute(
              m,
              h1.pedigree.map((member) => typed[member.id] ?? null),
            ) /
            h0.compute(
              m,
              h0.pedigree.map((member) => typed[member.id]),
            )
          expect(lr, `${relationship} ${x} ${y}`).toBeCloseTo(computeKappaLr(x, y, KAPPA[relationship], P), 12)
        }
    }
  })

  it('equals the trio formulas for every combination of genotypes, without mutation', () => {
    const m = model(P)
    for (const relationship of ['trio', 'paternity-trio'] as const) {
      const { h1, h0 } = getHypotheses(relationship)
      for (const child of GENOTYPES)
        for (const mother of GENOTYPES)
          for (const father of GENOTYPES) {
            const typed: Record<string, Alleles> = { child, mother, father }
            const l0 = h0.compute(
              m,
              h0.pedigree.map((member) => typed[member.id] ?? null),
            )
            if (l0 === 0) continue // paternity-trio with the mother excluded: both hypotheses impossible
            const lr =
              h1.compute(
                m,
                h1.pedigree.map((member) => typed[member.id] ?? null),
              ) / l0
            const alternative = relationship === 'trio' ? 'unrelated' : 'mother-known'
            expect(lr).toBeCloseTo(computeTrioLr(child, mother, father, alternative, P), 12)
          }
    }
  })

  it('agrees with brute-force enumeration under sex-specific random mutation matrices', () => {
    const random = createRandom(7)
    const m3 = model([0.2, 0.3, 0.5], { male: randomMatrix(3, random), female: randomMatrix(3, random), unknown: randomMatrix(3, random) })
    const cases: [Parameters<typeof getHypotheses>[0], Record<string, 'male' | 'female'>][] = [
      ['parent-child', { parent: 'female' }],
      ['trio', {}],
      ['paternity-trio', {}],
      ['full-siblings', {}],
      ['half-siblings', { sharedParent: 'male' }],
      ['grandparent', { relative: 'female', parent: 'male' }],
      ['avuncular', {}],
    ]
    for (const [relationship, sexes] of cases) {
      const { h1, h0 } = getHypotheses(relationship, sexes)
      for (let trial = 0; trial < 6; trial++) {
        const draw = (): Alleles => [Math.floor(random() * 3), Math.floor(random() * 3)]
        const typed: Record<string, Alleles> = { child: draw(), parent: draw(), mother: draw(), father: draw(), relative: draw() }
        for (const pedigree of [h1, h0]) {
          const genotypes = pedigree.pedigree.map((member) => typed[member.id] ?? null)
          expect(pedigree.compute(m3, genotypes), `${relationship} ${trial}`).toBeCloseTo(
            enumerateLikelihood(pedigree.pedigree, m3, genotypes),
            14,
          )
        }
      }
    }
  })

  it('computes first cousins with mutation at the cost of a few small products', () => {
    // Too big to enumerate (10 members); checked instead for symmetry between child and relative.
    const random = createRandom(3)
    const male = randomMatrix(4, random)
    const m = model(P, { male, female: male, unknown: male })
    const { h1 } = getHypotheses('first-cousins')
    const at = (child: Alleles, relative: Alleles) =>
      h1.compute(
        m,
        h1.pedigree.map((x) => ({ child, relative })[x.id] ?? null),
      )
    expect(at([0, 1], [1, 3])).toBeCloseTo(at([1, 3], [0, 1]), 15)
  })
})
