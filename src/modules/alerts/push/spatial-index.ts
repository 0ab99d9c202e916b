// Who is inside the alert's circle, among everyone who subscribed to Web Push with a location. The answer is
// exact: the same set as testing every subscriber with `haversineKm(centre, location) <= radiusKm`, without
// testing every subscriber. See README.md for the proof and the measured choice of resolution.
import { mergeStore } from './cell-merge.ts'
import { CellStore, emptyStore } from './cell-store.ts'
import { assertPosition, Circle, fromE7, toE7 } from './geo.ts'
import { PointBuffer, type PointColumns } from './point-buffer.ts'

/** Chosen by measurement at 10 M subscribers over China (README.md). */
export const DEFAULT_RESOLUTION = 5
/** Groups are parents this many levels up: 7² = 49 cells per group. */
const GROUP_LEVELS = 2

// Decisions taken wholesale (whole cell in, whole cell out) keep this far from the radius, so that float64
// rounding in the bounds (nanometres) can never tip them; points within it are tested one by one.
const SLACK_KM = 0.001

export interface SubscriberIndexOptions {
  /** H3 resolution of the cells subscribers are grouped by (3–7). */
  resolution?: number
  /** Compact once this many additions and removals are pending; default max(16 384, live / 64). */
  compactAfter?: (liveCount: number) => number
}

/** Counts of what one selection did, for the benchmark. */
export interface SelectionTrace {
  groupsWhole: number
  groupsSplit: number
  cellsWhole: number
  cellsTested: number
  pointsTested: number
}

export interface Subscriber {
  /** A 32-bit unsigned number the caller maps to its subscription (e.g. a serial column). */
  id: number
  lat: number
  lon: number
}

export class SubscriberIndex {
  private store: CellStore
  private readonly pending = new PointBuffer()
  private readonly compactAfter: (liveCount: number) => number

  constructor(options: SubscriberIndexOptions = {}) {
    const resolution = options.resolution ?? DEFAULT_RESOLUTION
    if (!Number.isInteger(resolution) || resolution < GROUP_LEVELS || resolution > 7) throw new RangeError(`resolution must be 2–7`)
    this.store = emptyStore(resolution, resolution - GROUP_LEVELS)
    this.compactAfter = options.compactAfter ?? ((live) => Math.max(16_384, Math.floor(live / 64)))
  }

  /** An index of many subscribers at once (a load at start-up): one sort instead of repeated compactions. */
  static build(subscribers: Iterable<Subscriber>, options?: SubscriberIndexOptions): SubscriberIndex {
    const columns = new PointBuffer()
    for (const s of subscribers) {
      checkSubscriber(s)
      columns.push(s.id, toE7(s.lat), toE7(s.lon))
    }
    return SubscriberIndex.fromColumns(columns, options)
  }

  /** Like build, from columns already in fixed point (1e-7°); the columns are copied, not kept. */
  static fromColumns(columns: PointColumns, options?: SubscriberIndexOptions): SubscriberIndex {
    const index = new SubscriberIndex(options)
    index.store = mergeStore(index.store, columns)
    return index
  }

  get size(): number {
    return this.store.liveCount + this.pending.count
  }

  get resolution(): number {
    return this.store.resolution
  }

  /** Adds a subscriber. Ids are the caller's to keep unique: to move someone, remove then add. */
  add(subscriber: Subscriber): void {
    checkSubscriber(subscriber)
    this.pending.push(subscriber.id, toE7(subscriber.lat), toE7(subscriber.lon))
    this.compactIfDue()
  }

  /** Removes the subscriber added with this id and location; false when there is none. */
  remove(subscriber: Subscriber): boolean {
    checkSubscriber(subscriber)
    const latE7 = toE7(subscriber.lat)
    const lonE7 = toE7(subscriber.lon)
    const pendingAt = this.pending.indexOf(subscriber.id, latE7, lonE7)
    if (pendingAt >= 0) {
      this.pending.removeAt(pendingAt)
      return true
    }
    const removed = this.store.remove(subscriber.id, latE7, lonE7)
    if (removed) this.compactIfDue()
    return removed
  }

  /** Folds pending additions in and drops removed subscribers (O(n): a memory copy and a sort of new cells). */
  compact(): void {
    this.store = mergeStore(this.store, this.pending)
    this.pending.reset()
  }

  /** Ids of exactly the subscribers within radiusKm (great circle, inclusive) of the centre, in no order. */
  selectWithin(lat: number, lon: number, radiusKm: number, trace?: SelectionTrace): Uint32Array {
    const circle = new Circle(lat, lon, radiusKm)
    const plan = planSelection(this.store, circle, trace)
    const out = new Uint32Array(plan.bound + this.pending.count)
    let n = 0
    for (let r = 0; r < plan.whole.length; r += 3) n = takeWhole(this.store, plan.whole, r, out, n)
    for (let r = 0; r < plan.tested.length; r += 3) n = takeTested(this.store, plan.tested, r, circle, out, n)
    n = takeTestedColumns(this.pending, 0, this.pending.count, circle, out, n)
    if (trace) trace.pointsTested += this.pending.count
    return out.subarray(0, n)
  }

  /** Bytes held in typed arrays (the index itself, without the JS engine's overhead). */
  get byteLength(): number {
    return this.store.byteLength + this.pending.byteLength
  }

  get cellCount(): number {
    return this.store.cellCount
  }

  private compactIfDue(): void {
    if (this.pending.count + this.store.deadCount >= this.compactAfter(this.size)) this.compact()
  }
}

function checkSubscriber(s: Subscriber): void {
  if (!Number.isInteger(s.id) || s.id < 0 || s.id > 0xffffffff)
    throw new RangeError(`subscriber id must be a 32-bit unsigned integer, got ${s.id}`)
  assertPosition(s.lat, s.lon)
}

interface Plan {
  /** Position ranges as triples (begin, end, hasDead): every live subscriber in them is inside. */
  whole: number[]
  /** Ranges whose subscribers must each be tested. */
  tested: number[]
  /** An upper bound on the number of ids the ranges can yield. */
  bound: number
}

/**
 * Sorts groups, then cells, into inside / outside / straddling. With d the centre-to-centre distance and r the
 * reach: d + r ≤ radius − slack puts every subscriber inside; d − r > radius + slack puts every one outside.
 */
function planSelection(store: CellStore, circle: Circle, trace?: SelectionTrace): Plan {
  const plan: Plan = { whole: [], tested: [], bound: 0 }
  const inner = circle.radiusKm - SLACK_KM
  const outer = circle.radiusKm + SLACK_KM
  const { cellStart, groupCellStart } = store
  for (let g = 0; g < store.groupCount; g++) {
    const d = circle.distanceKm(store.groupLat[g], store.groupLon[g])
    const reach = store.groupReachKm[g]
    if (d - reach > outer) continue
    const firstCell = groupCellStart[g]
    const endCell = groupCellStart[g + 1]
    if (d + reach <= inner) {
      addRange(plan.whole, cellStart[firstCell], cellStart[endCell], store.groupDead[g], plan)
      if (trace) trace.groupsWhole++
      continue
    }
    if (trace) trace.groupsSplit++
    for (let c = firstCell; c < endCell; c++) {
      const dc = circle.distanceKm(store.cellLat[c], store.cellLon[c])
      const rc = store.cellReachKm[c]
      if (dc - rc > outer) continue
      const into = dc + rc <= inner ? plan.whole : plan.tested
      addRange(into, cellStart[c], cellStart[c + 1], store.cellDead[c], plan)
      if (trace && into === plan.whole) trace.cellsWhole++
      if (trace && into === plan.tested) {
        trace.cellsTested++
        trace.pointsTested += cellStart[c + 1] - cellStart[c]
      }
    }
  }
  return plan
}

function addRange(ranges: number[], begin: number, end: number, dead: number, plan: Plan): void {
  // Neighbouring cells taken whole are one copy.
  const last = ranges.length - 3
  if (last >= 0 && ranges[last + 1] === begin && ranges[last + 2] > 0 === dead > 0) {
    ranges[last + 1] = end
    ranges[last + 2] += dead
  } else {
    ranges.push(begin, end, dead)
  }
  plan.bound += end - begin
}

function takeWhole(store: CellStore, ranges: number[], r: number, out: Uint32Array, n: number): number {
  const begin = ranges[r]
  const end = ranges[r + 1]
  const ids = store.points.ids
  if (ranges[r + 2] === 0) {
    out.set(ids.subarray(begin, end), n)
    return n + end - begin
  }
  for (let i = begin; i < end; i++) if (!store.isDead(i)) out[n++] = ids[i]
  return n
}

function takeTested(store: CellStore, ranges: number[], r: number, circle: Circle, out: Uint32Array, n: number): number {
  if (ranges[r + 2] === 0) return takeTestedColumns(store.points, ranges[r], ranges[r + 1], circle, out, n)
  const { ids, latE7, lonE7 } = store.points
  for (let i = ranges[r]; i < ranges[r + 1]; i++) {
    if (!store.isDead(i) && circle.contains(fromE7(latE7[i]), fromE7(lonE7[i]))) out[n++] = ids[i]
  }
  return n
}

function takeTestedColumns(columns: PointColumns, begin: number, end: number, circle: Circle, out: Uint32Array, n: number): number {
  const { ids, latE7, lonE7 } = columns
  for (let i = begin; i < end; i++) {
    if (circle.contains(fromE7(latE7[i]), fromE7(lonE7[i]))) out[n++] = ids[i]
  }
  return n
}
