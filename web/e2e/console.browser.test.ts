// Skeleton of the console's browser test: a real server on a fresh PGlite, the built console, Chromium.
// Kept to the sign-in path and the shell for now; each page gets its own `describe` as the lead extends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, type Page } from 'playwright-core'
import { PASSWORD, startE2e, type E2e } from './harness.ts'

let e2e: E2e
let browser: Browser
let baseUrl: string

beforeAll(async () => {
  // The same script `npm start` runs: builds web/dist only when a source is newer.
  e2e = await startE2e('console')
  ;({ browser, baseUrl } = e2e)
})

afterAll(async () => {
  await e2e?.close()
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
    expect(menu).toEqual(['工作台', '警报合作方', '单位管理', '用户管理', 'API 密钥', '采血点管理', '我的账号'])
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

describe('public collection points', () => {
  const openOnPhone = (options: Parameters<Browser['newPage']>[0] = {}) =>
    browser.newPage({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, ...options })

  it('opens from the sign-in page without an account and finds the demo points of a chosen county', async () => {
    const page = await openOnPhone()
    await page.goto(`${baseUrl}/login`)
    await page.click('[data-testid=public-collection-points-link]')
    await page.waitForSelector('[data-testid=public-title]')
    expect(await page.textContent('[data-testid=public-title]')).toBe('查找附近的免费采血点')
    await page.click('.ant-cascader')
    for (const name of ['广东省', '深圳市', '福田区']) await page.click(`.ant-cascader-menu-item[title="${name}"]`)
    // Each level shows its points as it is picked; Futian's two replace Shenzhen's three.
    await page.waitForSelector('text=所选地区的采血点（2 个）')
    expect(new URL(page.url()).searchParams.get('division')).toBe('440304')
    const cards = await page.locator('[data-testid=collection-point-card]').allTextContents()
    expect(cards).toEqual(
      expect.arrayContaining([expect.stringContaining('深圳市公安局采血点（示例）'), expect.stringContaining('福田分局采血点（示例）')]),
    )
    expect(cards).toHaveLength(2)
    await page.close()
  })

  it('opens a division from a link, with a phone number to dial', async () => {
    const page = await openOnPhone()
    await page.goto(`${baseUrl}/public/collection-points?division=440305`)
    await page.waitForSelector('[data-testid=collection-point-card]')
    expect(await page.locator('[data-testid=collection-point-card]').allTextContents()).toEqual([
      expect.stringContaining('南山分局采血点（示例）'),
    ])
    expect(await page.getAttribute('[data-testid=collection-point-card] a[href^="tel:"]', 'href')).toBe('tel:075500000001')
    await page.close()
  })

  it('lists the nearest points to the browser’s location, nearest first, with the distance', async () => {
    // Beside the Nanshan demo point: it comes first, then the two in Futian, about 12 km away.
    const page = await openOnPhone({ geolocation: { latitude: 22.5335, longitude: 113.9306 }, permissions: ['geolocation'] })
    await page.goto(`${baseUrl}/public/collection-points`)
    await page.click('[data-testid=public-locate]')
    await page.waitForSelector('[data-testid=collection-point-card]')
    const cards = await page.locator('[data-testid=collection-point-card]').allTextContents()
    expect(cards[0]).toContain('南山分局采血点（示例）')
    expect(cards[1]).toMatch(/福田分局采血点（示例）约 1\d\.\d 公里/)
    await page.close()
  })
})
