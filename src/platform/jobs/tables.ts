import { pgTable, text } from 'drizzle-orm/pg-core'
import { at } from '../db/columns.ts'

/**
 * One row per job whose effects have committed. A handler's effects and its receipt share a
 * transaction, so a job retried after a crash finds its receipt and does nothing twice.
 */
export const jobReceipt = pgTable('job_receipt', {
  jobId: text().primaryKey(),
  queue: text().notNull(),
  completedAt: at().notNull(),
})
