// The worker pool: N worker threads (default 2, one per core here) that share the index's chunk buffers, so
// nothing is copied but the query tables. A scan goes to every worker at once; they take chunks from a shared
// counter and each sends back its survivors.
import { Worker } from 'node:worker_threads'
import { buildTasks, type ScanExecutor, type ScanResult } from './executor.ts'
import type { SearchIndex } from './profile-index.ts'
import { STORE_COUNT } from './layout.ts'
import type { ScanJob } from './plan.ts'
import { emptyHits } from './scan.ts'
import type { ChunkMessage, DoneMessage, FailedMessage, ScanMessage } from './worker.ts'

interface Pending {
  parts: DoneMessage[]
  tasks: Int32Array
  resolve: (result: ScanResult) => void
  reject: (error: Error) => void
}

export interface WorkerPoolOptions {
  /** Worker threads; default 2. */
  size?: number
}

export class WorkerPool implements ScanExecutor {
  readonly size: number
  #workers: Worker[] = []
  readonly #pending = new Map<number, Pending>()
  /** Chunks each worker has been sent, per store, for the index it was last given. */
  #sent: number[][] = []
  #index: SearchIndex | null = null
  #nextId = 1

  constructor(options: WorkerPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 2)
  }

  /** Scans the index with the jobs on all workers (started on first use, for the index's number of loci). */
  scan(index: SearchIndex, jobs: ScanJob[]): Promise<ScanResult> {
    if (index !== this.#index) this.#adopt(index)
    this.#sendNewChunks(index)
    const id = this.#nextId++
    const tasks = buildTasks(index, jobs)
    const message: ScanMessage = { type: 'scan', id, jobs: shareTables(jobs), tasks, counter: new SharedArrayBuffer(4) }
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { parts: [], tasks, resolve, reject })
      for (const worker of this.#workers) worker.postMessage(message)
    })
  }

  async close(): Promise<void> {
    const workers = this.#workers
    this.#workers = []
    this.#index = null
    await Promise.all(workers.map((w) => w.terminate()))
  }

  #startWorker(lociCount: number): Worker {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { lociCount } })
    worker.on('message', (message: DoneMessage | FailedMessage) => this.#receive(message))
    worker.on('error', (error) => this.#failAll(error))
    worker.on('exit', (code) => {
      if (this.#workers.includes(worker)) this.#failAll(new Error(`search worker exited with code ${code}`))
    })
    return worker
  }

  #receive(message: DoneMessage | FailedMessage): void {
    const pending = this.#pending.get(message.id)
    if (!pending) return
    if (message.type === 'failed') {
      this.#pending.delete(message.id)
      pending.reject(new Error(`search worker failed: ${message.message}`))
      return
    }
    pending.parts.push(message)
    if (pending.parts.length < this.size) return
    this.#pending.delete(message.id)
    const hits = emptyHits()
    for (const part of pending.parts) {
      for (let i = 0; i < part.job.length; i++) {
        hits.job.push(part.job[i])
        hits.field.push(part.field[i])
        hits.task.push(part.task[i])
        hits.offset.push(part.offset[i])
      }
    }
    pending.resolve({ tasks: pending.tasks, hits })
  }

  #failAll(error: Error): void {
    for (const [id, pending] of this.#pending) {
      this.#pending.delete(id)
      pending.reject(error)
    }
  }

  /** A different index: fresh workers, whose chunk views start from zero. */
  #adopt(index: SearchIndex): void {
    for (const worker of this.#workers) void worker.terminate()
    this.#index = index
    this.#workers = Array.from({ length: this.size }, () => this.#startWorker(index.loci.length))
    this.#sent = this.#workers.map(() => new Array<number>(STORE_COUNT).fill(0))
  }

  /** Chunks made since the last scan; messages keep their order, so they arrive before the scan that needs them. */
  #sendNewChunks(index: SearchIndex): void {
    this.#workers.forEach((worker, w) => {
      const message: ChunkMessage = { type: 'chunks', chunks: [] }
      for (let store = 0; store < STORE_COUNT; store++) {
        const buffers = index.chunkBuffers(store)
        for (let i = this.#sent[w][store]; i < buffers.length; i++) message.chunks.push({ store, index: i, buffer: buffers[i] })
        this.#sent[w][store] = buffers.length
      }
      if (message.chunks.length > 0) worker.postMessage(message)
    })
  }
}

/** Moves every job's tables into one SharedArrayBuffer, so the workers share them instead of each copying. */
function shareTables(jobs: ScanJob[]): ScanJob[] {
  const padded = (n: number) => Math.ceil(n / 8) * 8 // a Float64Array view must start on 8 bytes
  const shared = new SharedArrayBuffer(
    Math.max(
      8,
      jobs.reduce((n, job) => n + padded(job.data.byteLength), 0),
    ),
  )
  let at = 0
  return jobs.map((job) => {
    const view =
      job.data instanceof Int32Array ? new Int32Array(shared, at, job.data.length) : new Float64Array(shared, at, job.data.length)
    view.set(job.data)
    at += padded(job.data.byteLength)
    return { ...job, data: view }
  })
}
