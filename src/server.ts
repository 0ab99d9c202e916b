import type { Config } from './platform/config.ts'
import { openRuntime, type Runtime, type RuntimeOptions } from './platform/runtime.ts'
import { buildApp, type App } from './platform/http/app.ts'
import { createCtx, type Ctx } from './platform/context.ts'
import { systemActor } from './platform/auth/actor.ts'
import { sweepDeadlines } from './platform/deadlines/sweep.ts'
import { sealAuditChain, startAuditSealer, type AuditSealer } from './platform/audit/seal.ts'
import { moduleRoutes } from './modules/routes.ts'
import { authenticateApiKey, authenticateSession, ensureDivisions } from './modules/identity/index.ts'
import { isIdentityEmpty } from './modules/identity/demo.ts'
import type { DemoCredentials } from './modules/identity/demo.ts'
import { seedDemo } from './demo.ts'
import { drainSearchQueue, installShippedFrequencyTables, useSearchExecutor, useSearchThresholds, WorkerPool } from './modules/dna/index.ts'
import { supervisionDeadlineListener } from './modules/cases/index.ts'
import { clueDeadlineListener, processTipIntake, startTipRouting, type TipRouting } from './modules/clues/index.ts'
import { startAlertDelivery, sweepAlertStages, type AlertDelivery } from './modules/alerts/index.ts'

export interface Server {
  app: App
  runtime: Runtime
  /** Demo credentials when this start seeded them (printed once, never stored in clear). */
  demoCredentials: DemoCredentials[] | null
  sweep(): Promise<void>
  close(): Promise<void>
}

export interface ServerOptions extends RuntimeOptions {
  listen?: boolean
  /** Run the deadline sweep on a timer (off in tests, which call `sweep()`). */
  sweepTimer?: boolean
}

/** Brings the database up to date and fills what an empty installation needs: divisions, and demo data if asked. */
export async function prepareDatabase(ctx: Ctx, config: Config): Promise<DemoCredentials[] | null> {
  const loaded = await ensureDivisions(ctx.db, ctx.now())
  if (loaded) ctx.log.info({ divisions: loaded }, 'administrative divisions loaded')
  const tables = await installShippedFrequencyTables(ctx.db, ctx.now())
  if (tables) ctx.log.info({ tables }, 'allele frequency tables installed')
  if (config.seedDemo && (await isIdentityEmpty(ctx))) {
    return seedDemo(ctx, config.demoPassword)
  }
  return null
}

export async function startServer(config: Config, options: ServerOptions = {}): Promise<Server> {
  const runtime = await openRuntime(config, options)
  const { platform } = runtime
  let timer: NodeJS.Timeout | undefined
  let searchPool: WorkerPool | undefined
  let delivery: AlertDelivery | undefined
  let sealer: AuditSealer | undefined
  let tipRouting: TipRouting | undefined
  try {
    const ctx = createCtx(platform, { actor: systemActor('startup') })
    const demoCredentials = await prepareDatabase(ctx, config)
    await platform.jobs.start()
    const app = await buildApp({
      platform,
      authenticators: { session: authenticateSession, apiKey: authenticateApiKey },
      routes: moduleRoutes,
      webDist: config.webDist,
    })
    const worker = createCtx(platform, { actor: systemActor('background') })
    searchPool = new WorkerPool()
    useSearchExecutor(platform.db, searchPool)
    useSearchThresholds(platform.db, config.dnaSearchThresholds)
    // Background work is table-driven (deadlines, the DNA search queue): each pass picks up whatever is due,
    // so a restart or a lost timer tick delays work but never loses or repeats it.
    delivery = startAlertDelivery(platform, worker)
    tipRouting = startTipRouting(worker)
    const sweep = async () => {
      await sealAuditChain(platform.db)
      const result = await sweepDeadlines(platform.db, platform.clock, [supervisionDeadlineListener, clueDeadlineListener])
      if (result.reminders + result.overdue + result.escalations > 0) platform.log.info(result, 'deadline events emitted')
      const widened = await sweepAlertStages(worker)
      if (widened > 0) platform.log.info({ widened }, 'alert stages sent')
      const tips = await processTipIntake(worker, { retryFailed: true, limit: 5000 })
      if (tips.routed + tips.failed > 0) platform.log.info(tips, 'public tips routed')
      const searched = await drainSearchQueue(worker)
      if (searched.searched > 0) platform.log.info(searched, 'new DNA profiles searched')
    }
    if (options.listen !== false) await app.listen({ port: config.port, host: config.host })
    if (options.sweepTimer !== false) {
      sealer = startAuditSealer(platform.db, platform.log)
      await sweep()
      timer = setInterval(
        () => void sweep().catch((err) => platform.log.error({ err }, 'background pass failed')),
        config.deadlineSweepSeconds * 1000,
      )
      timer.unref()
    }
    return {
      app,
      runtime,
      demoCredentials,
      sweep,
      async close() {
        clearInterval(timer)
        await app.close()
        await delivery?.stop()
        await tipRouting?.stop()
        await sealer?.stop()
        await searchPool?.close()
        await runtime.close()
      },
    }
  } catch (error) {
    clearInterval(timer)
    await delivery?.stop()
    await tipRouting?.stop()
    await sealer?.stop()
    await searchPool?.close()
    await runtime.close()
    throw error
  }
}
