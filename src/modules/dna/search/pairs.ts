// Mother–father pairs of family groups, so that a child's profile can be searched in trio mode against both
// parents together. A pair is two rows of the reference store, kept in shared chunks (Uint32 mother rows,
// then Uint32 father rows) that the workers scan like any other store.
import { BLANK_ROW, CHUNK_ROWS, CHUNK_SHIFT, PAIR_CHUNK_BYTES, pairChunkViews, type PairChunk } from './layout.ts'

export class FamilyPairs {
  readonly buffers: SharedArrayBuffer[] = []
  readonly chunks: PairChunk[] = []
  rows = 0
  readonly #byRows = new Map<string, number>()

  /** Adds the pair of reference rows (idempotent). */
  add(motherRow: number, fatherRow: number): void {
    const id = `${motherRow},${fatherRow}`
    if (this.#byRows.has(id)) return
    const row = this.rows++
    if (row >>> CHUNK_SHIFT >= this.chunks.length) {
      const buffer = new SharedArrayBuffer(PAIR_CHUNK_BYTES)
      this.buffers.push(buffer)
      this.chunks.push(pairChunkViews(buffer))
    }
    this.#set(row, motherRow, fatherRow)
    this.#byRows.set(id, row)
  }

  remove(motherRow: number, fatherRow: number): boolean {
    const id = `${motherRow},${fatherRow}`
    const row = this.#byRows.get(id)
    if (row === undefined) return false
    this.#set(row, BLANK_ROW, BLANK_ROW)
    this.#byRows.delete(id)
    return true
  }

  /** Drops every pair one of whose parents sat at this reference row (the profile was removed). */
  removeRow(referenceRow: number): void {
    for (const id of [...this.#byRows.keys()]) {
      const [m, f] = id.split(',').map(Number)
      if (m === referenceRow || f === referenceRow) this.remove(m, f)
    }
  }

  /** Reference rows [mother, father] of a pair, or null if it was removed. */
  rowsAt(row: number): [number, number] | null {
    const chunk = this.chunks[row >>> CHUNK_SHIFT]
    const offset = row & (CHUNK_ROWS - 1)
    return chunk.mothers[offset] === BLANK_ROW ? null : [chunk.mothers[offset], chunk.fathers[offset]]
  }

  memoryBytes(): number {
    return this.buffers.reduce((sum, b) => sum + b.byteLength, 0) + this.#byRows.size * 80
  }

  #set(row: number, motherRow: number, fatherRow: number): void {
    const chunk = this.chunks[row >>> CHUNK_SHIFT]
    chunk.mothers[row & (CHUNK_ROWS - 1)] = motherRow
    chunk.fathers[row & (CHUNK_ROWS - 1)] = fatherRow
  }
}
