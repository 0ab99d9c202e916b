import { afterEach, describe, expect, it } from 'vitest'
import { setTimeout as sleep } from 'node:timers/promises'
import { eq, sql } from 'drizzle-orm'
import { manualClock } from '../clock.ts'
import { queryRows, type Database, type Db } from '../db/client.ts'
import { reopen, testDb } from '../db/testing.ts'
import { testLog } from '../testing.ts'
import { createJobs, runOnce, type JobHandler, type Jobs } from './jobs.ts'
import { jobReceipt } from './tables.ts'

// The effects of the jobs under test: a table of their own, written in the job's transaction.
async function withEffects(database: Database): Promise<Database> {
  await database.db.execute(sql`CREATE TABLE IF NOT EXISTS test_job_effect (job_id text NOT NULL, note text NOT NULL)`)
  return database
}

const effects = (db: Db) =>
  queryRows<{ job_id: string; note: string }>(db, sql`SELECT job_id, note FROM test_job_effect ORDER BY job_id, note`)

const record =
  (note: string): JobHandler<object> =>
  async (job) => {
    await job.tx.execute(sql`INSERT INTO test_job_effect (job_id, note) VALUES (${job.id}, ${note})`)
  }

/** Waits for `probe` to answer something truthy; pg-boss polls once a second here. */
async function until<T>(probe: () => Promise<T>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(100)
  }
}

let cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.reverse()) await step()
  cleanup = []
})

async function database(options: { onDisk?: boolean } = {}) {
  const handle = { current: await withEffects(await testDb(options)) }
  cleanup.push(() => handle.current.close())
  return handle
}

function jobsOn(db: Database): Jobs {
  const jobs = createJobs(db, testLog, manualClock('2026-01-05T01:00:00Z'))
  cleanup.push(() => jobs.stop())
  return jobs
}

describe('runOnce', () => {
  const clock = manualClock('2026-01-05T01:00:00Z')
  const job = (id: string) => ({ id, name: 'test.once', data: {}, retryCount: 0 })

  it('runs a handler once per job id, however often it is called', async () => {
    const { current: db } = await database()
    expect(await runOnce(db.db, job('job-1'), record('first'), clock)).toBe(true)
    expect(await runOnce(db.db, job('job-1'), record('again'), clock)).toBe(false)
    expect(await runOnce(db.db, { ...job('job-1'), retryCount: 3 }, record('retry'), clock)).toBe(false)
    expect(await runOnce(db.db, job('job-2'), record('other'), clock)).toBe(true)
    expect(await effects(db.db)).toEqual([
      { job_id: 'job-1', note: 'first' },
      { job_id: 'job-2', note: 'other' },
    ])
    expect(await db.db.select().from(jobReceipt).where(eq(jobReceipt.jobId, 'job-1'))).toEqual([
      { jobId: 'job-1', queue: 'test.once', completedAt: clock.now() },
    ])
  })

  it('runs a handler once when two workers get the same job at the same time', async () => {
    const { current: db } = await database()
    const ran = await Promise.all([1, 2, 3].map((n) => runOnce(db.db, job('job-race'), record(`worker ${n}`), clock)))
    expect(ran.filter(Boolean)).toHaveLength(1)
    expect(await effects(db.db)).toHaveLength(1)
  })

  it('leaves neither receipt nor effects when the handler fails, so a retry runs it', async () => {
    const { current: db } = await database()
    const failing: JobHandler<object> = async (context) => {
      await record('half done')(context)
      throw new Error('partner endpoint down')
    }
    await expect(runOnce(db.db, job('job-3'), failing, clock)).rejects.toThrow('partner endpoint down')
    expect(await effects(db.db)).toEqual([])
    expect(await db.db.select().from(jobReceipt)).toEqual([])

    expect(await runOnce(db.db, { ...job('job-3'), retryCount: 1 }, record('done'), clock)).toBe(true)
    expect(await effects(db.db)).toEqual([{ job_id: 'job-3', note: 'done' }])
    expect(await runOnce(db.db, { ...job('job-3'), retryCount: 2 }, record('done twice'), clock)).toBe(false)
    expect(await effects(db.db)).toEqual([{ job_id: 'job-3', note: 'done' }])
  })
})

describe('jobs on pg-boss', () => {
  it('runs a delayed job exactly once after the process restarts', async () => {
    const db = await database({ onDisk: true })
    const before = jobsOn(db.current)
    before.define('test.delayed', record('before restart'))
    await before.start()
    const startAfter = new Date(Date.now() + 2000)
    const id = await before.send('test.delayed', { n: 1 }, { startAfter })
    expect(id).toBeTruthy()
    await before.stop()

    db.current = await reopen(db.current)
    const after = jobsOn(db.current)
    const ranAt: number[] = []
    after.define('test.delayed', async (job) => {
      ranAt.push(Date.now())
      await record('after restart')(job)
    })
    await after.start()
    await until(async () => (await effects(db.current.db)).length > 0, 'the delayed job')
    // Not before its time (the database's clock and ours are the same machine's).
    expect(ranAt[0]).toBeGreaterThanOrEqual(startAfter.getTime())
    // Another poll or two: nothing runs it again.
    await sleep(2500)
    expect(await effects(db.current.db)).toEqual([{ job_id: id, note: 'after restart' }])
    expect(ranAt).toHaveLength(1)
    expect(await db.current.db.select().from(jobReceipt)).toMatchObject([{ jobId: id, queue: 'test.delayed' }])
  })

  it('retries a failed job and keeps only the effects of the attempt that succeeded', async () => {
    const { current: db } = await database()
    const jobs = jobsOn(db)
    const attempts: number[] = []
    jobs.define(
      'test.flaky',
      async (job) => {
        attempts.push(job.retryCount)
        await record(`attempt ${job.retryCount}`)(job)
        if (job.retryCount === 0) throw new Error('first attempt fails')
      },
      { retryLimit: 2, retryDelay: 1 },
    )
    await jobs.start()
    const id = await jobs.send('test.flaky', {})
    await until(async () => (await effects(db.db)).length > 0, 'the retried job')
    expect(await effects(db.db)).toEqual([{ job_id: id, note: 'attempt 1' }])
    expect(attempts).toEqual([0, 1])
  })

  it('enqueues a job sent in a transaction only if the transaction commits', async () => {
    const { current: db } = await database()
    const jobs = jobsOn(db)
    jobs.define('test.tx', record('ran'))
    await jobs.start()

    let rolledBack: string | null = null
    await expect(
      db.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO test_job_effect (job_id, note) VALUES ('caller', 'rolled back')`)
        rolledBack = await jobs.send('test.tx', { which: 'rolled back' }, { tx })
        throw new Error('the caller fails')
      }),
    ).rejects.toThrow('the caller fails')
    expect(rolledBack).toBeTruthy()
    const committed = await db.db.transaction((tx) => jobs.send('test.tx', { which: 'committed' }, { tx }))

    await until(async () => (await effects(db.db)).length > 0, 'the committed job')
    await sleep(2500)
    expect(await effects(db.db)).toEqual([{ job_id: committed, note: 'ran' }])
    const queued = await queryRows<{ id: string }>(db.db, sql`SELECT id::text FROM pgboss.job WHERE name = 'test.tx'`)
    expect(queued.map((j) => j.id)).toEqual([committed])
  })
})
