// Where scan jobs run: in this thread (tests, small indexes, a CLI) or on the worker pool (pool.ts). Both cut
// the index into the same tasks, one per used chunk of each store a job needs, and return the same hits.
import type { SearchIndex } from './profile-index.ts'
import { CHUNK_ROWS, STORE_COUNT } from './layout.ts'
import type { ScanJob } from './plan.ts'
import { emptyHits, hydrateJob, runTasks, type ChunkSet, type HitList } from './scan.ts'

export interface ScanResult {
  /** Triples (store, chunk, rows used) as scanned; hits refer to them by number. */
  tasks: Int32Array
  hits: HitList
}

export interface ScanExecutor {
  scan(index: SearchIndex, jobs: ScanJob[]): Promise<ScanResult>
}

/**
 * The tasks of a scan: the row counts are read now, so profiles added while the scan runs wait for their own
 * search (every new profile is searched when it arrives).
 */
export function buildTasks(index: SearchIndex, jobs: readonly ScanJob[]): Int32Array {
  const stores = jobs.reduce((mask, job) => mask | job.stores, 0)
  const tasks: number[] = []
  for (let store = 0; store < STORE_COUNT; store++) {
    if ((stores & (1 << store)) === 0) continue
    const rows = index.rowCount(store)
    for (let chunk = 0; chunk * CHUNK_ROWS < rows; chunk++) tasks.push(store, chunk, Math.min(CHUNK_ROWS, rows - chunk * CHUNK_ROWS))
  }
  return Int32Array.from(tasks)
}

export function chunkSetOf(index: SearchIndex): ChunkSet {
  return { profiles: [0, 1, 2].map((store) => [...index.chunks(store)]), pairs: [...index.pairs.chunks] }
}

/** Runs every task in the calling thread. */
export const inlineExecutor: ScanExecutor = {
  scan(index, jobs) {
    const tasks = buildTasks(index, jobs)
    const hits = emptyHits()
    let next = 0
    runTasks(chunkSetOf(index), jobs.map(hydrateJob), tasks, () => next++, hits)
    return Promise.resolve({ tasks, hits })
  },
}
