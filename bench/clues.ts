// Public tip intake on real PostgreSQL: the whole server (startServer, listening on a port) with rate limits and
// proof of work on at their configured values, posted to by bench/clues-load.ts in a child process from many
// client addresses (X-Forwarded-For, with TUANYUAN_TRUST_PROXY on as behind a reverse proxy). Challenges are
// fetched and solved before the clock starts, as browsers would have done. PostgreSQL: BENCH_DATABASE_URL (an
// admin URL; a scratch database is created and dropped), else a throwaway cluster from scripts/pg-cluster.sh,
// with fsync turned back on so that an acknowledged tip is on disk. Prints one JSON line per figure.
import { execFileSync, fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import pino from 'pino'
import { loadConfig } from '../src/platform/config.ts'
import { startServer } from '../src/server.ts'
import type { LoadOptions, LoadResult } from './clues-load.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16)
/**
 * Most challenges solved beforehand for the timed run. A short first run (warming the server up) measures the
 * rate, and the pool is sized to 2.5 times what the timed run would take at that rate (a warm server is faster); the run ends early, and says so,
 * if the server takes them all.
 */
const MAX_TIPS = Number(process.env.BENCH_TIPS ?? 30_000)
const WARM_UP_TIPS = 1_500
/** Simulated clients, each its own address: at most 30 000 tips, so at most 6 each, under the burst of 10. */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 5_000)
const ABUSER_PER_SECOND = Number(process.env.BENCH_ABUSER_PER_SECOND ?? 50)

function emit(metric: string, value: number | string | boolean, unit = '') {
  const rounded = typeof value === 'number' ? Math.round(value * 100) / 100 : value
  process.stdout.write(`${JSON.stringify({ bench: 'clues', metric, value: rounded, ...(unit ? { unit } : {}) })}\n`)
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN

/**
 * scripts/pg-cluster.sh starts PostgreSQL with fsync off, for test speed. A tip acknowledged must survive a power
 * cut, so the bench restarts it with the same options but fsync (a command-line setting, which ALTER SYSTEM
 * cannot override).
 */
function withFsync(cluster: string) {
  const opts = fs.readFileSync(path.join(cluster, 'data', 'postmaster.opts'), 'utf8').trim()
  const args = [...opts.matchAll(/"([^"]*)"/g)].map((m) => m[1])
  const dataAt = args.indexOf('-D')
  if (dataAt >= 0) args.splice(dataAt, 2)
  const options = args.map((a) => (a === 'fsync=off' ? 'fsync=on' : a)).join(' ')
  const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : []
  const command = [
    ...asPostgres,
    `${process.env.PG_BIN ?? '/usr/local/bin'}/pg_ctl`,
    '-D',
    path.join(cluster, 'data'),
    '-o',
    options,
    '-w',
    'restart',
  ]
  execFileSync(command[0], command.slice(1), { stdio: 'ignore' })
}

async function scratchDatabase(dir: string): Promise<{ url: string; drop(): Promise<void>; stop(): void }> {
  let adminUrl = process.env.BENCH_DATABASE_URL
  let cluster: string | null = null
  if (!adminUrl) {
    cluster = path.join(dir, 'pg', 'c')
    fs.mkdirSync(path.dirname(cluster), { mode: 0o755 })
    fs.chmodSync(dir, 0o755)
    adminUrl = execFileSync('bash', ['scripts/pg-cluster.sh', 'start', cluster], { encoding: 'utf8' }).trim()
  }
  const stop = () => {
    if (cluster) execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', cluster])
  }
  const name = `ty_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  try {
    if (cluster) withFsync(cluster)
    await admin.connect()
    emit('postgres_version', (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version)
    emit('postgres_fsync', (await admin.query<{ fsync: string }>('SHOW fsync')).rows[0].fsync)
    await admin.query(`CREATE DATABASE ${name}`)
  } catch (error) {
    stop()
    throw error
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      // pg-boss closes its own pool a little after the server has closed: forcing the drop before then would
      // make that pool throw on a terminated connection.
      for (let waited = 0; waited < 10_000; waited += 100) {
        const open = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = '${name}'`)
        if (open.rowCount === 0) break
        await new Promise((r) => setTimeout(r, 100))
      }
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
      await admin.end()
    },
    stop,
  }
}

function runLoad(options: LoadOptions): Promise<LoadResult> {
  const child = fork(new URL('./clues-load.ts', import.meta.url).pathname, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.once('message', (result) => resolve(result as LoadResult))
    child.once('exit', (code) => reject(new Error(`the load generator exited with ${code}`)))
    child.send(options)
  })
}

function report(result: LoadResult, difficulty: number) {
  emit('challenges_fetched_per_second', result.challengesFetchedPerSecond, 'challenges/s')
  emit('pow_difficulty', difficulty, 'max tries')
  emit('pow_mean_solve_node', result.meanSolveMs, 'ms per challenge per core')
  emit('run_seconds', result.seconds, 's')
  emit('pool_exhausted', result.poolExhausted)
  emit('tips_accepted', result.accepted, 'tips')
  emit('tips_per_second', result.accepted / result.seconds, 'tips/s')
  emit('latency_p50', quantile(result.latencies, 0.5), 'ms')
  emit('latency_p99', quantile(result.latencies, 0.99), 'ms')
  emit('latency_max', result.latencies.at(-1) ?? NaN, 'ms')
  emit('responses_by_status', JSON.stringify(result.byStatus))
  emit('refusals_by_code', JSON.stringify(result.byCode))
  emit('responses_429', result.byStatus['429'] ?? 0, 'responses')
  emit('abuser_requests', result.abuser.sent, 'requests')
  emit('abuser_refusals_by_code', JSON.stringify(result.abuser.byCode))
}

/**
 * Tips are acknowledged on intake and routed just after (ADR 0012): how far routing was behind when the load
 * stopped, how long it took to catch up, and routing's own rate from the start of the timed run to the end of that.
 */
async function reportRouting(count: (q: string) => Promise<number>, routedAtStart: number, expected: number, seconds: number) {
  const pending = () => count(`SELECT count(*) AS n FROM clue_intake WHERE processed_at IS NULL`)
  emit('routing_backlog_at_end', await pending(), 'tips')
  const started = performance.now()
  while ((await pending()) > 0 && performance.now() - started < 600_000) await new Promise((r) => setTimeout(r, 100))
  const drain = (performance.now() - started) / 1000
  const routed = await count(`SELECT count(*) AS n FROM clue WHERE kind = 'public_tip'`)
  emit('routing_drain_seconds', drain, 's')
  emit('routed_minus_accepted', routed - expected, 'tips')
  emit('routed_per_second', (routed - routedAtStart) / (seconds + drain), 'tips/s')
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ty-bench-clues-'))
let database: Awaited<ReturnType<typeof scratchDatabase>> | null = null
try {
  emit('load_average_1m', os.loadavg()[0], 'runnable tasks')
  emit('cores', os.availableParallelism())
  database = await scratchDatabase(dir)
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: database.url,
    HOST: '127.0.0.1',
    PORT: '0',
    TUANYUAN_DATA_DIR: path.join(dir, 'data'),
    TUANYUAN_WEB_DIST: path.join(dir, 'no-web'),
    TUANYUAN_DEMO: 'true',
    TUANYUAN_TRUST_PROXY: 'true',
    // The pool is solved before the clock starts, which takes this 2-core machine minutes at full difficulty;
    // a challenge's lifetime changes nothing in what the server does to check one.
    TUANYUAN_POW_LIFETIME_SECONDS: '3600',
  })
  emit('trust_proxy', config.trustProxy)
  emit('limits', JSON.stringify(config.abuse))
  // Logged as in production (info: two lines a request), to a file rather than this JSON output.
  const log = pino({ level: config.logLevel }, pino.destination({ dest: path.join(dir, 'server.log'), sync: false }))
  const server = await startServer(config, { log })
  try {
    const { port } = server.app.server.address() as AddressInfo
    const count = async (query: string) => Number((await server.runtime.database.pool!.query(query)).rows[0].n)
    const tipsStored = () => count(`SELECT count(*) AS n FROM clue_intake`)
    const tipsRouted = () => count(`SELECT count(*) AS n FROM clue WHERE kind = 'public_tip'`)
    const before = await tipsStored()
    const routedBefore = await tipsRouted()
    const url = `http://127.0.0.1:${port}`
    const load = { url, concurrency: CONCURRENCY, clients: CLIENTS }
    const warmUp = await runLoad({ ...load, seconds: 5, tips: WARM_UP_TIPS, firstClient: 0, abuserPerSecond: 0 })
    const warmRate = warmUp.accepted / warmUp.seconds
    const routedAtStart = await tipsRouted()
    emit('warm_up_tips_per_second', warmRate, 'tips/s')
    const tips = Math.min(MAX_TIPS, Math.ceil(warmRate * SECONDS * 2.5))
    const result = await runLoad({ ...load, seconds: SECONDS, tips, firstClient: CLIENTS, abuserPerSecond: ABUSER_PER_SECOND })
    emit('pool', tips, 'solved challenges')
    emit('concurrency', CONCURRENCY, 'connections')
    emit('clients', CLIENTS, 'addresses')
    report(result, config.abuse.powDifficulty)
    emit('load_average_1m_after', os.loadavg()[0], 'runnable tasks')
    // Every 201 is a receipt promised: the rows must be there, one each (the bodies differ, so no duplicates).
    emit('tips_stored_minus_accepted', (await tipsStored()) - before - warmUp.accepted - result.accepted, 'tips')
    await reportRouting(count, routedAtStart, routedBefore + warmUp.accepted + result.accepted, result.seconds)
  } finally {
    await server.close()
  }
} finally {
  await database?.drop().catch(() => {})
  database?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
}
