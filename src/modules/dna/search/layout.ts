// The memory layout shared by the index (which writes it) and the workers (which scan it): chunk sizes, the
// views over a chunk's SharedArrayBuffer and the genotype pair code. Nothing else, so a worker loads little.

export const CHUNK_SHIFT = 16
/** Rows per chunk: the unit of growth and of work for the pool (one chunk's columns fit in L2 at 23 loci). */
export const CHUNK_ROWS = 1 << CHUNK_SHIFT
/** Store numbers: the three kinds in PROFILE_KINDS order, then the family pairs. */
export const PAIR_STORE = 3
export const STORE_COUNT = 4
/** Marks a removed family pair; scans skip it. */
export const BLANK_ROW = 0xffffffff

export interface ProfileChunk {
  /** Per locus, the genotype pair code of each row (0 = untyped). */
  columns: Uint16Array[]
  /** The database search number of each row (0 = removed). */
  keys: Uint32Array
}

export const profileChunkBytes = (lociCount: number) => CHUNK_ROWS * (lociCount * 2 + 4)

export function profileChunkViews(buffer: SharedArrayBuffer, lociCount: number): ProfileChunk {
  const columns = Array.from({ length: lociCount }, (_, l) => new Uint16Array(buffer, l * CHUNK_ROWS * 2, CHUNK_ROWS))
  return { columns, keys: new Uint32Array(buffer, lociCount * CHUNK_ROWS * 2, CHUNK_ROWS) }
}

export interface PairChunk {
  /** Reference-store rows of the mother and the father of each pair (BLANK_ROW = removed). */
  mothers: Uint32Array
  fathers: Uint32Array
}

export const PAIR_CHUNK_BYTES = CHUNK_ROWS * 8

export function pairChunkViews(buffer: SharedArrayBuffer): PairChunk {
  return { mothers: new Uint32Array(buffer, 0, CHUNK_ROWS), fathers: new Uint32Array(buffer, CHUNK_ROWS * 4, CHUNK_ROWS) }
}

/** Allele codes per locus that keep every pair code within Uint16: 361·362/2 = 65 341. */
export const MAX_ALLELES_PER_LOCUS = 361

/** Code of the unordered pair of allele codes 1 ≤ a ≤ b: b(b−1)/2 + a, so codes run 1, 2, 3… as b then a grow. */
export const pairCode = (a: number, b: number): number => (a <= b ? (b * (b - 1)) / 2 + a : (a * (a - 1)) / 2 + b)

/** The allele codes [a, b] (a ≤ b) of a pair code. */
export function decodePair(code: number): [number, number] {
  const b = Math.ceil((Math.sqrt(8 * code + 1) - 1) / 2)
  return [code - (b * (b - 1)) / 2, b]
}

/** Number of pair codes (plus the untyped 0) for n alleles: the length of a query's table at that locus. */
export const tableLength = (alleles: number) => (alleles * (alleles + 1)) / 2 + 1
