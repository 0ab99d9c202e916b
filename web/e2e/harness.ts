// What every browser test file starts with: the console built if stale (as `npm start` does), a real server on a
// fresh PGlite with the demo data and one known password, and headless Chromium from Debian.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { loadConfig } from '../../src/platform/config.ts'
import { startServer, type Server } from '../../src/server.ts'

export const PASSWORD = 'E2e-Demo-Passw0rd!'

// The closed network refuses Chromium's background connections: these flags keep it from making them.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export interface E2e {
  server: Server
  browser: Browser
  baseUrl: string
  close(): Promise<void>
}

/** Starts the server (with `env` over the test defaults) and Chromium; `close` stops both and removes the data. */
export async function startE2e(name: string, env: Record<string, string> = {}): Promise<E2e> {
  const repo = fileURLToPath(new URL('../..', import.meta.url))
  execFileSync(process.execPath, [path.join(repo, 'scripts/build-web-if-stale.ts')], { stdio: 'inherit' })
  const dataDir = await mkdtemp(path.join(tmpdir(), `tuanyuan-e2e-${name}-`))
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    TUANYUAN_DATA_DIR: path.join(dataDir, 'db'),
    TUANYUAN_DEMO_PASSWORD: PASSWORD,
    LOG_LEVEL: 'warn',
    ...env,
  })
  const server = await startServer(config, { sweepTimer: false })
  const baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  return {
    server,
    browser,
    baseUrl,
    async close() {
      await browser.close()
      await server.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
