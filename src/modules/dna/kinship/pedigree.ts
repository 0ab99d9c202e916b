// Pedigree likelihood at one locus, exact for any mutation matrix (Elston–Stewart style, but over alleles).
//
// Every person has two allele slots. A founder's slots are independent draws from the allele frequencies
// (Hardy–Weinberg); a child's slot j is a copy of one of the two slots of its j-th parent (the segregation
// indicator, 1/2 each), passed through that parent's mutation matrix. Once the indicators are fixed, and the
// phase of every typed heterozygote is fixed, the slots form a forest of allele trees, and each tree is
// summed by passing vectors over the allele list from the leaves to its founder slot. The likelihood sums
// over indicators and phases. Nothing is lumped, so the result is exact for any matrix; the cost per tree
// is at most one K×K product per untyped intermediate slot (K = alleles at the locus).
import type { Sex } from './types.ts'

export type MemberSex = Sex | 'unknown'
export interface PedigreeMember {
  id: string
  sex: MemberSex
  /** Both parents, or neither (a founder). Each parent must be listed before the child. */
  parents?: readonly [string, string]
}
export type Pedigree = readonly PedigreeMember[]

/** What the engine needs of a locus: allele frequencies and one row-stochastic matrix per sex. */
export interface LocusModel {
  size: number
  frequencies: Float64Array
  /** Row-major K×K, row = parent's allele, column = transmitted allele; null means no mutation. */
  transmission: Record<MemberSex, Float64Array | null>
}

/** A genotype as two allele indices into the locus model, or null when the member is untyped here. */
export type IndexedGenotype = readonly [number, number] | null

interface Config {
  weight: number
  /** Relevant slots, children before parents. */
  slots: Int32Array
  parentSlot: Int32Array
}
interface Compiled {
  configs: Config[]
  sexOfSlot: MemberSex[]
}

/** A pedigree prepared for repeated evaluation; compiled per set of typed members, which varies by locus. */
export class PedigreeLikelihood {
  readonly pedigree: Pedigree
  readonly #cache = new Map<string, Compiled>()
  constructor(pedigree: Pedigree) {
    checkPedigree(pedigree)
    this.pedigree = pedigree
  }

  /** The probability of the typed genotypes under this pedigree; genotypes are indexed like the pedigree. */
  compute(model: LocusModel, genotypes: readonly IndexedGenotype[]): number {
    const key = genotypes.map((g) => (g ? '1' : '0')).join('')
    let compiled = this.#cache.get(key)
    if (!compiled) {
      compiled = compilePedigree(this.pedigree, genotypes.map(Boolean))
      this.#cache.set(key, compiled)
    }
    return evaluatePedigree(compiled, model, genotypes)
  }
}

function checkPedigree(pedigree: Pedigree): void {
  const seen = new Set<string>()
  for (const m of pedigree) {
    for (const p of m.parents ?? []) if (!seen.has(p)) throw new Error(`pedigree: parent ${p} of ${m.id} must come first`)
    seen.add(m.id)
  }
}

function compilePedigree(pedigree: Pedigree, typed: readonly boolean[]): Compiled {
  const index = new Map(pedigree.map((m, i) => [m.id, i]))
  const slotCount = pedigree.length * 2
  const sexOfSlot: MemberSex[] = new Array(slotCount).fill('unknown')
  // A founder's two slots are exchangeable, so its first child may take slot 0 without loss: that halves
  // the indicators to enumerate for every founder.
  const firstChildOf = new Map<number, number>()
  const free: { slot: number; parent: number }[] = []
  const fixed: { slot: number; parent: number }[] = []
  pedigree.forEach((m, i) => {
    m.parents?.forEach((parentId, j) => {
      const parent = index.get(parentId)!
      const slot = 2 * i + j
      sexOfSlot[slot] = pedigree[parent].sex
      const isFounder = !pedigree[parent].parents
      if (isFounder && !firstChildOf.has(parent)) {
        firstChildOf.set(parent, i)
        fixed.push({ slot, parent })
      } else free.push({ slot, parent })
    })
  })
  const configs = new Map<string, Config>()
  for (let bits = 0; bits < 1 << free.length; bits++) {
    const parentSlot = new Int32Array(slotCount).fill(-1)
    for (const f of fixed) parentSlot[f.slot] = 2 * f.parent
    free.forEach((f, k) => (parentSlot[f.slot] = 2 * f.parent + ((bits >> k) & 1)))
    const slots = listRelevantSlots(parentSlot, typed)
    // Indicators that only steer allele copies nobody observes give identical forests: merge them.
    const key = Array.from(slots, (s) => `${s}<${parentSlot[s]}`).join(',')
    const existing = configs.get(key)
    if (existing) existing.weight += 0.5 ** free.length
    else configs.set(key, { weight: 0.5 ** free.length, slots, parentSlot })
  }
  return { configs: [...configs.values()], sexOfSlot }
}

/** Slots that are typed or lead to a typed slot, children first; the rest sum to 1 and are skipped. */
function listRelevantSlots(parentSlot: Int32Array, typed: readonly boolean[]): Int32Array {
  const relevant = new Uint8Array(parentSlot.length)
  for (let v = parentSlot.length - 1; v >= 0; v--) {
    if (typed[v >> 1]) relevant[v] = 1
    if (relevant[v] && parentSlot[v] >= 0) relevant[parentSlot[v]] = 1
  }
  const slots: number[] = []
  for (let v = parentSlot.length - 1; v >= 0; v--) if (relevant[v]) slots.push(v)
  return Int32Array.from(slots)
}

// A message over the alleles of one slot: all ones, a single allele with a weight, or a dense vector.
interface Message {
  at: number
  weight: number
  vector: Float64Array | null
}
const ONE: Message = { at: -1, weight: 1, vector: null }

function evaluatePedigree(compiled: Compiled, model: LocusModel, genotypes: readonly IndexedGenotype[]): number {
  // Bit k of `phase` says whether the k-th typed heterozygote has its alleles the other way round.
  const phaseBit = new Int32Array(genotypes.length).fill(-1)
  let heterozygotes = 0
  genotypes.forEach((g, i) => g && g[0] !== g[1] && (phaseBit[i] = heterozygotes++))
  const evidence = new Int32Array(genotypes.length * 2)
  let total = 0
  for (let phase = 0; phase < 1 << heterozygotes; phase++) {
    evidence.fill(-1)
    genotypes.forEach((g, i) => {
      if (!g) return
      const swap = phaseBit[i] >= 0 && (phase >> phaseBit[i]) & 1
      evidence[2 * i] = swap ? g[1] : g[0]
      evidence[2 * i + 1] = swap ? g[0] : g[1]
    })
    for (const config of compiled.configs) total += config.weight * evaluateForest(config, compiled.sexOfSlot, model, evidence)
  }
  return total
}

function evaluateForest(config: Config, sexOfSlot: MemberSex[], model: LocusModel, evidence: Int32Array): number {
  const incoming = new Map<number, Message>()
  let product = 1
  for (const v of config.slots) {
    let message = incoming.get(v) ?? ONE
    if (evidence[v] >= 0) message = multiply(message, { at: evidence[v], weight: 1, vector: null })
    const parent = config.parentSlot[v]
    if (parent < 0) {
      product *= sumOverFounder(model.frequencies, message)
      if (product === 0) return 0
    } else {
      const passed = transmit(model.transmission[sexOfSlot[v]], model.size, message)
      incoming.set(parent, multiply(incoming.get(parent) ?? ONE, passed))
    }
  }
  return product
}

function multiply(a: Message, b: Message): Message {
  if (a === ONE) return b
  if (b === ONE) return a
  if (a.vector && b.vector) return { at: -1, weight: 1, vector: a.vector.map((x, i) => x * b.vector![i]) }
  if (a.vector) return { at: b.at, weight: b.weight * a.vector[b.at], vector: null }
  if (b.vector) return { at: a.at, weight: a.weight * b.vector[a.at], vector: null }
  return { at: a.at, weight: a.at === b.at ? a.weight * b.weight : 0, vector: null }
}

/** (M·m)(x) = Σ_y M[x][y] m(y): the message seen from the parent's slot. */
function transmit(matrix: Float64Array | null, size: number, message: Message): Message {
  if (matrix === null || message === ONE) return message
  const out = new Float64Array(size)
  if (!message.vector) {
    for (let x = 0; x < size; x++) out[x] = message.weight * matrix[x * size + message.at]
    return { at: -1, weight: 1, vector: out }
  }
  const m = message.vector
  for (let x = 0; x < size; x++) {
    let s = 0
    for (let y = 0; y < size; y++) s += matrix[x * size + y] * m[y]
    out[x] = s
  }
  return { at: -1, weight: 1, vector: out }
}

function sumOverFounder(frequencies: Float64Array, message: Message): number {
  if (message === ONE) return 1
  if (!message.vector) return message.weight * frequencies[message.at]
  let s = 0
  for (let x = 0; x < frequencies.length; x++) s += frequencies[x] * message.vector[x]
  return s
}
