// STR allele designations: whole repeats (`12`), microvariants (`9.3` = 9 repeats and 3 extra bases) and `OL`.

/** The label kept for an off-ladder peak: its true designation is unknown, so it is stored and flagged, never guessed. */
export const OFF_LADDER = 'OL'

export type ParsedAllele =
  | { ok: true; allele: string; repeats: number; extraBases: number; isOffLadder: false }
  | { ok: true; allele: typeof OFF_LADDER; repeats: null; extraBases: null; isOffLadder: true }
  | { ok: false; reason: string }

export interface ParseAlleleOptions {
  /** Repeat length in bp of the locus: a microvariant cannot have that many extra bases (`9.4` at a tetranucleotide). */
  repeatUnit?: number
}

// Up to two digits of whole repeats; one digit of extra bases. `12.0` (a spreadsheet's rendering of 12) is accepted.
const DESIGNATION = /^(\d{1,2})(?:\.(\d))?$/

/**
 * Reads one allele designation. Returns the canonical label (`"09"` → `"9"`, `"12.0"` → `"12"`) or the reason it
 * is not an allele; never throws, so importers can report the row.
 */
export function parseAllele(raw: string | number, options: ParseAlleleOptions = {}): ParsedAllele {
  // Lab files repeat a few hundred designations millions of times; results are immutable, so cache them.
  const key = `${options.repeatUnit ?? ''}|${raw}`
  const cached = parsedCache.get(key)
  if (cached) return cached
  const parsed = parseAlleleUncached(raw, options)
  if (parsedCache.size < PARSED_CACHE_LIMIT) parsedCache.set(key, Object.freeze(parsed))
  return parsed
}

const parsedCache = new Map<string, ParsedAllele>()
const PARSED_CACHE_LIMIT = 8192

function parseAlleleUncached(raw: string | number, options: ParseAlleleOptions): ParsedAllele {
  const text = String(raw).normalize('NFKC').trim()
  if (text === '') return { ok: false, reason: 'empty allele' }
  if (text.toUpperCase() === OFF_LADDER) return { ok: true, allele: OFF_LADDER, repeats: null, extraBases: null, isOffLadder: true }
  const match = DESIGNATION.exec(text)
  if (!match) return { ok: false, reason: `"${text}" is not an allele designation (expected e.g. 12, 9.3 or OL)` }
  const repeats = Number(match[1])
  const extraBases = match[2] === undefined ? 0 : Number(match[2])
  // Zero is how some exports write "no call"; it is never a designation.
  if (repeats === 0) return { ok: false, reason: `"${text}" is not an allele: zero repeats` }
  if (options.repeatUnit !== undefined && extraBases >= options.repeatUnit) {
    return { ok: false, reason: `"${text}" has ${extraBases} extra bases, not fewer than the ${options.repeatUnit}-base repeat` }
  }
  const allele = extraBases === 0 ? String(repeats) : `${repeats}.${extraBases}`
  return { ok: true, allele, repeats, extraBases, isOffLadder: false }
}

/**
 * Numeric sort key: 9.3 sorts between 9 and 10 and `OL` after every designation. Labels that do not parse sort
 * last as well; callers sort only parsed labels.
 */
export function alleleSortKey(label: string): number {
  const parsed = parseAllele(label)
  return parsed.ok && !parsed.isOffLadder ? parsed.repeats + parsed.extraBases / 10 : Number.POSITIVE_INFINITY
}

/** Sorts labels by designation (`['10', '9.3', '9']` → `['9', '9.3', '10']`), returning a new array. */
export function sortAlleles(labels: readonly string[]): string[] {
  return labels
    .map((label) => ({ label, key: alleleSortKey(label) }))
    .sort((a, b) => a.key - b.key || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .map((entry) => entry.label)
}

/**
 * The distance between two alleles in repeat units, for stepwise mutation models: |a − b| where a microvariant's
 * extra bases count as a fraction of a repeat (9.3 → 10 is 0.25 of a step at a 4-base repeat). Null when either
 * allele is off-ladder or not an allele. `repeatUnit` defaults to 4 (tetranucleotide), right for most loci; pass
 * the catalogue's `repeatUnit` for Penta D/E (5) or D22S1045 (3).
 */
export function alleleSteps(a: string | number, b: string | number, repeatUnit = 4): number | null {
  const left = parseAllele(a, { repeatUnit })
  const right = parseAllele(b, { repeatUnit })
  if (!left.ok || !right.ok || left.isOffLadder || right.isOffLadder) return null
  const bases = (left.repeats - right.repeats) * repeatUnit + (left.extraBases - right.extraBases)
  return Math.abs(bases) / repeatUnit
}

/** Whether moving from a to b is a whole number of repeats (the stepwise model treats fractional moves separately). */
export function isWholeStep(a: string | number, b: string | number, repeatUnit = 4): boolean {
  const steps = alleleSteps(a, b, repeatUnit)
  return steps !== null && Number.isInteger(steps)
}
