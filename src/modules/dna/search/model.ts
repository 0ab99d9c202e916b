// Shared vocabulary of the search engine: modes, kinds of profile, the scoring model and its defaults.
// Pure data, no Node APIs, so that workers, tests and the lead's loader can all import it.

/** Allele frequencies by locus, then by allele label ('9.3', '10'). */
export type FrequencyTable = Readonly<Record<string, Readonly<Record<string, number>>>>

/** Genotypes by canonical locus name, as the import module stores them (homozygotes as [a, a]). */
export type Genotypes = Readonly<Record<string, readonly string[]>>

/** Two allele labels at one locus. */
export type Genotype = readonly [string, string]

/**
 * How a parent's allele reaches the child, for duo and trio only (the pairwise κ modes are mutation-free).
 * - `none`: Mendelian only; an inconsistent locus gives LR 0.
 * - `equal`: stays with 1 − rate, else becomes any other allele of the locus's table alike: rate / (n − 1).
 * - `stepwise`: stays with 1 − rate; moves s repeats with (rate / 2) · stepRatio^(s − 1). s counts whole
 *   repeats; a change of microvariant bases (9.3 → 10) adds one step, so it is rarer than a whole-repeat move.
 *   Off-ladder or unparsable labels count as 3 steps from anything. Rows do not sum exactly to 1: this is a
 *   screening model. The kinship module's full-likelihood engine (pedmut matrices) gives the reportable LR.
 */
export type MutationModel = { model: 'none' } | { model: 'equal'; rate: number } | { model: 'stepwise'; rate: number; stepRatio: number }

/** 0.002 per locus per meiosis is the order of the commonly cited average STR rate (≈ 1–4 × 10⁻³). */
export const DEFAULT_MUTATION: MutationModel = { model: 'stepwise', rate: 0.002, stepRatio: 0.1 }

/** Frequency given to an allele the table lacks: 5/2N for N ≈ 2 500 people, the order of a national survey. */
export const DEFAULT_MIN_FREQUENCY = 0.001

export interface ScoreModel {
  frequencies: FrequencyTable
  /** Frequency of alleles missing from the table; must be > 0 so that no LR divides by zero. */
  minFrequency: number
  mutation: MutationModel
}

export const SEARCH_MODES = ['duo', 'trio', 'full_siblings', 'half_siblings', 'identity'] as const
export type SearchMode = (typeof SEARCH_MODES)[number]

/**
 * Which side of the search a profile is on. `reference`: relatives of missing children and volunteers.
 * `candidate`: unknown-origin children, suspected victims, unidentified persons, irregular registrations.
 * `general`: profiles imported from the national DNA database, only ever searched *from* the other two.
 */
export const PROFILE_KINDS = ['reference', 'candidate', 'general'] as const
export type ProfileKind = (typeof PROFILE_KINDS)[number]

/** IBD probabilities (κ0, κ1, κ2) of the pairwise modes. */
export const KAPPA = {
  full_siblings: [0.25, 0.5, 0.25],
  half_siblings: [0.5, 0.5, 0],
} as const satisfies Record<string, readonly [number, number, number]>

/** The 23 autosomal loci of the common Chinese kits, in the order of the shipped tables (SE33 left out). */
export const STANDARD_LOCI = [
  'CSF1PO',
  'D3S1358',
  'D5S818',
  'D7S820',
  'D8S1179',
  'D13S317',
  'D16S539',
  'D18S51',
  'D21S11',
  'FGA',
  'TH01',
  'TPOX',
  'vWA',
  'D1S1656',
  'D2S441',
  'D2S1338',
  'D10S1248',
  'D12S391',
  'D19S433',
  'D22S1045',
  'Penta D',
  'Penta E',
  'D6S1043',
] as const

/**
 * The genotype the engine scores at one locus, or null for "untyped here" (LR 1). One allele is a homozygote
 * written once. Tri-allelic calls and off-ladder alleles are left out of screening: their true genotype is
 * unknown, and guessing could hide a relative; the full kinship engine handles them on review.
 */
export function toGenotype(alleles: readonly string[] | undefined): Genotype | null {
  if (!alleles || alleles.length === 0 || alleles.length > 2) return null
  const [a, b = a] = alleles
  if (a === 'OL' || b === 'OL') return null
  return a <= b ? [a, b] : [b, a]
}
