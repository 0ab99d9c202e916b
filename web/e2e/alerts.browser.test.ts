// 团圆 alerts in Chromium: an investigator drafts from a case, a commander approves through the console, the
// alert page draws the staged rings and the delivery tallies, the public pages list and show the alert on a
// phone, the service worker turns a push into a notification, and ending the alert clears the public page.
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import type { Server } from '../../src/server.ts'
import { PASSWORD, startE2e, type E2e } from './harness.ts'

const CHILD = '示例·测试小安'
const DESCRIPTION = '示例：身穿黄色雨衣，最后在地铁站口出现。'
// 天河区, Guangzhou: about 100 km from the demo's active alert in 南山区, so that "nearest first" is unambiguous.
const LAST_SEEN = { lat: 23.1291, lon: 113.3644, divisionCode: '440106' }

let e2e: E2e
let server: Server
let browser: Browser
let baseUrl: string
let receiver: HttpServer
const webhooks: { id: string; type: string }[] = []
let caseId: string
let alertId: string

type Send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers?: Record<string, string>) => Promise<any>

/** A signed-in API session through the running app (cookies and the CSRF token kept), for arranging data. */
async function signedIn(username: string): Promise<Send> {
  const cookies = new Map<string, string>()
  let csrf = ''
  const send: Send = async (method, url, payload, headers = {}) => {
    const res = await server.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as string }),
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }),
        ...headers,
      },
    })
    for (const c of res.cookies) cookies.set(c.name, c.value)
    if (res.statusCode >= 400) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`)
    return res.body ? res.json() : undefined
  }
  csrf = (await send('GET', '/api/auth/csrf')).csrfToken
  csrf = (await send('POST', '/api/auth/login', { username, password: PASSWORD })).csrfToken
  return send
}

/** A partner app's endpoint on this machine: answers 204 to every delivery and keeps what arrived. */
async function startReceiver(): Promise<HttpServer> {
  const http = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type?: string }
        webhooks.push({ id: String(req.headers['webhook-id']), type: String(body.type) })
      } catch {
        webhooks.push({ id: String(req.headers['webhook-id']), type: 'unreadable' })
      }
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  return http
}

beforeAll(async () => {
  e2e = await startE2e('alerts', { TUANYUAN_ALLOW_HTTP_WEBHOOKS: 'true' })
  ;({ server, browser, baseUrl } = e2e)

  receiver = await startReceiver()
  const admin = await signedIn('admin')
  await admin('POST', '/api/alerts/partners', {
    name: '示例地图 App',
    endpointUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tuanyuan`,
  })

  // A fresh case with a photo; the investigator of 南山 reports it, so that the demo's own alert stays as it is.
  const investigator = await signedIn('investigator')
  const now = Date.now()
  const kase = await investigator('POST', '/api/cases', {
    intakeChannel: 'station',
    reportedAt: new Date(now - 10 * 60_000).toISOString(),
    child: { name: CHILD, sex: 'female', ageYears: 6, heightCm: 112, clothing: '黄色雨衣，白色运动鞋', marks: '左眉上方有小疤' },
    lastSeen: { at: new Date(now - 20 * 60_000).toISOString(), address: '体育西路地铁站 B 口（示例）', ...LAST_SEEN },
    circumstances: '示例数据：放学途中与家长走散。',
    reporter: { name: '示例家长', relation: '父亲', phone: '13800000001' },
  })
  caseId = kase.id
  const photo = await sharp({ create: { width: 300, height: 400, channels: 3, background: { r: 200, g: 160, b: 40 } } })
    .jpeg()
    .toBuffer()
  await investigator('POST', `/api/cases/${caseId}/photos`, photo, { 'content-type': 'image/jpeg' })
})

afterAll(async () => {
  await e2e?.close()
  await new Promise((resolve) => receiver?.close(resolve))
})

async function signInPage(username: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 900 }, ...options })
  await page.goto(`${baseUrl}/login`)
  await page.fill('#username', username)
  await page.fill('#password', PASSWORD)
  await page.click('[data-testid=login-submit]')
  await page.waitForSelector('[data-testid=dashboard-title]')
  return page
}

const openOnPhone = (options: BrowserContextOptions = {}) =>
  browser.newPage({ locale: 'zh-CN', viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, ...options })

/** Reloads until `check` passes: deliveries leave in the background, a moment after approval. */
async function eventually(page: Page, check: () => Promise<boolean>, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await page.waitForTimeout(500)
    await page.reload()
  }
}

describe('alert console', () => {
  it('an investigator drafts the alert from the case, with the case’s facts read-only and the photo chosen', async () => {
    const page = await signInPage('investigator')
    await page.goto(`${baseUrl}/alerts/new?caseId=${caseId}`)
    await page.waitForSelector('[data-testid=draft-description]')
    expect(await page.textContent('[data-testid=alert-draft-title]')).toBe('起草团圆警报')
    const facts = await page.textContent('.ant-descriptions')
    expect(facts).toContain(CHILD)
    expect(facts).toContain('天河区体育西路地铁站 B 口（示例）')
    // The case's one photo is chosen by default; its clothing is copied for editing.
    expect(await page.isChecked('[data-testid=draft-photo]')).toBe(true)
    expect(await page.inputValue('textarea#clothing')).toBe('黄色雨衣，白色运动鞋')
    await page.fill('[data-testid=draft-description]', DESCRIPTION)
    // 南山分局 has no number on record: the form asks for one.
    await page.click('[data-testid=draft-submit]')
    await page.waitForSelector('.ant-form-item-explain-error:has-text("责任单位没有登记电话，请填写联系电话")')
    await page.fill('[data-testid=draft-contact-phone]', '0755-2600 0000')
    await page.click('[data-testid=draft-submit]')
    await page.waitForSelector('[data-testid=alert-status]')
    expect(await page.textContent('[data-testid=alert-status]')).toBe('待审批')
    alertId = new URL(page.url()).pathname.split('/').pop()!
    expect(alertId).toMatch(/^[0-9a-f-]{36}$/)
    // The drafter may not approve.
    expect(await page.locator('[data-testid=alert-approve]').count()).toBe(0)
    await page.close()
  })

  it('a commander finds the draft in the list and approves it through the console', async () => {
    const page = await signInPage('command')
    await page.click('.ant-menu-item:has-text("团圆警报")')
    await page.waitForSelector('[data-testid=alerts-title]')
    await page.waitForSelector(`[data-testid=alert-link]:has-text("${CHILD}")`)
    await page.click(`[data-testid=alert-link]:has-text("${CHILD}")`)
    await page.waitForSelector('[data-testid=alert-approve]')
    expect(await page.textContent('[data-testid=alert-status]')).toBe('待审批')
    await page.click('[data-testid=alert-approve]')
    await page.click('.ant-popconfirm-buttons .ant-btn-primary:visible')
    await page.waitForSelector('[data-testid=alert-status]:has-text("发布中")')
    // Published 20 minutes after the child went missing: stage 1 (100 km) went out, the later stages wait.
    const stages = await page.locator('[data-testid=alert-stages] tbody tr.ant-table-row').allTextContents()
    expect(stages).toHaveLength(4)
    expect(stages[0]).toContain('100 公里')
    expect(stages[0]).toContain('已发送')
    expect(stages[3]).toContain('500 公里')
    expect(stages[3]).toContain('待发送')
    const messages = await page.locator('[data-testid=alert-messages] tbody tr.ant-table-row').allTextContents()
    expect(messages).toEqual([expect.stringContaining('首发')])
    const capHref = await page.getAttribute('[data-testid=alert-cap-link]', 'href')
    expect(capHref).toMatch(/^\/api\/alerts\/cap\/[0-9a-f-]{36}\.xml$/)
    const cap = await page.request.get(`${baseUrl}${capHref}`)
    expect(await cap.text()).toContain('<msgType>Alert</msgType>')
    await page.close()
  })

  it('draws every stage’s ring around the last-seen point, the current one emphasised, without map tiles', async () => {
    const page = await signInPage('command')
    await page.goto(`${baseUrl}/alerts/${alertId}`)
    await page.waitForSelector('[data-testid=alert-map] path.ty-ring')
    // Offline: no tile loads, yet the four rings are SVG paths of Leaflet circles.
    expect(await page.locator('[data-testid=alert-map] path.ty-ring').count()).toBe(4)
    expect(await page.locator('[data-testid=alert-map] path.ty-ring-current').count()).toBe(1)
    expect(await page.locator('[data-testid=alert-map] path.ty-ring-planned').count()).toBe(3)
    const current = await page.getAttribute('[data-testid=alert-map] path.ty-ring-current', 'stroke-width')
    const planned = await page.getAttribute('[data-testid=alert-map] path.ty-ring-planned >> nth=0', 'stroke-width')
    expect(Number(current)).toBeGreaterThan(Number(planned))
    // The rings nest: the 500 km ring's box is five times the 100 km ring's.
    const boxes = await page
      .locator('[data-testid=alert-map] path.ty-ring')
      .evaluateAll((paths) => paths.map((p) => (p as SVGPathElement).getBBox().width))
    const [smallest, , , largest] = [...boxes].sort((a, b) => a - b)
    expect(largest / smallest).toBeGreaterThan(4.5)
    expect(largest / smallest).toBeLessThan(5.5)
    expect(await page.textContent('[data-testid=alert-map-legend]')).toContain('第 1 阶段 · 100 公里 · 当前')
    await page.close()
  })

  it('shows the partner webhook delivered, with its latency, in the tallies and the delivery log', async () => {
    const page = await signInPage('command')
    await page.goto(`${baseUrl}/alerts/${alertId}`)
    await page.waitForSelector('[data-testid=alert-tally-webhook]')
    await eventually(
      page,
      async () => (await page.textContent('[data-testid=alert-tally-webhook] [data-testid=tally-delivered]'))?.includes('1') ?? false,
    )
    expect(webhooks.length).toBeGreaterThanOrEqual(1)
    const tally = (await page.textContent('[data-testid=alert-tally-webhook]')) ?? ''
    // Milliseconds, or seconds (one decimal) on a crowded machine.
    expect(tally).toMatch(/延迟中位数（p50）\d+(\.\d)? m?s/)
    // No one near 天河 subscribed in the demo: the push channel shows nothing sent.
    expect(await page.textContent('[data-testid=alert-tally-push] [data-testid=tally-delivered]')).toContain('0')
    const log = await page.locator('[data-testid=alert-deliveries] tbody tr.ant-table-row').allTextContents()
    expect(log).toEqual([expect.stringContaining('示例地图 App')])
    expect(log[0]).toContain('已送达')
    await page.close()
  })
})

describe('public alert pages', () => {
  it('list the active alert with its photo and open its detail, with the unit’s number to call', async () => {
    const page = await openOnPhone()
    await page.goto(`${baseUrl}/public/alerts`)
    await page.waitForSelector(`[data-testid=public-alert-card]:has-text("${CHILD}")`)
    expect(await page.textContent('[data-testid=public-alerts-title]')).toBe('团圆警报：儿童失踪紧急信息')
    const card = page.locator(`[data-testid=public-alert-card]:has-text("${CHILD}")`)
    expect(await card.textContent()).toContain('6 岁 · 女')
    const thumb = card.locator('img')
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    // 360 px wide: nothing sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await card.click()
    await page.waitForSelector('[data-testid=public-alert-detail]')
    expect(await page.textContent('[data-testid=public-alert-name]')).toBe(CHILD)
    expect(await page.textContent('[data-testid=public-alert-description]')).toBe(DESCRIPTION)
    expect(await page.getAttribute('[data-testid=public-alert-call]', 'href')).toBe('tel:075526000000')
    await expect
      .poll(() => page.locator('[data-testid=public-alert-photo]').evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await page.close()
  })

  it('lists the nearest alert first, with the distance, once the phone shares its location', async () => {
    const page = await openOnPhone({ geolocation: { latitude: 23.1, longitude: 113.33 }, permissions: ['geolocation'] })
    await page.goto(`${baseUrl}/public/alerts`)
    await page.waitForSelector('[data-testid=public-alert-card]')
    await page.click('[data-testid=public-alerts-locate]')
    await page.waitForSelector('[data-testid=public-alerts-heading]:has-text("离我最近的警报")')
    const first = await page.locator('[data-testid=public-alert-card]').first().textContent()
    expect(first).toContain(CHILD)
    // (23.10, 113.33) to (23.1291, 113.3644): about 4.8 km.
    expect(first).toMatch(/距您约 4\.\d 公里/)
    await page.close()
  })

  it('switches to English', async () => {
    const page = await openOnPhone()
    await page.goto(`${baseUrl}/public/alerts/${alertId}`)
    await page.waitForSelector('[data-testid=public-alert-detail]')
    await page.click('[data-testid=lang-switch]')
    await page.waitForSelector('text=I have information')
    expect(await page.textContent('[data-testid=public-alert-detail]')).toContain('6 years old · girl')
    await page.close()
  })

  it('the service worker shows a pushed alert and takes it away on Cancel', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' })
    await context.grantPermissions(['notifications'], { origin: baseUrl })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/public/alerts`)
    const cdp = await context.newCDPSession(page)
    const registered = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r: { scopeURL: string; isDeleted: boolean }) => r.scopeURL === `${baseUrl}/` && !r.isDeleted)
        if (ours) resolve(ours.registrationId)
      }),
    )
    await cdp.send('ServiceWorker.enable')
    await page.evaluate(async () => {
      await navigator.serviceWorker.register('/sw.js', { scope: '/' })
      await navigator.serviceWorker.ready
    })
    const registrationId = await registered
    const shown = () =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          tag: n.tag,
          url: n.data?.url,
        })),
      )
    const push = (payload: object) =>
      cdp.send('ServiceWorker.deliverPushMessage', { origin: baseUrl, registrationId, data: JSON.stringify(payload) })

    const tag = `alert-${alertId}`
    await push({ title: `团圆警报：${CHILD}`, body: DESCRIPTION, url: `${baseUrl}/public/alerts/${alertId}`, tag, msgType: 'Alert' })
    await expect.poll(shown).toEqual([{ title: `团圆警报：${CHILD}`, body: DESCRIPTION, tag, url: `${baseUrl}/public/alerts/${alertId}` }])
    await push({
      title: `团圆警报（范围扩大）：${CHILD}`,
      body: DESCRIPTION,
      url: `${baseUrl}/public/alerts/${alertId}`,
      tag,
      msgType: 'Update',
    })
    await expect.poll(async () => (await shown()).map((n) => n.title)).toEqual([`团圆警报（范围扩大）：${CHILD}`])
    // The Cancel replaces the alert's notification with its own words, pointing at the list, not the child.
    await push({ title: '团圆警报已解除', body: '感谢关注', url: null, icon: null, tag, msgType: 'Cancel' })
    await expect.poll(shown).toEqual([{ title: '团圆警报已解除', body: '感谢关注', tag, url: '/public/alerts' }])
    // A Cancel with nothing to say just takes the notification away.
    await push({ title: `团圆警报：${CHILD}`, body: DESCRIPTION, url: `${baseUrl}/public/alerts/${alertId}`, tag, msgType: 'Alert' })
    await expect.poll(async () => (await shown()).map((n) => n.title)).toEqual([`团圆警报：${CHILD}`])
    await push({ tag, msgType: 'Cancel' })
    await expect.poll(shown).toEqual([])
    await context.close()
  })
})

describe('alert partners', () => {
  it('the national admin adds a partner, sees its secret once, rotates it and deactivates the partner', async () => {
    const page = await signInPage('admin')
    await page.click('.ant-menu-item:has-text("警报合作方")')
    await page.waitForSelector('[data-testid=partners-title]')
    await page.waitForSelector('[data-testid=partners-table] tr.ant-table-row:has-text("示例地图 App")')
    await page.click('[data-testid=partner-new]')
    await page.fill('[data-testid=partner-name]', '示例出行 App')
    await page.fill('[data-testid=partner-endpoint]', 'http://127.0.0.1:9/alerts')
    await page.click('.ant-modal-footer .ant-btn-primary')
    const secret = await page.textContent('[data-testid=partner-secret]')
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/)
    await page.click('[data-testid=partner-secret-done]')
    const row = page.locator('[data-testid=partners-table] tr.ant-table-row:has-text("示例出行 App")')
    expect(await row.textContent()).toContain('启用')
    // The list never shows a secret.
    expect(await page.textContent('[data-testid=partners-table]')).not.toContain('whsec_')

    await row.locator('[data-testid=partner-rotate]').click()
    await page.click('.ant-popconfirm-buttons .ant-btn-primary:visible')
    // The first secret's modal may still be closing: wait for the new secret to show.
    const newSecret = (old: string | null) =>
      [...document.querySelectorAll('[data-testid=partner-secret]')]
        .map((e) => e.textContent ?? '')
        .find((t) => t.startsWith('whsec_') && t !== old)
    await page.waitForFunction(newSecret, secret)
    const rotated = await page.evaluate(newSecret, secret)
    expect(rotated).toMatch(/^whsec_/)
    await page.click('[data-testid=partner-secret-done]')
    await page.waitForSelector('[data-testid=partners-table] tr.ant-table-row:has-text("示例出行 App"):has-text("有效至")')

    await row.locator('[data-testid=partner-deactivate]').click()
    await page.click('.ant-popconfirm-buttons .ant-btn-primary:visible')
    await page.waitForSelector('[data-testid=partners-table] tr.ant-table-row:has-text("示例出行 App"):has-text("停用")')
    expect(await row.locator('[data-testid=partner-deactivate]').count()).toBe(0)
    await page.close()
  })
})

describe('radius by hand', () => {
  it('a commander widens the alert with a reason: an Update goes out and the map shows the hand-set ring as current', async () => {
    const page = await signInPage('command')
    await page.goto(`${baseUrl}/alerts/${alertId}`)
    await page.click('[data-testid=alert-radius]')
    await page.fill('#radiusKm', '150')
    await page.fill('[data-testid=alert-radius-reason]', '示例：线索显示可能乘车离开')
    await page.click('.ant-modal-footer .ant-btn-primary')
    await page.waitForSelector('[data-testid=alert-messages] tr.ant-table-row:has-text("更新")')
    expect(await page.textContent('[data-testid=alert-map-legend]')).toContain('手动范围 · 150 公里 · 当前')
    // The rule's later stages no longer go out, and the 100 km stage stays as sent.
    expect(await page.locator('[data-testid=alert-map] path.ty-ring-skipped').count()).toBe(3)
    expect(await page.locator('[data-testid=alert-map] path.ty-ring-past').count()).toBe(1)
    expect(await page.locator('[data-testid=alert-stages] tr.ant-table-row:has-text("已跳过")').count()).toBe(3)
    await page.close()
  })
})

describe('ending', () => {
  it('a commander ends the alert as found; the public page then says it has ended', async () => {
    const page = await signInPage('command')
    await page.goto(`${baseUrl}/alerts/${alertId}`)
    await page.click('[data-testid=alert-end]')
    // Only the end dialog: an earlier dialog may still be in the page, closing.
    const dialog = page.locator('.ant-modal:visible', { hasText: '已找到' })
    await dialog.locator('label:has-text("已找到")').click()
    await dialog.locator('.ant-modal-footer .ant-btn-dangerous:not([disabled])').click()
    await page.waitForSelector('[data-testid=alert-status]:has-text("已结束")')
    const messages = await page.locator('[data-testid=alert-messages] tbody tr.ant-table-row').allTextContents()
    expect(messages.at(-1)).toContain('解除')
    await page.close()

    const phone = await openOnPhone()
    await phone.goto(`${baseUrl}/public/alerts/${alertId}`)
    await phone.waitForSelector('[data-testid=public-alert-ended]')
    expect(await phone.textContent('[data-testid=public-alert-ended]')).toContain('此警报已结束')
    await phone.goto(`${baseUrl}/public/alerts`)
    await phone.waitForSelector('[data-testid=public-alerts-heading]')
    expect(await phone.locator(`[data-testid=public-alert-card]:has-text("${CHILD}")`).count()).toBe(0)
    await phone.close()
  })
})
