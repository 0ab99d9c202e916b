import os from 'node:os'
import pino from 'pino'
import { loadConfig, type Config } from '../platform/config.ts'
import { openRuntime, type Runtime } from '../platform/runtime.ts'
import { createCtx, type Ctx } from '../platform/context.ts'
import { systemActor } from '../platform/auth/actor.ts'

export interface CliEnv {
  ctx: Ctx
  runtime: Runtime
  config: Config
}

/**
 * Opens the database for one command as the operator at this terminal (audited as
 * `cli:<os user>`). With PGlite this takes the data-folder lock, so it refuses while the server runs.
 */
export async function withDatabase<T>(fn: (env: CliEnv) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig()
  const log = pino({ level: process.env.LOG_LEVEL || 'warn' }, pino.destination(2))
  const runtime = await openRuntime(config, { log, migrate: options.migrate })
  try {
    const ctx = createCtx(runtime.platform, { actor: systemActor(`cli:${os.userInfo().username}`) })
    return await fn({ ctx, runtime, config })
  } finally {
    await runtime.close()
  }
}
