// The hot loops, shared by the workers and the in-process executor. A task is one chunk of one store; every
// job that may see that store scans it block by block: the first loci summed over every row of the block, then
// passes of two loci over the block's survivors only (row numbers and packed partial sums compacted in place),
// so each pass is a tight loop over Uint16 columns and small Int32 tables that stay in cache.
import { BLANK_ROW, CHUNK_ROWS, CHUNK_SHIFT, PAIR_STORE, type PairChunk, type ProfileChunk } from './layout.ts'
import { FIELD_SHIFT, FIELDS, type ScanJob } from './plan.ts'

/** Rows per block: the survivor list and partial sums (32 KB) stay in L1 while the block's loci are visited. */
const BLOCK = 4096
const rows = new Int32Array(BLOCK)
const acc = new Int32Array(BLOCK)

/** A job with its tables as views, ready to scan. */
export interface HydratedJob {
  job: ScanJob
  positions: number
  /** Additive: positions summed before the first test (the planner's choice, or all there are). */
  prefix: number
  /** Additive tables by position for the first pass (zero tables after the prefix) and for the rest (zero after the end). */
  head: Int32Array[]
  tail: Int32Array[]
  /** Pair jobs' ga and gb tables. */
  floats: Float64Array[]
}

export function hydrateJob(job: ScanJob): HydratedJob {
  const end = (i: number) => (i + 1 < job.offsets.length ? job.offsets[i + 1] : job.data.length)
  const { data } = job
  const positions = job.loci.length
  const prefix = Math.min(positions, Math.max(job.firstTest, job.dense + 1))
  if (!(data instanceof Int32Array))
    return { job, positions, prefix, head: [], tail: [], floats: Array.from(job.offsets, (start, i) => data.subarray(start, end(i))) }
  const tables = Array.from(job.offsets, (start, i) => data.subarray(start, end(i)))
  const padded = (limit: number) => Array.from({ length: positions + 4 }, (_, k) => (k < limit ? tables[k] : ZERO))
  return { job, positions, prefix, head: padded(prefix), tail: padded(positions), floats: [] }
}

export interface ChunkSet {
  profiles: ProfileChunk[][]
  pairs: PairChunk[]
}

/** Hits as parallel arrays: job number, field (which of the job's modes), task number, row within the chunk. */
export interface HitList {
  job: number[]
  field: number[]
  task: number[]
  offset: number[]
}

export const emptyHits = (): HitList => ({ job: [], field: [], task: [], offset: [] })

/**
 * Runs tasks until `take` returns past the end. `tasks` holds triples (store, chunk, rows used in the chunk).
 * Each worker calls this with a shared counter, so the chunks are spread over the workers as they free up.
 */
export function runTasks(chunks: ChunkSet, jobs: HydratedJob[], tasks: Int32Array, take: () => number, hits: HitList): void {
  const taskCount = tasks.length / 3
  for (let t = take(); t < taskCount; t = take()) {
    const store = tasks[3 * t]
    const chunk = tasks[3 * t + 1]
    const used = tasks[3 * t + 2]
    for (let j = 0; j < jobs.length; j++) {
      const { job } = jobs[j]
      if ((job.stores & (1 << store)) === 0 || job.loci.length === 0) continue
      const emit = (offset: number, field: number) => {
        hits.job.push(j)
        hits.field.push(field)
        hits.task.push(t)
        hits.offset.push(offset)
      }
      if (store === PAIR_STORE) scanPairs(jobs[j], chunks.pairs[chunk], used, chunks.profiles[0], emit)
      else scanChunk(jobs[j], chunks.profiles[store][chunk].columns, used, emit)
    }
  }
}

/** The job's columns of one chunk in scan order, padded with a spare column for the passes' unused slots. */
function scanChunk(h: HydratedJob, columns: Uint16Array[], used: number, emit: (offset: number, field: number) => void): void {
  const ordered = Array.from(h.job.loci, (l) => columns[l])
  for (let pad = 0; pad < 4; pad++) ordered.push(columns[0])
  for (let start = 0; start < used; start += BLOCK) scanBlock(h, ordered, start, Math.min(used, start + BLOCK), emit)
}

/**
 * One block of rows against one additive job. The leading loci are summed four to a pass, the last of these
 * passes also keeping the rows still able to reach a threshold (at least four loci go in before the first test:
 * before that few unrelated rows can be dropped). Then loci go two per pass over the survivors only; testing
 * after every second locus never loses a row. A row lives while any of the job's modes can pass.
 */
function scanBlock(h: HydratedJob, c: Uint16Array[], start: number, end: number, emit: (offset: number, field: number) => void): void {
  const { bound, fields } = h.job
  const { head, tail, prefix, positions } = h
  const count = end - start
  let k = 0
  for (; k + 4 < prefix; k += 4)
    sumFour(c[k], head[k], c[k + 1], head[k + 1], c[k + 2], head[k + 2], c[k + 3], head[k + 3], start, count, k === 0)
  // A first pass that is also the first cut starts from zero: the partial sums need not be cleared.
  const isFresh = k === 0
  const b = (prefix - 1) * FIELDS
  let n: number
  if (prefix - k <= 2) n = denseCutTwo(c[k], head[k], c[k + 1], head[k + 1], bound[b], bound[b + 1], start, count)
  else {
    const cut = isFresh ? firstCut : cutFour
    n = cut(c[k], head[k], c[k + 1], head[k + 1], c[k + 2], head[k + 2], c[k + 3], head[k + 3], bound[b], bound[b + 1], start, count)
  }
  for (k = prefix; k < positions && n > 0; k += 2) {
    const at = Math.min(k + 1, positions - 1) * FIELDS
    n = cutTwo(c[k], tail[k], c[k + 1], tail[k + 1], bound[at], bound[at + 1], n)
  }
  const last = (positions - 1) * FIELDS
  for (let j = 0; j < n; j++) {
    if (fieldOf(acc[j], 0) >= bound[last]) emit(rows[j], 0)
    if (fields > 1 && fieldOf(acc[j], 1) >= bound[last + 1]) emit(rows[j], 1)
  }
}

/** A zero table longer than any code: stands in for the missing locus of a short pass. */
const ZERO = new Int32Array(65536)

const fieldOf = (x: number, field: number) => (field === 0 ? x & (FIELD_SHIFT - 1) : x >>> 16)

/** 1 if either field of the packed sum reaches its bound, else 0, without a branch. */
const isAlive = (x: number, b0: number, b1: number) => ((((x & 0xffff) - b0) & ((x >> 16) - b1)) >>> 31) ^ 1

function sumFour(
  c0: Uint16Array,
  t0: Int32Array,
  c1: Uint16Array,
  t1: Int32Array,
  c2: Uint16Array,
  t2: Int32Array,
  c3: Uint16Array,
  t3: Int32Array,
  start: number,
  count: number,
  isFirst: boolean,
): void {
  if (isFirst) acc.fill(0, 0, count)
  for (let j = 0; j < count; j++) {
    const i = start + j
    acc[j] += t0[c0[i]] + t1[c1[i]] + t2[c2[i]] + t3[c3[i]]
  }
}

/** cutFour for a block's first four loci: nothing summed before, so the partial sums are not read. */
function firstCut(
  c0: Uint16Array,
  t0: Int32Array,
  c1: Uint16Array,
  t1: Int32Array,
  c2: Uint16Array,
  t2: Int32Array,
  c3: Uint16Array,
  t3: Int32Array,
  b0: number,
  b1: number,
  start: number,
  count: number,
): number {
  let n = 0
  const low = b0 | 0
  const high = b1 | 0
  for (let j = 0; j < count; j++) {
    const i = start + j
    const v = t0[c0[i]] + t1[c1[i]] + t2[c2[i]] + t3[c3[i]]
    rows[n] = i
    acc[n] = v
    n += isAlive(v, low, high)
  }
  return n
}

/** Adds up to four loci to every row of the block and writes the survivors. */
function cutFour(
  c0: Uint16Array,
  t0: Int32Array,
  c1: Uint16Array,
  t1: Int32Array,
  c2: Uint16Array,
  t2: Int32Array,
  c3: Uint16Array,
  t3: Int32Array,
  b0: number,
  b1: number,
  start: number,
  count: number,
): number {
  let n = 0
  const low = b0 | 0 // integer bounds keep the test in int32 arithmetic (doubles here cost twice the time)
  const high = b1 | 0
  for (let j = 0; j < count; j++) {
    const i = start + j
    const v = acc[j] + t0[c0[i]] + t1[c1[i]] + t2[c2[i]] + t3[c3[i]]
    rows[n] = i
    acc[n] = v
    n += isAlive(v, low, high)
  }
  return n
}

/** Adds two loci to every row of the block (after a four-locus pass) and writes the survivors. */
function denseCutTwo(
  c1: Uint16Array,
  t1: Int32Array,
  c2: Uint16Array,
  t2: Int32Array,
  b0: number,
  b1: number,
  start: number,
  count: number,
): number {
  let n = 0
  const low = b0 | 0
  const high = b1 | 0
  for (let j = 0; j < count; j++) {
    const i = start + j
    const v = acc[j] + t1[c1[i]] + t2[c2[i]]
    rows[n] = i
    acc[n] = v
    n += isAlive(v, low, high)
  }
  return n
}

/** Adds two loci to the survivors and keeps those that can still reach a threshold. */
function cutTwo(c1: Uint16Array, t1: Int32Array, c2: Uint16Array, t2: Int32Array, b0: number, b1: number, n: number): number {
  let m = 0
  const low = b0 | 0
  const high = b1 | 0
  for (let j = 0; j < n; j++) {
    const r = rows[j]
    const v = acc[j] + t1[c1[r]] + t2[c2[r]]
    rows[m] = r
    acc[m] = v
    m += isAlive(v, low, high)
  }
  return m
}

/**
 * A child against family pairs: per locus (u_m(a)·u_f(b) + u_m(b)·u_f(a))·scale multiplied in linear space
 * (23 factors stay far inside double range), stopping at the first locus where the product drops below bound.
 */
function scanPairs(
  h: HydratedJob,
  pairs: PairChunk,
  used: number,
  references: ProfileChunk[],
  emit: (offset: number, field: number) => void,
): void {
  const { loci, bound, scale } = h.job
  const tables = h.floats
  const positions = loci.length
  for (let p = 0; p < used; p++) {
    const motherRow = pairs.mothers[p]
    if (motherRow === BLANK_ROW) continue
    const fatherRow = pairs.fathers[p]
    const mother = references[motherRow >>> CHUNK_SHIFT].columns
    const father = references[fatherRow >>> CHUNK_SHIFT].columns
    const mo = motherRow & (CHUNK_ROWS - 1)
    const fo = fatherRow & (CHUNK_ROWS - 1)
    let product = 1
    let k = 0
    for (; k < positions; k++) {
      const m = mother[loci[k]][mo]
      const f = father[loci[k]][fo]
      const ga = tables[2 * k]
      const gb = tables[2 * k + 1]
      product *= (ga[m] * gb[f] + gb[m] * ga[f]) * scale[k]
      if (product < bound[k]) break
    }
    if (k === positions) emit(p, 0)
  }
}
