// The compacted part of the subscriber index: every subscriber in one set of columns sorted by H3 cell, cells
// sorted by their H3 index. H3 indexes put the coarse digits first, so sorting cells of one resolution also
// lays the children of every coarser cell (a "group") side by side: a group is a run of cells, and its
// subscribers are one contiguous slice of the columns.
//
// Each cell and group keeps a reach: a distance from its centre that no subscriber in it exceeds, measured
// from the stored points themselves, not from the cell's outline. By the triangle inequality it bounds the
// distance from any query centre to any of its subscribers, whatever the shape of the H3 cell.
import { latLngToCell } from 'h3-js'
import { fromE7 } from './geo.ts'
import type { PointColumns } from './point-buffer.ts'

export class CellStore {
  readonly resolution: number
  readonly groupResolution: number
  readonly cellKeys: string[]
  /** Cell c's subscribers are positions cellStart[c] … cellStart[c+1]-1. */
  readonly cellStart: Uint32Array
  readonly cellLat: Float64Array
  readonly cellLon: Float64Array
  readonly cellReachKm: Float64Array
  readonly cellGroup: Uint32Array
  readonly groupKeys: string[]
  /** Group g's cells are groupCellStart[g] … groupCellStart[g+1]-1. */
  readonly groupCellStart: Uint32Array
  readonly groupLat: Float64Array
  readonly groupLon: Float64Array
  readonly groupReachKm: Float64Array
  readonly points: PointColumns
  /** Removed subscribers stay in place, marked here (one bit per position), until the next compaction. */
  readonly dead: Uint8Array
  readonly cellDead: Uint32Array
  readonly groupDead: Uint32Array
  deadCount = 0

  constructor(resolution: number, groupResolution: number, cells: CellTable, groups: GroupTable, points: PointColumns) {
    this.resolution = resolution
    this.groupResolution = groupResolution
    this.cellKeys = cells.keys
    this.cellStart = cells.start
    this.cellLat = cells.lat
    this.cellLon = cells.lon
    this.cellReachKm = cells.reachKm
    this.cellGroup = groups.ofCell
    this.groupKeys = groups.keys
    this.groupCellStart = groups.cellStart
    this.groupLat = groups.lat
    this.groupLon = groups.lon
    this.groupReachKm = groups.reachKm
    this.points = points
    this.dead = new Uint8Array(Math.ceil(points.count / 8))
    this.cellDead = new Uint32Array(cells.keys.length)
    this.groupDead = new Uint32Array(groups.keys.length)
  }

  get cellCount(): number {
    return this.cellKeys.length
  }

  get groupCount(): number {
    return this.groupKeys.length
  }

  get liveCount(): number {
    return this.points.count - this.deadCount
  }

  isDead(position: number): boolean {
    return ((this.dead[position >>> 3] >>> (position & 7)) & 1) === 1
  }

  /** The cell's number, or -1 when no subscriber is stored in it. */
  findCell(key: string): number {
    let lo = 0
    let hi = this.cellKeys.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const k = this.cellKeys[mid]
      if (k === key) return mid
      if (k < key) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  /** Marks the live subscriber (id, position) as removed; false when it is not stored here. */
  remove(id: number, latE7: number, lonE7: number): boolean {
    const cell = this.findCell(latLngToCell(fromE7(latE7), fromE7(lonE7), this.resolution))
    if (cell < 0) return false
    const { ids, latE7: lats, lonE7: lons } = this.points
    for (let i = this.cellStart[cell]; i < this.cellStart[cell + 1]; i++) {
      if (ids[i] === id && lats[i] === latE7 && lons[i] === lonE7 && !this.isDead(i)) {
        this.dead[i >>> 3] |= 1 << (i & 7)
        this.cellDead[cell]++
        this.groupDead[this.cellGroup[cell]]++
        this.deadCount++
        return true
      }
    }
    return false
  }

  /** Byte size of the typed arrays (the cell and group keys, a few per thousand subscribers, are left out). */
  get byteLength(): number {
    const arrays = [
      this.cellStart,
      this.cellLat,
      this.cellLon,
      this.cellReachKm,
      this.cellGroup,
      this.groupCellStart,
      this.groupLat,
      this.groupLon,
      this.groupReachKm,
      this.points.ids,
      this.points.latE7,
      this.points.lonE7,
      this.dead,
      this.cellDead,
      this.groupDead,
    ]
    return arrays.reduce((sum, a) => sum + a.byteLength, 0)
  }
}

export interface CellTable {
  keys: string[]
  start: Uint32Array
  lat: Float64Array
  lon: Float64Array
  reachKm: Float64Array
}

export interface GroupTable {
  keys: string[]
  ofCell: Uint32Array
  cellStart: Uint32Array
  lat: Float64Array
  lon: Float64Array
  reachKm: Float64Array
}

export function emptyStore(resolution: number, groupResolution: number): CellStore {
  const none = { ids: new Uint32Array(0), latE7: new Int32Array(0), lonE7: new Int32Array(0), count: 0 }
  const cells = { keys: [], start: new Uint32Array(1), lat: new Float64Array(0), lon: new Float64Array(0), reachKm: new Float64Array(0) }
  const groups = {
    keys: [],
    ofCell: new Uint32Array(0),
    cellStart: new Uint32Array(1),
    lat: new Float64Array(0),
    lon: new Float64Array(0),
    reachKm: new Float64Array(0),
  }
  return new CellStore(resolution, groupResolution, cells, groups, none)
}
