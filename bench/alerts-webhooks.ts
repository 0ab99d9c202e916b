// Publishing to partner endpoints: 50 local webhook receivers in a child process (so that receiving does not
// share an event loop with sending), an alert approved through the real approval (approveAlert: CAP message,
// stages, outbox rows, commit, kick), and for each endpoint the time from the start of the approval to the
// moment the signed request had arrived; receivers verify every signature with the standardwebhooks library.
// Scenarios: all endpoints healthy; one answering 500 (retried on a short schedule during the run); one hanging
// until the send timeout. The healthy endpoints' p99 in the failure scenarios against the all-healthy p99 shows
// whether a bad endpoint delays the others; the scenarios take turns in blocks of messages, so that load from
// elsewhere on the machine does not fall on one of them only. On PGlite and PostgreSQL (BENCH_DATABASE_URL, an
// admin URL, else a throwaway cluster from scripts/pg-cluster.sh). Prints one JSON line per figure.
import { execFileSync, fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import pino from 'pino'
import { sql } from 'drizzle-orm'
import { Webhook } from 'standardwebhooks'
import { openDatabase, type Database } from '../src/platform/db/client.ts'
import { migrateDatabase } from '../src/platform/db/migrate.ts'
import { loadConfig } from '../src/platform/config.ts'
import { systemClock } from '../src/platform/clock.ts'
import { createJobs } from '../src/platform/jobs/jobs.ts'
import { createCtx } from '../src/platform/context.ts'
import { systemActor } from '../src/platform/auth/actor.ts'
import { DeliveryDispatcher } from '../src/modules/alerts/delivery/dispatcher.ts'
import type { Sender } from '../src/modules/alerts/delivery/types.ts'
import { createPartner } from '../src/modules/alerts/partners/service.ts'
import { createWebhookSender } from '../src/modules/alerts/partners/webhook-sender.ts'
import { startPartnerServer, type PartnerAnswer } from '../src/modules/alerts/partners/testing.ts'
import { useDeliveryKick } from '../src/modules/alerts/kick.ts'
import { draftAlert } from '../src/modules/alerts/drafts.ts'
import { approveAlert } from '../src/modules/alerts/publish.ts'
import { makeUnit, makeUser } from '../src/modules/identity/testing.ts'
import { makeCase } from '../src/modules/cases/testing.ts'

const PARTNERS = Number(process.env.BENCH_WEBHOOK_PARTNERS ?? 50)
const MESSAGES = Number(process.env.BENCH_WEBHOOK_MESSAGES ?? 20)
/**
 * Each scenario's messages are sent in blocks, the scenarios taking turns (healthy, failing, hanging, healthy, …),
 * so that a burst of load from elsewhere on the machine falls on all of them alike rather than on one.
 */
const BLOCKS = 4
/** Between one message's last receipt and the next approval, so that retries of the failing endpoint interleave. */
const GAP_MS = 100
const SEND_TIMEOUT_MS = 2000
const log = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'silent' })
const wallNow = () => performance.timeOrigin + performance.now()

type Mode = 'healthy' | 'one_failing' | 'one_hanging'
type ToPartners = { secrets: string[] } | { mode: Mode }
interface Receipt {
  partner: number
  /** The alert the message belongs to: each measured approval publishes a new one. */
  alertId: string
  at: number
  verified: boolean
}
type FromPartners = { urls: string[] } | { receipt: Receipt } | { ready: true }

export interface Figure {
  bench: 'alerts'
  metric: string
  value: number
  unit: string
}

// ---- the partners' process -------------------------------------------------------------------------------

async function runPartners() {
  let secrets: string[] = []
  let mode: Mode = 'healthy'
  // Partner 0 is the bad one in the failure scenarios.
  const answer = (index: number): PartnerAnswer => {
    if (index === 0 && mode === 'one_failing') return { status: 500 }
    if (index === 0 && mode === 'one_hanging') return { status: 204, delayMs: 60_000 }
    return { status: 204 }
  }
  const servers = await Promise.all(
    Array.from({ length: PARTNERS }, (_, index) =>
      startPartnerServer((request) => {
        const result = answer(index)
        // Verified after the answer is decided, outside the timing: the receipt time is already taken.
        setImmediate(() => {
          const { alertId } = (JSON.parse(request.body) as { data: { alertId: string } }).data
          let verified = true
          try {
            new Webhook(secrets[index]).verify(request.body, request.headers as Record<string, string>)
          } catch {
            verified = false
          }
          process.send!({ receipt: { partner: index, alertId, at: request.receivedAt, verified } } satisfies FromPartners)
        })
        return result
      }),
    ),
  )
  process.on('message', (message: ToPartners) => {
    if ('secrets' in message) secrets = message.secrets
    else mode = message.mode
    process.send!({ ready: true } satisfies FromPartners)
  })
  process.on('disconnect', () => {
    void Promise.all(servers.map((s) => s.close())).then(() => process.exit(0))
  })
  process.send!({ urls: servers.map((s) => s.url) } satisfies FromPartners)
}

// ---- the platform's side ---------------------------------------------------------------------------------

class Partners {
  readonly child: ChildProcess
  readonly receipts: Receipt[] = []
  #waiting: (() => void) | null = null

  constructor() {
    this.child = fork(fileURLToPath(import.meta.url), ['--partners'], { execArgv: process.execArgv })
    this.child.on('message', (message: FromPartners) => {
      if ('receipt' in message) this.receipts.push(message.receipt)
      if ('receipt' in message || 'ready' in message) this.#waiting?.()
    })
  }

  urls(): Promise<string[]> {
    return new Promise((resolve) => {
      const onMessage = (message: FromPartners) => {
        if ('urls' in message) {
          this.child.off('message', onMessage)
          resolve(message.urls)
        }
      }
      this.child.on('message', onMessage)
    })
  }

  /** Sends a command and waits for the child's acknowledgement. */
  tell(message: ToPartners): Promise<void> {
    return new Promise((resolve) => {
      const onMessage = (reply: FromPartners) => {
        if ('ready' in reply) {
          this.child.off('message', onMessage)
          resolve()
        }
      }
      this.child.on('message', onMessage)
      this.child.send(message)
    })
  }

  /** Waits until `done()` holds, re-checking at every receipt; false after `timeoutMs`. */
  async until(done: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs
    while (!done()) {
      const left = deadline - Date.now()
      if (left <= 0) return false
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.#waiting = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    }
    return true
  }

  close() {
    this.child.disconnect()
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

interface ScenarioResult {
  latencies: number[]
  missing: number
  unverified: number
  badAttempts: number
}

/** The real approval path: a case and a draft are made beforehand, untimed; the approval is what is timed. */
interface Approvals {
  prepare(): Promise<string>
  approve(alertId: string): Promise<void>
}

async function runBlock(
  database: Database,
  partners: Partners,
  sender: Sender,
  mode: Mode,
  messages: number,
  approvals: Approvals,
): Promise<ScenarioResult> {
  const db = database.db
  await partners.tell({ mode })
  const dispatcher = new DeliveryDispatcher({
    db,
    clock: systemClock,
    log,
    senders: { webhook: sender },
    config: {
      sendTimeoutMs: SEND_TIMEOUT_MS,
      leaseMs: 30_000,
      pollMs: 100,
      // Short enough that the failing endpoint is retried several times while the others are measured.
      retry: { scheduleMs: [250, 500, 1000], maxAttempts: 8, jitter: 0.2, maxRetryAfterMs: 5000 },
    },
  })
  useDeliveryKick(db, () => dispatcher.kick())
  dispatcher.start()
  partners.receipts.length = 0
  const healthy = (r: Receipt) => mode === 'healthy' || r.partner !== 0
  const expected = mode === 'healthy' ? PARTNERS : PARTNERS - 1
  const latencies: number[] = []
  let missing = 0
  for (let i = 0; i < messages; i++) {
    const alertId = await approvals.prepare()
    // Timed from the approver's click: the approval itself (CAP document, stages, outbox rows, commit) counts.
    const approvedAt = wallNow()
    await approvals.approve(alertId)
    const mine = () => partners.receipts.filter((r) => r.alertId === alertId && healthy(r))
    await partners.until(() => mine().length >= expected, 10_000)
    const got = mine()
    missing += expected - got.length
    for (const r of got) latencies.push(r.at - approvedAt)
    await new Promise((resolve) => setTimeout(resolve, GAP_MS))
  }
  await dispatcher.stop()
  const badAttempts = partners.receipts.filter((r) => !healthy(r)).length
  const unverified = partners.receipts.filter((r) => !r.verified).length
  // What is still being retried would fall due in the next scenario: it ends here.
  await db.execute(sql`UPDATE alert_delivery SET status = 'failed' WHERE status IN ('pending', 'sending')`)
  return { latencies, missing, unverified, badAttempts }
}

async function benchBackend(database: Database, backend: string, emit: (metric: string, value: number, unit: string) => void) {
  const partners = new Partners()
  try {
    const urls = await partners.urls()
    const config = loadConfig({ TUANYUAN_DATA_DIR: os.tmpdir(), TUANYUAN_DEMO: 'false', TUANYUAN_ALLOW_HTTP_WEBHOOKS: 'true' })
    const platform = { config, db: database.db, clock: systemClock, jobs: createJobs(database, log, systemClock), log }
    const ctx = createCtx(platform, { actor: systemActor('bench') })
    const nation = await makeUnit(ctx, { divisionCode: '000000' })
    const unit = await makeUnit(ctx, { divisionCode: '440305', parentId: nation.id })
    const investigator = await makeUser(ctx, unit, ['investigator'])
    const commander = await makeUser(ctx, unit, ['command'])
    const approvals: Approvals = {
      async prepare() {
        const kase = await makeCase(ctx.as(investigator.actor), unit)
        const draft = await draftAlert(ctx.as(investigator.actor), {
          caseId: kase.id,
          description: '基准测试',
          contactPhone: '0755-26543110',
        })
        return draft.id
      },
      approve: async (alertId) => void (await approveAlert(ctx.as(commander.actor), alertId)),
    }
    const secrets: string[] = []
    for (const [i, endpointUrl] of urls.entries())
      secrets.push((await createPartner(ctx, { name: `bench partner ${i}`, endpointUrl })).secret)
    await partners.tell({ secrets })

    // One sender for the run, as in the server: its partner cache and kept-alive connections outlive a block.
    const sender = createWebhookSender({ db: database.db, clock: systemClock })
    // A first block opens the connections and fills the caches, as the first alert after start would.
    await runBlock(database, partners, sender, 'healthy', 2, approvals)
    const modes = ['healthy', 'one_failing', 'one_hanging'] as const
    const results = new Map<Mode, ScenarioResult>(modes.map((m) => [m, { latencies: [], missing: 0, unverified: 0, badAttempts: 0 }]))
    for (let block = 0; block < BLOCKS; block++) {
      for (const mode of modes) {
        const part = await runBlock(database, partners, sender, mode, Math.ceil(MESSAGES / BLOCKS), approvals)
        const total = results.get(mode)!
        total.latencies.push(...part.latencies)
        total.missing += part.missing
        total.unverified += part.unverified
        total.badAttempts += part.badAttempts
      }
    }
    const healthyP99 = percentile(
      results.get('healthy')!.latencies.sort((a, b) => a - b),
      99,
    )
    for (const [mode, result] of results) {
      const latencies = result.latencies.sort((a, b) => a - b)
      const p99 = percentile(latencies, 99)
      const prefix = `webhook_${backend}_${mode}`
      emit(`${prefix}_p50`, percentile(latencies, 50), 'ms')
      emit(`${prefix}_p99`, p99, 'ms')
      emit(`${prefix}_max`, latencies.at(-1)!, 'ms')
      emit(`${prefix}_received`, latencies.length, 'deliveries')
      emit(`${prefix}_missing`, result.missing, 'deliveries')
      emit(`${prefix}_unverified`, result.unverified, 'requests')
      if (mode !== 'healthy') {
        emit(`${prefix}_bad_endpoint_attempts`, result.badAttempts, 'requests')
        emit(`${prefix}_p99_over_healthy`, p99 / healthyP99, 'ratio')
      }
    }
  } finally {
    partners.close()
  }
}

/** Runs every scenario on PGlite and on PostgreSQL; prints and returns the figures. */
export async function runWebhookBench(): Promise<Figure[]> {
  const figures: Figure[] = []
  const emit = (metric: string, value: number, unit: string) => {
    const figure: Figure = { bench: 'alerts', metric, value: Math.round(value * 100) / 100, unit }
    figures.push(figure)
    process.stdout.write(`${JSON.stringify(figure)}\n`)
  }
  emit('webhook_partners', PARTNERS, 'endpoints')
  emit('webhook_messages_per_scenario', MESSAGES, 'messages')

  const pglite = await openDatabase({})
  try {
    await migrateDatabase(pglite)
    await benchBackend(pglite, 'pglite', emit)
  } finally {
    await pglite.close()
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ty-bench-webhooks-'))
  let cluster: string | null = null
  try {
    let adminUrl = process.env.BENCH_DATABASE_URL
    if (!adminUrl) {
      cluster = path.join(dir, 'pg')
      fs.mkdirSync(cluster, { mode: 0o755 })
      fs.chmodSync(dir, 0o755)
      adminUrl = execFileSync('bash', ['scripts/pg-cluster.sh', 'start', path.join(cluster, 'c')], { encoding: 'utf8' }).trim()
    }
    const name = `ty_bench_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    const postgres = await openDatabase({ databaseUrl: url.toString() })
    try {
      await migrateDatabase(postgres)
      await benchBackend(postgres, 'postgres', emit)
    } finally {
      // A connection still closing when the database is dropped reports it as an error: expected here.
      postgres.pool?.on('error', () => {})
      await postgres.close()
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
      await admin.end()
    }
  } finally {
    if (cluster) execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', path.join(cluster, 'c')])
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return figures
}

if (process.argv.includes('--partners')) await runPartners()
else if (import.meta.main) await runWebhookBench()
