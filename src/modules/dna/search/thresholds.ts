// Default log10 LR thresholds per mode. The reasoning and the measured rates are in README.md ("Thresholds").
import type { SearchMode } from './model.ts'

/**
 * Screening floors, chosen for at most a few tens of expected false hits per query against a national database
 * of 10⁷ profiles (measured on the shipped Chinese table). They decide what a reviewer sees, not what a hit
 * proves: a hit carries its GB/T 37223-2018 conclusion (CPI ≥ 10⁴ supports parentage; below, type more loci).
 * The duo screens at 10³ so that every Mendelian-consistent parent–child pair at 20+ loci is found (at 10⁴,
 * 0.4 % of them are not). Unrelated profiles passing per 10⁷ comparisons, for queries typed at 23 / 20–23 loci:
 * duo 3 (≈ 24 / 42–46), trio 4 (none seen in 10⁹), full siblings 5 (≈ 5 / 6), half siblings 5 (< 1), identity 10
 * (two samples of one person give LR ≥ 10²⁰ at 20 loci; none seen).
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<SearchMode, number>> = {
  duo: 3,
  trio: 4,
  full_siblings: 5,
  half_siblings: 5,
  identity: 10,
}

/**
 * Decades subtracted from log10(N) for the database-size bound: a hit must have LR ≥ N / 10⁴, i.e. posterior
 * odds of at least 1 : 10 000 under a flat prior over the N profiles searched. Up to 10⁷ profiles the floors
 * govern; beyond, the threshold rises one decade per tenfold growth, which keeps the expected number of
 * unrelated profiles passing per query (≤ N / LR by Markov's inequality, since E[LR | unrelated] = 1) where it
 * was at 10⁷.
 */
export const DEFAULT_SIZE_MARGIN = 4

/** The threshold a query applies: the mode's floor, raised for a large set of targets. */
export function effectiveThreshold(floor: number, targets: number, sizeMargin: number | null = DEFAULT_SIZE_MARGIN): number {
  if (sizeMargin === null || targets < 1) return floor
  return Math.max(floor, Math.log10(targets) - sizeMargin)
}
