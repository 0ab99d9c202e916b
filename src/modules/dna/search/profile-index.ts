// The compact in-memory search index. Profiles sit in three stores by kind (reference, candidate, general), so
// a query scans only the kinds it may see and the hot loop never tests a category. Each store is a list of
// chunks of 65 536 rows; a chunk is one SharedArrayBuffer holding, per locus, a Uint16 genotype code per row
// (the unordered pair of two allele codes; 0 = untyped) and then the rows' Uint32 keys (the database's search
// number). Chunks never move once made, so workers keep their views and growth costs one new chunk, never a
// copy; the unused tail of the last chunk is the only slack. At 23 loci a row costs 46 + 4 bytes, plus 4 for
// the key → row lookup: 54 bytes.
import { invalid, notFound } from '../../../platform/errors.ts'
import { PROFILE_KINDS, STANDARD_LOCI, toGenotype, type Genotypes, type ProfileKind } from './model.ts'
import {
  CHUNK_ROWS,
  CHUNK_SHIFT,
  MAX_ALLELES_PER_LOCUS,
  PAIR_STORE,
  decodePair,
  pairCode,
  profileChunkBytes,
  profileChunkViews,
  type ProfileChunk,
} from './layout.ts'
import { FamilyPairs } from './pairs.ts'

/** Allele labels of one locus, coded 1, 2, 3… in order of first sight (0 means untyped). */
class AlleleDictionary {
  readonly labels: string[] = []
  readonly #codes = new Map<string, number>()
  code(label: string, locus: string): number {
    let code = this.#codes.get(label)
    if (code === undefined) {
      if (this.labels.length >= MAX_ALLELES_PER_LOCUS)
        throw invalid('dna.search.too_many_alleles', `${locus} has more than ${MAX_ALLELES_PER_LOCUS} alleles`)
      this.labels.push(label)
      code = this.labels.length
      this.#codes.set(label, code)
    }
    return code
  }
}

class Store {
  readonly buffers: SharedArrayBuffer[] = []
  readonly chunks: ProfileChunk[] = []
  rows = 0
  readonly lociCount: number
  constructor(lociCount: number) {
    this.lociCount = lociCount
  }
  append(): number {
    const row = this.rows++
    if (row >>> CHUNK_SHIFT >= this.chunks.length) {
      const buffer = new SharedArrayBuffer(profileChunkBytes(this.lociCount))
      this.buffers.push(buffer)
      this.chunks.push(profileChunkViews(buffer, this.lociCount))
    }
    return row
  }
}

export interface IndexedProfile {
  /** The profile's integer search number from the database (1 … 2³² − 1). */
  key: number
  kind: ProfileKind
  genotypes: Genotypes
}

const LOCATION_PAGE_SHIFT = 16
const KIND_FACTOR = 2 ** 29 // location = (kind + 1)·2²⁹ + row, so 0 means "absent" and rows go to 536 M per kind

export class SearchIndex {
  readonly loci: readonly string[]
  readonly #dictionaries: AlleleDictionary[]
  readonly #stores: Store[]
  readonly #locations: (Uint32Array | undefined)[] = []
  readonly pairs: FamilyPairs

  constructor(loci: readonly string[] = STANDARD_LOCI) {
    this.loci = [...loci]
    this.#dictionaries = loci.map(() => new AlleleDictionary())
    this.#stores = PROFILE_KINDS.map(() => new Store(loci.length))
    this.pairs = new FamilyPairs()
  }

  /** Adds a profile, or replaces the one with the same key (in place when its kind is unchanged). */
  add(profile: IndexedProfile): void {
    this.addEncoded(profile.key, profile.kind, this.encode(profile.genotypes))
  }

  /** add() for genotype codes already made with encode() or alleleCode(): bulk loads skip the label lookups. */
  addEncoded(key: number, kind: ProfileKind, codes: Uint16Array): void {
    if (!Number.isInteger(key) || key < 1 || key > 0xffffffff)
      throw invalid('dna.search.bad_key', `search number ${key} is not an integer in 1 … 2³² − 1`)
    const store = PROFILE_KINDS.indexOf(kind)
    const old = this.#locate(key)
    let row: number
    if (old && old.kind === store) row = old.row
    else {
      if (old) this.remove(key)
      row = this.#stores[store].append()
      this.#setLocation(key, (store + 1) * KIND_FACTOR + row)
    }
    this.#write(store, row, key, codes)
  }

  /** Removes a profile (its row is blanked: all loci untyped, so it can never score above a threshold). */
  remove(key: number): boolean {
    const at = this.#locate(key)
    if (!at) return false
    this.#write(at.kind, at.row, 0, new Uint16Array(this.loci.length))
    this.#setLocation(key, 0)
    if (at.kind === 0) this.pairs.removeRow(at.row)
    return true
  }

  /** Declares mother and father of one family group, both references in the index, for trio searches of children. */
  addFamilyPair(motherKey: number, fatherKey: number): void {
    const rows = [motherKey, fatherKey].map((key) => {
      const at = this.#locate(key)
      if (!at || at.kind !== 0)
        throw notFound('dna.search.pair_not_reference', `search number ${key} is not a reference profile in the index`)
      return at.row
    })
    this.pairs.add(rows[0], rows[1])
  }

  removeFamilyPair(motherKey: number, fatherKey: number): boolean {
    const m = this.#locate(motherKey)
    const f = this.#locate(fatherKey)
    return !!m && !!f && this.pairs.remove(m.row, f.row)
  }

  /** Genotype codes of a profile in locus order, adding unseen alleles to the dictionaries. */
  encode(genotypes: Genotypes): Uint16Array {
    const codes = new Uint16Array(this.loci.length)
    this.loci.forEach((locus, l) => {
      const g = toGenotype(genotypes[locus])
      if (g) codes[l] = pairCode(this.alleleCode(l, g[0]), this.alleleCode(l, g[1]))
    })
    return codes
  }

  /** The code of an allele label at a locus (added if new); pairCode() of two codes is a genotype code. */
  alleleCode(locusIndex: number, label: string): number {
    return this.#dictionaries[locusIndex].code(label, this.loci[locusIndex])
  }

  /** Allele labels of a locus by code − 1: the tables of a query are built over these. */
  alleleLabels(locusIndex: number): readonly string[] {
    return this.#dictionaries[locusIndex].labels
  }

  kindOf(key: number): ProfileKind | null {
    const at = this.#locate(key)
    return at ? PROFILE_KINDS[at.kind] : null
  }

  genotypesOf(key: number): Genotypes | null {
    const at = this.#locate(key)
    return at ? this.genotypesAt(at.kind, at.row) : null
  }

  /** Decodes a stored row back to allele labels (for re-scoring hits). */
  genotypesAt(store: number, row: number): Genotypes {
    const chunk = this.#stores[store].chunks[row >>> CHUNK_SHIFT]
    const offset = row & (CHUNK_ROWS - 1)
    const genotypes: Record<string, string[]> = {}
    this.loci.forEach((locus, l) => {
      const code = chunk.columns[l][offset]
      if (code === 0) return
      const labels = this.#dictionaries[l].labels
      const [a, b] = decodePair(code)
      genotypes[locus] = [labels[a - 1], labels[b - 1]]
    })
    return genotypes
  }

  keyAt(store: number, row: number): number {
    return this.#stores[store].chunks[row >>> CHUNK_SHIFT].keys[row & (CHUNK_ROWS - 1)]
  }

  /** Rows used in a store (blanked rows included): the scan range. */
  rowCount(store: number): number {
    return store === PAIR_STORE ? this.pairs.rows : this.#stores[store].rows
  }

  /** The chunk buffers of a store, in row order, for the workers. */
  chunkBuffers(store: number): readonly SharedArrayBuffer[] {
    return store === PAIR_STORE ? this.pairs.buffers : this.#stores[store].buffers
  }

  chunks(store: number): readonly ProfileChunk[] {
    return this.#stores[store].chunks
  }

  /** Bytes held: chunk buffers, the key → row pages and an estimate for the allele dictionaries. */
  memoryBytes(): number {
    let bytes = this.pairs.memoryBytes()
    for (const store of this.#stores) for (const buffer of store.buffers) bytes += buffer.byteLength
    for (const page of this.#locations) bytes += page?.byteLength ?? 0
    for (const dictionary of this.#dictionaries) bytes += dictionary.labels.length * 64
    return bytes
  }

  #write(kind: number, row: number, key: number, codes: Uint16Array): void {
    const chunk = this.#stores[kind].chunks[row >>> CHUNK_SHIFT]
    const offset = row & (CHUNK_ROWS - 1)
    for (let l = 0; l < codes.length; l++) chunk.columns[l][offset] = codes[l]
    chunk.keys[offset] = key
  }

  #locate(key: number): { kind: number; row: number } | null {
    const value = this.#locations[key >>> LOCATION_PAGE_SHIFT]?.[key & ((1 << LOCATION_PAGE_SHIFT) - 1)] ?? 0
    if (value === 0) return null
    const kind = Math.floor(value / KIND_FACTOR) - 1
    return { kind, row: value - (kind + 1) * KIND_FACTOR }
  }

  #setLocation(key: number, value: number): void {
    const page = key >>> LOCATION_PAGE_SHIFT
    this.#locations[page] ??= new Uint32Array(1 << LOCATION_PAGE_SHIFT)
    this.#locations[page][key & ((1 << LOCATION_PAGE_SHIFT) - 1)] = value
  }
}
