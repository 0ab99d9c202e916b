// A scan worker: keeps views over the index's shared chunks (sent once each) and runs scan tasks, taking the
// next chunk from a counter shared with the other workers so that a slow chunk never holds the rest back.
import { parentPort, workerData } from 'node:worker_threads'
import { PAIR_STORE, pairChunkViews, profileChunkViews } from './layout.ts'
import type { ScanJob } from './plan.ts'
import { emptyHits, hydrateJob, runTasks, type ChunkSet } from './scan.ts'

export interface ChunkMessage {
  type: 'chunks'
  chunks: { store: number; index: number; buffer: SharedArrayBuffer }[]
}
export interface ScanMessage {
  type: 'scan'
  id: number
  jobs: ScanJob[]
  tasks: Int32Array
  /** One Int32 shared by the workers of this scan: the next task to take. */
  counter: SharedArrayBuffer
}
export interface DoneMessage {
  type: 'done'
  id: number
  job: Int32Array<ArrayBuffer>
  field: Int32Array<ArrayBuffer>
  task: Int32Array<ArrayBuffer>
  offset: Int32Array<ArrayBuffer>
}
export interface FailedMessage {
  type: 'failed'
  id: number
  message: string
}

const { lociCount } = workerData as { lociCount: number }
const chunks: ChunkSet = { profiles: [[], [], []], pairs: [] }

function receiveChunks(message: ChunkMessage): void {
  for (const { store, index, buffer } of message.chunks) {
    if (store === PAIR_STORE) chunks.pairs[index] = pairChunkViews(buffer)
    else chunks.profiles[store][index] = profileChunkViews(buffer, lociCount)
  }
}

function runScan(message: ScanMessage): DoneMessage {
  const counter = new Int32Array(message.counter)
  const hits = emptyHits()
  runTasks(chunks, message.jobs.map(hydrateJob), message.tasks, () => Atomics.add(counter, 0, 1), hits)
  return {
    type: 'done',
    id: message.id,
    job: Int32Array.from(hits.job),
    field: Int32Array.from(hits.field),
    task: Int32Array.from(hits.task),
    offset: Int32Array.from(hits.offset),
  }
}

parentPort!.on('message', (message: ChunkMessage | ScanMessage) => {
  if (message.type === 'chunks') return receiveChunks(message)
  try {
    const done = runScan(message)
    parentPort!.postMessage(done, [done.job.buffer, done.field.buffer, done.task.buffer, done.offset.buffer])
  } catch (error) {
    parentPort!.postMessage({ type: 'failed', id: message.id, message: String((error as Error)?.stack ?? error) } satisfies FailedMessage)
  }
})
