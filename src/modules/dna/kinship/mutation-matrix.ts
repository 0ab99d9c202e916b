// Mutation matrices per locus, built over the frequency table's alleles as pedmut (Vigeland) builds them.
import { invalid } from '../../../platform/errors.ts'
import type { MemberSex } from './pedigree.ts'
import type { Allele, MutationSpec, Rate, Sex } from './types.ts'

export type Matrix = Float64Array // row-major K×K, row = parent's allele, column = transmitted allele
export type Transmission = Record<MemberSex, Matrix | null>

const NO_MUTATION: Transmission = { male: null, female: null, unknown: null }

export const resolveRate = (rate: Rate, sex: Sex): number => (typeof rate === 'number' ? rate : rate[sex])

/** pedmut "equal": stay with probability 1 − rate, else move to any other allele alike. */
export function buildEqualMatrix(size: number, rate: number): Matrix | null {
  if (rate === 0 || size < 2) return null
  const m = new Float64Array(size * size).fill(rate / (size - 1))
  for (let i = 0; i < size; i++) m[i * size + i] = 1 - rate
  return m
}

/**
 * pedmut "stepwise" (after Simonsson & Mostad 2015): alleles fall into groups by their decimal (integers,
 * .1, .2, .3 …). Within a group an allele mutates with total probability `rate`, split in proportion to
 * range^|i − j| (range = relative probability of n+1 steps versus n); to another group with total `rate2`,
 * spread evenly. The diagonal is 1 − rate − rate2, or 1 − rate if every allele is in one group, or 1 − rate2
 * if the allele is alone in its group.
 */
export function buildStepwiseMatrix(alleles: readonly Allele[], rate: number, rate2: number, range: number): Matrix | null {
  if (rate + rate2 > 1) throw invalid('dna.kinship.bad_mutation', `stepwise: rate + rate2 must be at most 1, not ${rate + rate2}`)
  const size = alleles.length
  if ((rate === 0 && rate2 === 0) || size < 2) return null
  const values = alleles.map(parseStepwiseAllele)
  const steps = (i: number, j: number) => Math.round(Math.abs(values[i] - values[j]) * 10) / 10
  // pedmut takes the group from (x − round(x))·10 with R's round-half-even, which splits 9.5 from 10.5;
  // the first decimal digit agrees with it everywhere else and keeps .5 alleles together.
  const groups = values.map((x) => Math.round(x * 10) % 10)
  const m = new Float64Array(size * size)
  for (let i = 0; i < size; i++) {
    const sameGroup = groups.map((g) => g === groups[i])
    const groupSize = sameGroup.filter(Boolean).length
    const row = i * size
    m[row + i] = groupSize === size ? 1 - rate : groupSize === 1 ? 1 - rate2 : 1 - rate - rate2
    let weightSum = 0
    for (let j = 0; j < size; j++) if (j !== i && sameGroup[j]) weightSum += range ** steps(i, j)
    for (let j = 0; j < size; j++) {
      if (j === i) continue
      m[row + j] = sameGroup[j] ? (rate * range ** steps(i, j)) / weightSum : rate2 / (size - groupSize)
    }
  }
  return m
}

function parseStepwiseAllele(allele: Allele): number {
  if (!/^\d+(\.\d0*)?$/.test(allele))
    throw invalid(
      'dna.kinship.bad_mutation',
      `stepwise mutation needs numeric alleles with at most one decimal (like 9.3), not "${allele}"`,
    )
  return Number(allele)
}

/** An explicit matrix, reordered to the table's allele order and checked to be row-stochastic. */
function readExplicitMatrix(
  locus: string,
  sex: Sex,
  spec: { alleles: Allele[]; male: number[][]; female: number[][] },
  alleles: readonly Allele[],
) {
  const given = spec.alleles
  const missing = alleles.filter((a) => !given.includes(a))
  const extra = given.filter((a) => !alleles.includes(a))
  if (missing.length || extra.length || given.length !== alleles.length)
    throw invalid(
      'dna.kinship.bad_mutation',
      `mutation matrix for ${locus} must list exactly the alleles of the frequency table` +
        (missing.length ? `; missing ${missing.join(', ')}` : '') +
        (extra.length ? `; not in the table ${extra.join(', ')}` : '') +
        (given.length !== new Set(given).size ? '; an allele is listed twice' : ''),
    )
  const rows = spec[sex]
  const size = alleles.length
  if (rows.length !== size || rows.some((r) => r.length !== size))
    throw invalid('dna.kinship.bad_mutation', `mutation matrix for ${locus} (${sex}) must be ${size}×${size}`)
  const position = alleles.map((a) => given.indexOf(a))
  const m = new Float64Array(size * size)
  for (let i = 0; i < size; i++) {
    const row = rows[position[i]]
    const sum = row.reduce((s, x) => s + x, 0)
    if (row.some((x) => !(x >= 0 && x <= 1)) || Math.abs(sum - 1) > 1e-3)
      throw invalid(
        'dna.kinship.bad_mutation',
        `mutation matrix for ${locus} (${sex}): row ${alleles[i]} must hold probabilities summing to 1`,
      )
    for (let j = 0; j < size; j++) m[i * size + j] = row[position[j]]
  }
  return m
}

function buildForSex(spec: Exclude<MutationSpec, { model: 'none' }>, locus: string, alleles: readonly Allele[], sex: Sex): Matrix | null {
  switch (spec.model) {
    case 'equal':
      return buildEqualMatrix(alleles.length, resolveRate(spec.loci?.[locus]?.rate ?? spec.rate, sex))
    case 'stepwise': {
      const own = spec.loci?.[locus]
      return buildStepwiseMatrix(
        alleles,
        resolveRate(own?.rate ?? spec.rate, sex),
        resolveRate(own?.rate2 ?? spec.rate2, sex),
        own?.range ?? spec.range,
      )
    }
    case 'matrix': {
      const given = spec.matrices[locus]
      return given ? readExplicitMatrix(locus, sex, given, alleles) : null
    }
  }
}

/** The male, female and sex-unknown matrices of one locus; `unknown` is the average of the other two. */
export function buildTransmission(spec: MutationSpec | undefined, locus: string, alleles: readonly Allele[]): Transmission {
  if (!spec || spec.model === 'none') return NO_MUTATION
  const male = buildForSex(spec, locus, alleles, 'male')
  const female = buildForSex(spec, locus, alleles, 'female')
  return { male, female, unknown: averageMatrices(male, female, alleles.length) }
}

// For one transmission, the average matrix is exactly the 50:50 mixture over the parent's sex.
function averageMatrices(a: Matrix | null, b: Matrix | null, size: number): Matrix | null {
  if (!a && !b) return null
  const out = new Float64Array(size * size)
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++) {
      const k = i * size + j
      const identity = i === j ? 1 : 0
      out[k] = ((a ? a[k] : identity) + (b ? b[k] : identity)) / 2
    }
  return out
}

/** Per-sex total mutation rates of a locus for the Chinese stepwise index, or null if the spec has none. */
export function getMutationRates(spec: MutationSpec | undefined, locus: string): Record<Sex, number> | null {
  if (!spec || (spec.model !== 'equal' && spec.model !== 'stepwise')) return null
  const rate = spec.loci?.[locus]?.rate ?? spec.rate
  return { male: resolveRate(rate, 'male'), female: resolveRate(rate, 'female') }
}
