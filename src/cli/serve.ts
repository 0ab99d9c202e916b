import type { Command } from 'commander'
import { loadConfig } from '../platform/config.ts'
import { startServer } from '../server.ts'
import type { DemoCredentials } from '../modules/identity/demo.ts'

function printCredentials(credentials: DemoCredentials[]) {
  const lines = credentials.map((c) => `  ${c.username.padEnd(13)} ${c.password}   ${c.roles.join(',')} @ ${c.unit}`)
  process.stdout.write(
    ['', '演示账号 Demo accounts (shown once; change the passwords or create your own users):', ...lines, ''].join('\n') + '\n',
  )
}

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('run the server: API, OpenAPI docs and the web console (migrates and seeds an empty database first)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)')
    .option('--no-demo', 'do not seed demo data into an empty database')
    .action(async (options: { port?: string; demo: boolean }) => {
      const config = loadConfig({
        ...process.env,
        ...(options.port ? { PORT: options.port } : {}),
        ...(options.demo ? {} : { TUANYUAN_DEMO: 'false' }),
      })
      const started = Date.now()
      const server = await startServer(config)
      if (server.demoCredentials) printCredentials(server.demoCredentials)
      const shown = config.host === '0.0.0.0' ? 'localhost' : config.host
      server.runtime.platform.log.info(
        { database: server.runtime.database.location, startupMs: Date.now() - started },
        `Tuanyuan listening on http://${shown}:${config.port} (API docs at /api/docs)`,
      )
      let closing = false
      const stop = async (signal: string) => {
        if (closing) return
        closing = true
        server.runtime.platform.log.info({ signal }, 'shutting down')
        await server.close()
        process.exit(0)
      }
      process.on('SIGINT', () => void stop('SIGINT'))
      process.on('SIGTERM', () => void stop('SIGTERM'))
    })
}
