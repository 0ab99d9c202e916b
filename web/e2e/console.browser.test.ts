// Skeleton of the console's browser test: a real server on a fresh PGlite, the built console, Chromium.
// Kept to the sign-in path and the shell for now; each page gets its own `describe` as the lead extends it.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { loadConfig } from '../../src/platform/config.ts'
import { startServer, type Server } from '../../src/server.ts'

const repo = fileURLToPath(new URL('../..', import.meta.url))
const PASSWORD = 'E2e-Demo-Passw0rd!'
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

let dataDir: string
let server: Server
let browser: Browser
let baseUrl: string

beforeAll(async () => {
  // The same script `npm start` runs: builds web/dist only when a source is newer.
  execFileSync(process.execPath, [path.join(repo, 'scripts/build-web-if-stale.ts')], { stdio: 'inherit' })
  dataDir = await mkdtemp(path.join(tmpdir(), 'tuanyuan-e2e-'))
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    TUANYUAN_DATA_DIR: path.join(dataDir, 'db'),
    TUANYUAN_DEMO_PASSWORD: PASSWORD,
    LOG_LEVEL: 'warn',
  })
  server = await startServer(config, { sweepTimer: false })
  baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

async function openLogin(): Promise<Page> {
  const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 800 } })
  await page.goto(`${baseUrl}/login`)
  await page.waitForSelector('[data-testid=login-submit]')
  return page
}

async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.fill('#username', username)
  await page.fill('#password', password)
  await page.click('[data-testid=login-submit]')
}

describe('sign-in', () => {
  it('shows the translated message for a wrong password', async () => {
    const page = await openLogin()
    await signIn(page, 'admin', 'not-the-password')
    await expect(page.textContent('[data-testid=login-error]')).resolves.toContain('用户名或密码错误')
    await page.close()
  })

  it('signs the admin in to the dashboard, in Chinese, with the admin menu', async () => {
    const page = await openLogin()
    await signIn(page, 'admin')
    await page.waitForSelector('[data-testid=dashboard-title]')
    expect(await page.textContent('[data-testid=dashboard-title]')).toBe('工作台')
    const menu = await page.locator('.ant-menu-item').allTextContents()
    expect(menu).toEqual(['工作台', '单位管理', '用户管理', 'API 密钥', '我的账号'])
    await page.close()
  })
})

describe('shell', () => {
  it('switches to English and remembers it after a reload', async () => {
    const page = await openLogin()
    await signIn(page, 'auditor')
    await page.waitForSelector('[data-testid=dashboard-title]')
    await page.click('[data-testid=lang-switch]')
    await page.waitForSelector('text=Audit log')
    await page.reload()
    expect(await page.textContent('[data-testid=dashboard-title]')).toBe('Dashboard')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await page.close()
  })

  it('lists the unit’s overdue work and returns to the sign-in page after signing out', async () => {
    const page = await openLogin()
    await signIn(page, 'investigator')
    await page.waitForSelector('[data-testid=dashboard-title]')
    // The demo gives the investigator's county an overdue directive: the dashboard lists it.
    await page.waitForSelector('text=示例：打拐指令核查反馈（7日内）')
    await page.click('[data-testid=logout]')
    await page.waitForSelector('[data-testid=login-submit]')
    expect(new URL(page.url()).pathname).toBe('/login')
    await page.close()
  })
})
