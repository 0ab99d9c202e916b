// Simulated populations for the tests and bench/dna.ts: unrelated profiles drawn from a frequency table under
// Hardy–Weinberg, and relatives made by Mendelian transmission with one-step mutations, from a seeded
// generator so that every run sees the same people.
import fs from 'node:fs'
import type { FrequencyTable, Genotypes } from './model.ts'

/** Reads a `locus,allele,frequency` CSV (the shipped tables' shape). */
export function readFrequencyCsv(file: string, skipLoci: readonly string[] = ['SE33']): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = {}
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/).slice(1)) {
    const [locus, allele, frequency] = line.split(',')
    if (!locus || skipLoci.includes(locus)) continue
    ;(table[locus] ??= {})[allele] = Number(frequency)
  }
  return table
}

/** mulberry32: small, fast and good enough to draw alleles. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Draws alleles of each locus by inverse CDF over the table's alleles. */
export class AlleleSampler {
  readonly loci: readonly string[]
  readonly #labels: string[][]
  readonly #cdf: Float64Array[]

  constructor(frequencies: FrequencyTable, loci: readonly string[]) {
    this.loci = loci
    this.#labels = loci.map((locus) => Object.keys(frequencies[locus]))
    this.#cdf = loci.map((locus, l) => {
      const values = this.#labels[l].map((a) => frequencies[locus][a])
      const total = values.reduce((s, v) => s + v, 0)
      let running = 0
      return Float64Array.from(values, (v) => (running += v / total))
    })
  }

  labels(l: number): readonly string[] {
    return this.#labels[l]
  }

  /** Index into labels(l) of a random allele. */
  sampleIndex(l: number, u: number): number {
    const cdf = this.#cdf[l]
    let lo = 0
    let hi = cdf.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cdf[mid] < u) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  sample(l: number, random: () => number): string {
    return this.#labels[l][this.sampleIndex(l, random())]
  }
}

/** An unrelated person, typed at every locus. */
export function randomProfile(sampler: AlleleSampler, random: () => number): Record<string, string[]> {
  const profile: Record<string, string[]> = {}
  sampler.loci.forEach((locus, l) => (profile[locus] = [sampler.sample(l, random), sampler.sample(l, random)]))
  return profile
}

/** One allele of a parent, mutated one repeat up or down with probability `mutationRate`. */
export function transmitAllele(alleles: readonly string[], random: () => number, mutationRate = 0): string {
  const allele = alleles[random() < 0.5 ? 0 : 1]
  if (mutationRate === 0 || random() >= mutationRate || !/^\d+(\.\d)?$/.test(allele)) return allele
  const [whole, part] = allele.split('.')
  const moved = Math.max(1, Number(whole) + (random() < 0.5 ? -1 : 1))
  return part === undefined ? String(moved) : `${moved}.${part}`
}

/** A child of two parents (both typed at every locus of the sampler). */
export function childOf(
  sampler: AlleleSampler,
  mother: Genotypes,
  father: Genotypes,
  random: () => number,
  mutationRate = 0,
): Record<string, string[]> {
  const child: Record<string, string[]> = {}
  for (const locus of sampler.loci)
    child[locus] = [transmitAllele(mother[locus], random, mutationRate), transmitAllele(father[locus], random, mutationRate)]
  return child
}

/** The same profile with `count` loci left untyped (a degraded sample or a smaller kit). */
export function dropLoci(profile: Genotypes, count: number, random: () => number): Record<string, string[]> {
  const loci = Object.keys(profile)
  const dropped = new Set<string>()
  while (dropped.size < Math.min(count, loci.length)) dropped.add(loci[Math.floor(random() * loci.length)])
  return Object.fromEntries(loci.filter((l) => !dropped.has(l)).map((l) => [l, [...profile[l]]]))
}
