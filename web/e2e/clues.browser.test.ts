// Clues in Chromium against a real server on a fresh PGlite with the demo data (src/modules/clues/demo.ts): a member
// of the public sends a tip from the demo alert's page on a phone (real proof of work, cancelled once), keeps the
// receipt code, checks the tip and adds to it; 南山分局's investigator finds it in the inbox, reads it (script shown
// as text, its point on the map, the addition in the history) and closes it with an outcome; the tipster then reads
// "closed". The demo's other clues fill the inbox's tabs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { PASSWORD, startE2e, type E2e } from './harness.ts'

// The first line is the subject officers see; the second line tries to run a script wherever the text is shown.
const TIP_SUBJECT = '示例：地铁口看到一个哭泣的小男孩'
const SCRIPT = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
const TIP_TEXT = `${TIP_SUBJECT}\n穿蓝色外套，被一名中年女子拉着走。${SCRIPT}`
const ADDITION = '示例补充：两人上了一辆白色面包车，车牌尾号 37。'

let e2e: E2e
let browser: Browser
let baseUrl: string
let alertId: string
let receipt: string

beforeAll(async () => {
  // A costlier challenge than usual, so that the "checking" step lasts long enough to be seen and cancelled.
  e2e = await startE2e('clues', { TUANYUAN_POW_DIFFICULTY: '400000' })
  ;({ browser, baseUrl } = e2e)
  const alerts = await e2e.server.app.inject({ method: 'GET', url: '/api/public/alerts' })
  alertId = alerts.json<{ id: string }[]>()[0].id
})

afterAll(async () => {
  await e2e?.close()
})

const openOnPhone = () =>
  browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true })

async function signedIn(username: string, path: string): Promise<Page> {
  const page = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } })
  await page.goto(`${baseUrl}/login`)
  await page.fill('#username', username)
  await page.fill('#password', PASSWORD)
  await page.click('[data-testid=login-submit]')
  await page.waitForSelector('[data-testid=dashboard-title]')
  await page.goto(`${baseUrl}${path}`)
  return page
}

const fitsThePhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

async function photo(): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const buffer = await sharp({ create: { width: 240, height: 180, channels: 3, background: { r: 60, g: 120, b: 200 } } })
    .jpeg()
    .toBuffer()
  return { name: 'seen.jpg', mimeType: 'image/jpeg', buffer }
}

describe('a tip from the public', () => {
  it('goes from the alert page through the challenge (cancelled once, then solved) to a receipt code shown once', async () => {
    const page = await openOnPhone()
    await page.goto(`${baseUrl}/public/alerts/${alertId}`)
    await page.click('[data-testid=public-alert-tip]')
    await page.waitForSelector('[data-testid=tip-about-alert]')
    expect(new URL(page.url()).search).toBe(`?alertId=${alertId}`)
    expect(await page.textContent('[data-testid=tip-about-alert]')).toContain('示例·小宇')
    // The alert's county is chosen for the tipster.
    await page.waitForSelector('.ant-cascader:has-text("南山区")')
    await fitsThePhone(page)

    await page.fill('[data-testid=tip-text]', TIP_TEXT)
    await page.fill('[data-testid=tip-address]', '南山区后海地铁站 D 口（示例）')
    await page.click('[data-testid=tip-map]')
    await page.waitForSelector('[data-testid=tip-point]:has-text("已标出")')
    expect(await page.locator('[data-testid=tip-map] path.ty-clue-point').count()).toBe(1)
    await page.setInputFiles('[data-testid=tip-photos] input[type=file]', await photo())
    await page.waitForSelector('.ant-upload-list-item:has-text("seen.jpg")')

    // Cancelled while the browser is checking: nothing is sent and everything typed stays.
    await page.click('[data-testid=tip-submit]')
    await page.waitForSelector('[data-testid=proof-phase-checking]')
    expect(await page.textContent('[data-testid=proof-progress]')).toContain('正在进行安全校验')
    await page.click('[data-testid=proof-cancel]')
    await page.waitForSelector('[data-testid=proof-progress]', { state: 'detached' })
    expect(await page.inputValue('[data-testid=tip-text]')).toBe(TIP_TEXT)
    expect(await page.locator('[data-testid=tip-receipt]').count()).toBe(0)

    await page.click('[data-testid=tip-submit]')
    await page.waitForSelector('[data-testid=proof-phase-checking]')
    await page.waitForSelector('[data-testid=tip-receipt]', { timeout: 60_000 })
    receipt = (await page.textContent('[data-testid=tip-receipt]'))!.match(/[0-9A-Z]{5}-[0-9A-Z]{5}/)![0]
    expect(await page.textContent('[data-testid=tip-receipt-card]')).toContain('编号只显示这一次')
    expect(await page.textContent('[data-testid=tip-receipt-card]')).not.toContain('未能上传')
    await fitsThePhone(page)
    // The code is not in the address bar (nor, so, in the browser's history).
    await page.click('[data-testid=tip-status-link]')
    await page.waitForSelector('[data-testid=tip-status]')
    expect(page.url()).toBe(`${baseUrl}/public/tips/status`)
    expect(await page.textContent('[data-testid=tip-status]')).toBe('已收到')
    expect(await page.textContent('[data-testid=tip-status-additions]')).toBe('0')
    await page.close()
  })

  it('lets the tipster check the tip by its code, refuses a wrong one readably, and takes an addition', async () => {
    const page = await openOnPhone()
    await page.goto(`${baseUrl}/public/tips/status`)
    await page.fill('[data-testid=tip-status-receipt]', 'ZZZZZ-ZZZZZ')
    await page.click('[data-testid=tip-status-check]')
    await page.waitForSelector('[data-testid=tip-status-problem]')
    expect(await page.textContent('[data-testid=tip-status-problem]')).toContain('没有找到这个编号对应的线索')

    // Typed as people do: lower case, a space for the dash.
    await page.fill('[data-testid=tip-status-receipt]', receipt.toLowerCase().replace('-', ' '))
    await page.click('[data-testid=tip-status-check]')
    await page.waitForSelector('[data-testid=tip-status]:has-text("已收到")')
    await page.fill('[data-testid=tip-addition-text]', ADDITION)
    await page.click('[data-testid=tip-addition-submit]')
    await page.waitForSelector('[data-testid=tip-status-additions]:has-text("1")', { timeout: 60_000 })
    expect(await page.inputValue('[data-testid=tip-addition-text]')).toBe('')
    await fitsThePhone(page)
    await page.close()
  })

  it('reads in English after the switch', async () => {
    const page = await openOnPhone()
    await page.goto(`${baseUrl}/public/tips/new`)
    await page.click('[data-testid=lang-switch]')
    await page.waitForSelector('[data-testid=tip-title]:has-text("Send a tip")')
    expect(await page.textContent('[data-testid=tip-submit]')).toContain('Send tip')
    await page.click('[data-testid=lang-switch]')
    await page.close()
  })
})

describe('the receiving unit', () => {
  it('finds the tip in 南山’s inbox beside the demo clues, with counts on the tabs', async () => {
    const page = await signedIn('investigator', '/clues')
    await page.waitForSelector(`[data-testid=clue-link]:has-text("${TIP_SUBJECT}")`)
    // The demo's directive is due soon and Chengdu's request overdue.
    expect(await page.textContent('[data-testid=clues-count-due_soon]')).toBe('1')
    expect(await page.textContent('[data-testid=clues-count-overdue]')).toBe('1')
    expect(Number(await page.textContent('[data-testid=clues-count-new]'))).toBeGreaterThanOrEqual(4)
    await page.click('[data-testid=clues-tab-overdue]')
    // The new tab's rows stay until the overdue list arrives: wait for the list to become the one row.
    await expect.poll(() => page.locator('[data-testid=clues-table] tr.ant-table-row').count()).toBe(1)
    expect(await page.textContent('[data-testid=clues-table] tr.ant-table-row')).toContain('协查请求')
    expect(await page.textContent('[data-testid=clues-table]')).toContain('已逾期')
    await page.close()
  })

  it('gives the tip a team from the inbox; the tipster then reads "in progress"', async () => {
    const page = await signedIn('investigator', '/clues')
    const row = page.locator(`[data-testid=clues-table] tr.ant-table-row:has-text("${TIP_SUBJECT}")`)
    await row.locator('td.ant-table-selection-column').click()
    await page.click('[data-testid=clues-assign]')
    await page.click('[data-testid=assign-people]')
    await page.click('.ant-select-item-option:has-text("李侦查")')
    await page.keyboard.press('Escape')
    await page.click('.ant-modal-footer .ant-btn-primary')
    await row.waitFor({ state: 'detached' })
    await page.click('[data-testid=clues-tab-open]')
    expect(await row.textContent()).toContain('1 人')
    await page.close()

    const phone = await openOnPhone()
    await phone.goto(`${baseUrl}/public/tips/status`)
    await phone.fill('[data-testid=tip-status-receipt]', receipt)
    await phone.click('[data-testid=tip-status-check]')
    await phone.waitForSelector('[data-testid=tip-status]')
    expect(await phone.textContent('[data-testid=tip-status]')).toBe('核查中')
    await phone.close()
  })

  it('opens the clue: script as text, the point on the map, the photo, the addition in the history; closes it with an outcome', async () => {
    const page = await signedIn('investigator', '/clues?view=open')
    await page.click(`[data-testid=clue-link]:has-text("${TIP_SUBJECT}")`)
    await page.waitForSelector('[data-testid=clue-text]')
    expect(await page.textContent('[data-testid=clue-subject]')).toBe(TIP_SUBJECT)
    expect(await page.textContent('[data-testid=clue-text]')).toContain(SCRIPT)
    expect(await page.locator('[data-testid=clue-text] script, [data-testid=clue-text] img').count()).toBe(0)
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
    await page.waitForSelector('[data-testid=clue-map] path.ty-clue-point')
    expect(await page.textContent('[data-testid=clue-place]')).toContain('南山区后海地铁站 D 口（示例）')
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.querySelector<HTMLImageElement>('[data-testid=clue-attachment-photo] img, img[data-testid=clue-attachment-photo]')
              ?.naturalWidth ?? 0,
        ),
      )
      .toBeGreaterThan(0)
    const events = page.locator('[data-testid=clue-event]')
    await page.waitForSelector(`[data-testid=clue-event][data-kind="tip.addition"]:has-text("${ADDITION}")`)
    // Newest first: the team came after the addition, which came after the photo, which came after the tip.
    expect(await events.first().getAttribute('data-kind')).toBe('clue.assigned')
    expect(await events.last().getAttribute('data-kind')).toBe('clue.received')
    expect(await page.textContent('[data-testid=clue-routes]')).toContain('深圳市公安局南山分局')

    await page.click('[data-testid=feedback-outcome-confirmed_lead]')
    await page.fill('[data-testid=feedback-note]', '示例：已调取监控，确认为走失儿童，已移交专案组。')
    await page.click('[data-testid=feedback-submit]')
    await page.waitForSelector('[data-testid=clue-status-tag]:has-text("已办结")')
    expect(await page.textContent('[data-testid=clue-outcome-tag]')).toBe('查证属实')
    await page.waitForSelector('[data-testid=clue-event][data-kind="clue.closed"]')
    expect(await page.locator('[data-testid=feedback-submit]').count()).toBe(0)
    await page.close()
  })

  it('the tipster then reads "closed", and no more additions are offered', async () => {
    const page = await openOnPhone()
    await page.goto(`${baseUrl}/public/tips/status`)
    await page.fill('[data-testid=tip-status-receipt]', receipt)
    await page.click('[data-testid=tip-status-check]')
    await page.waitForSelector('[data-testid=tip-status]')
    expect(await page.textContent('[data-testid=tip-status]')).toBe('已办结')
    // The tipster learns that it is closed, not what was found.
    expect(await page.textContent('[data-testid=tip-status-card]')).not.toContain('查证属实')
    expect(await page.locator('[data-testid=tip-addition]').count()).toBe(0)
    await page.close()
  })
})
