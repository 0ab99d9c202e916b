// The public face of the DNA module: what other modules and the platform may use.
export { installShippedFrequencyTables, getDefaultFrequencyTable } from './frequency-tables.ts'
export { recordHit, HIT_REVIEW_KIND } from './hits.ts'
export { drainSearchQueue, queueFullRerun, useSearchExecutor, useSearchThresholds } from './search-service.ts'
export { WorkerPool } from './search/pool.ts'
