/** Subscribers as three parallel columns: 12 bytes each, no object per subscriber. */
export interface PointColumns {
  readonly ids: Uint32Array
  /** Latitude in 1e-7 degrees (see geo.ts `toE7`). */
  readonly latE7: Int32Array
  readonly lonE7: Int32Array
  readonly count: number
}

/** Growable columns: the subscribers added since the last compaction, or a bulk load being gathered. */
export class PointBuffer implements PointColumns {
  ids: Uint32Array
  latE7: Int32Array
  lonE7: Int32Array
  count = 0

  constructor(capacity = 1024) {
    this.ids = new Uint32Array(capacity)
    this.latE7 = new Int32Array(capacity)
    this.lonE7 = new Int32Array(capacity)
  }

  push(id: number, latE7: number, lonE7: number): void {
    if (this.count === this.ids.length) this.grow()
    this.ids[this.count] = id
    this.latE7[this.count] = latE7
    this.lonE7[this.count] = lonE7
    this.count++
  }

  indexOf(id: number, latE7: number, lonE7: number): number {
    for (let i = 0; i < this.count; i++) {
      if (this.ids[i] === id && this.latE7[i] === latE7 && this.lonE7[i] === lonE7) return i
    }
    return -1
  }

  /** Removes entry i by moving the last one into its place (order is not kept). */
  removeAt(i: number): void {
    const last = --this.count
    this.ids[i] = this.ids[last]
    this.latE7[i] = this.latE7[last]
    this.lonE7[i] = this.lonE7[last]
  }

  /** Empties the buffer and gives back its memory. */
  reset(capacity = 1024): void {
    this.ids = new Uint32Array(capacity)
    this.latE7 = new Int32Array(capacity)
    this.lonE7 = new Int32Array(capacity)
    this.count = 0
  }

  get byteLength(): number {
    return this.ids.byteLength + this.latE7.byteLength + this.lonE7.byteLength
  }

  private grow(): void {
    const capacity = Math.max(1024, this.ids.length * 2)
    const ids = new Uint32Array(capacity)
    const latE7 = new Int32Array(capacity)
    const lonE7 = new Int32Array(capacity)
    ids.set(this.ids)
    latE7.set(this.latE7)
    lonE7.set(this.lonE7)
    this.ids = ids
    this.latE7 = latE7
    this.lonE7 = lonE7
  }
}
