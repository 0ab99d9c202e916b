// Test helpers: the shipped frequency tables, a seeded PRNG and Mendelian simulation of relatives.
import fs from 'node:fs'
import path from 'node:path'
import type { FrequencyTable, Genotype, Profile } from './types.ts'
import { STANDARD_LOCI } from '../search/model.ts'

const REPO = path.resolve(import.meta.dirname, '../../../..')
// The dna module ships the tables in frequencies/data; the shared copy beside the repository is their source.
const TABLE_DIRS = [
  process.env.TUANYUAN_FREQUENCY_DIR,
  path.resolve(import.meta.dirname, '../frequencies/data'),
  path.join(REPO, '../shared/data/frequencies'),
].filter(Boolean) as string[]

/** A `locus,allele,frequency` CSV as a table (values are the source's decimals, not renormalised). */
export function parseFrequencyCsv(text: string): FrequencyTable {
  const table: FrequencyTable = {}
  const [header, ...lines] = text.trim().split(/\r?\n/)
  if (header.trim() !== 'locus,allele,frequency') throw new Error(`unexpected header: ${header}`)
  for (const line of lines) {
    const [locus, allele, frequency] = line.split(',')
    ;(table[locus] ??= {})[allele] = Number(frequency)
  }
  return table
}

export function loadFrequencyTable(file = 'chinese.csv'): FrequencyTable {
  const dir = TABLE_DIRS.find((d) => fs.existsSync(path.join(d, file)))
  if (!dir) throw new Error(`frequency table ${file} not found in ${TABLE_DIRS.join(' or ')}; set TUANYUAN_FREQUENCY_DIR`)
  return parseFrequencyCsv(fs.readFileSync(path.join(dir, file), 'utf8'))
}

/** The 23 loci of CODIS and the kits common in China, in the order of the shipped tables. */
export const CORE_LOCI = STANDARD_LOCI

/** mulberry32: small, fast and reproducible across runs. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Simulator {
  drawProfile(): Profile
  /** A child of two profiles by Mendelian transmission (no mutation). */
  drawChild(father: Profile, mother: Profile): Profile
}

export function createSimulator(table: FrequencyTable, loci: readonly string[], random: () => number): Simulator {
  const cumulative = loci.map((locus) => {
    const entries = Object.entries(table[locus])
    const total = entries.reduce((s, [, p]) => s + p, 0)
    let running = 0
    return entries.map(([allele, p]) => ({ allele, upTo: (running += p / total) }))
  })
  const drawAllele = (i: number) => {
    const u = random()
    return (cumulative[i].find((c) => u < c.upTo) ?? cumulative[i][cumulative[i].length - 1]).allele
  }
  const pick = (g: Genotype) => g[random() < 0.5 ? 0 : 1]
  return {
    drawProfile: () => Object.fromEntries(loci.map((locus, i) => [locus, [drawAllele(i), drawAllele(i)] as Genotype])),
    drawChild: (father, mother) => Object.fromEntries(loci.map((locus) => [locus, [pick(father[locus]), pick(mother[locus])] as Genotype])),
  }
}
