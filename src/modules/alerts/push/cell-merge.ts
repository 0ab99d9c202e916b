// Compaction: a new CellStore from an old one and the subscribers added since, in one pass over the columns.
import { cellToLatLng, cellToParent, latLngToCell } from 'h3-js'
import { CellStore, type GroupTable } from './cell-store.ts'
import { fromE7, haversineKm } from './geo.ts'
import type { PointColumns } from './point-buffer.ts'

/**
 * A new store holding the live subscribers of `old` and all of `added`. Old cells keep their centre and
 * reach (a reach that only ever grows stays an upper bound when subscribers leave); new points widen it.
 */
export function mergeStore(old: CellStore, added: PointColumns): CellStore {
  const addedKeys = cellKeysOf(added, old.resolution)
  const merged = mergeCellKeys(old, addedKeys.keys)
  const addedOrder = groupByCell(addedKeys.keyNo, addedKeys.keys, merged)

  const start = new Uint32Array(merged.keys.length + 1)
  for (let m = 0; m < merged.keys.length; m++) {
    const o = merged.oldCell[m]
    const oldLive = o < 0 ? 0 : old.cellStart[o + 1] - old.cellStart[o] - old.cellDead[o]
    start[m + 1] = start[m] + oldLive + (addedOrder.start[m + 1] - addedOrder.start[m])
  }
  const total = start[merged.keys.length]
  const points = { ids: new Uint32Array(total), latE7: new Int32Array(total), lonE7: new Int32Array(total), count: total }
  const cells = { keys: merged.keys, start, ...cellGeometry(merged.keys, merged.oldCell, old) }

  for (let m = 0; m < merged.keys.length; m++) {
    const o = merged.oldCell[m]
    let at = o < 0 ? start[m] : copyLive(old, o, points, start[m])
    for (let j = addedOrder.start[m]; j < addedOrder.start[m + 1]; j++) {
      const i = addedOrder.order[j]
      points.ids[at] = added.ids[i]
      points.latE7[at] = added.latE7[i]
      points.lonE7[at] = added.lonE7[i]
      const km = haversineKm(cells.lat[m], cells.lon[m], fromE7(added.latE7[i]), fromE7(added.lonE7[i]))
      if (km > cells.reachKm[m]) cells.reachKm[m] = km
      at++
    }
  }
  const parents = merged.keys.map((key, m) =>
    merged.oldCell[m] < 0 ? cellToParent(key, old.groupResolution) : old.groupKeys[old.cellGroup[merged.oldCell[m]]],
  )
  const groups = groupCells(merged.keys, parents, old.groupResolution, cells)
  return new CellStore(old.resolution, old.groupResolution, cells, groups, points)
}

/** The H3 cell of every added point, as a number into a list of distinct keys. */
function cellKeysOf(added: PointColumns, resolution: number): { keyNo: Uint32Array; keys: string[] } {
  const keyNo = new Uint32Array(added.count)
  const numbers = new Map<string, number>()
  const keys: string[] = []
  for (let i = 0; i < added.count; i++) {
    const key = latLngToCell(fromE7(added.latE7[i]), fromE7(added.lonE7[i]), resolution)
    let n = numbers.get(key)
    if (n === undefined) {
      n = keys.length
      keys.push(key)
      numbers.set(key, n)
    }
    keyNo[i] = n
  }
  return { keyNo, keys }
}

/** Old cells that still hold someone or receive someone, and the new keys, in one sorted list (oldCell -1: new). */
function mergeCellKeys(old: CellStore, addedKeys: string[]): { keys: string[]; oldCell: Int32Array } {
  const receiving = new Set(addedKeys)
  const fresh = addedKeys.filter((key) => old.findCell(key) < 0).sort()
  const keys: string[] = []
  const oldCell: number[] = []
  let f = 0
  const takeFreshBefore = (key: string | undefined) => {
    while (f < fresh.length && (key === undefined || fresh[f] < key)) {
      keys.push(fresh[f++])
      oldCell.push(-1)
    }
  }
  for (let o = 0; o < old.cellCount; o++) {
    const key = old.cellKeys[o]
    takeFreshBefore(key)
    const live = old.cellStart[o + 1] - old.cellStart[o] - old.cellDead[o]
    if (live > 0 || receiving.has(key)) {
      keys.push(key)
      oldCell.push(o)
    }
  }
  takeFreshBefore(undefined)
  return { keys, oldCell: Int32Array.from(oldCell) }
}

/** A counting sort of the added points by merged cell: points of cell m are order[start[m] … start[m+1]-1]. */
function groupByCell(keyNo: Uint32Array, keys: string[], merged: { keys: string[] }): { start: Uint32Array; order: Uint32Array } {
  const position = new Map(merged.keys.map((key, m) => [key, m]))
  const mergedOfKey = Uint32Array.from(keys, (key) => position.get(key)!)
  const start = new Uint32Array(merged.keys.length + 1)
  for (let i = 0; i < keyNo.length; i++) start[mergedOfKey[keyNo[i]] + 1]++
  for (let m = 0; m < merged.keys.length; m++) start[m + 1] += start[m]
  const next = start.slice(0, merged.keys.length)
  const order = new Uint32Array(keyNo.length)
  for (let i = 0; i < keyNo.length; i++) order[next[mergedOfKey[keyNo[i]]]++] = i
  return { start, order }
}

function cellGeometry(keys: string[], oldCell: Int32Array, old: CellStore) {
  const lat = new Float64Array(keys.length)
  const lon = new Float64Array(keys.length)
  const reachKm = new Float64Array(keys.length)
  keys.forEach((key, m) => {
    const o = oldCell[m]
    if (o >= 0) {
      lat[m] = old.cellLat[o]
      lon[m] = old.cellLon[o]
      reachKm[m] = old.cellReachKm[o]
    } else {
      ;[lat[m], lon[m]] = cellToLatLng(key)
    }
  })
  return { lat, lon, reachKm }
}

/** Copies old cell o's live subscribers to `to` from position `at`; returns the position after them. */
function copyLive(old: CellStore, o: number, to: PointColumns, at: number): number {
  const from = old.points
  const begin = old.cellStart[o]
  const end = old.cellStart[o + 1]
  if (old.cellDead[o] === 0) {
    to.ids.set(from.ids.subarray(begin, end), at)
    to.latE7.set(from.latE7.subarray(begin, end), at)
    to.lonE7.set(from.lonE7.subarray(begin, end), at)
    return at + end - begin
  }
  for (let i = begin; i < end; i++) {
    if (old.isDead(i)) continue
    to.ids[at] = from.ids[i]
    to.latE7[at] = from.latE7[i]
    to.lonE7[at] = from.lonE7[i]
    at++
  }
  return at
}

/** Runs of cells sharing a parent; a group's reach covers its cells' reaches around the parent's centre. */
function groupCells(
  keys: string[],
  parents: string[],
  groupResolution: number,
  cells: { lat: Float64Array; lon: Float64Array; reachKm: Float64Array },
): GroupTable {
  const groupKeys: string[] = []
  const cellStart: number[] = []
  const ofCell = new Uint32Array(keys.length)
  for (let m = 0; m < keys.length; m++) {
    if (m === 0 || parents[m] !== parents[m - 1]) {
      groupKeys.push(parents[m])
      cellStart.push(m)
    }
    ofCell[m] = groupKeys.length - 1
  }
  cellStart.push(keys.length)
  if (new Set(groupKeys).size !== groupKeys.length)
    throw new Error(`H3 cells sorted by index are not grouped by their res-${groupResolution} parent`)
  const lat = new Float64Array(groupKeys.length)
  const lon = new Float64Array(groupKeys.length)
  const reachKm = new Float64Array(groupKeys.length)
  groupKeys.forEach((key, g) => {
    ;[lat[g], lon[g]] = cellToLatLng(key)
    for (let m = cellStart[g]; m < cellStart[g + 1]; m++) {
      reachKm[g] = Math.max(reachKm[g], haversineKm(lat[g], lon[g], cells.lat[m], cells.lon[m]) + cells.reachKm[m])
    }
  })
  return { keys: groupKeys, ofCell, cellStart: Uint32Array.from(cellStart), lat, lon, reachKm }
}
