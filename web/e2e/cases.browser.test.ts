// The case pages in Chromium against a real server on a fresh PGlite with the demo data (src/modules/cases/demo.ts):
// the list and a case's workspace, intake with its checks, a refused close, supervision, and the public wanted page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, type Page } from 'playwright-core'
import sharp from 'sharp'
import { PASSWORD, startE2e, type E2e } from './harness.ts'

/**
 * An investigator at the ministry, made by the admin: the demo investigator (南山分局) cannot see the 福田
 * trafficking case, the 武侯 cold case or issue a wanted notice (a county unit issues none).
 */
const MINISTRY_INVESTIGATOR = 'e2e-ministry-investigator'

let e2e: E2e
let browser: Browser
let baseUrl: string

beforeAll(async () => {
  e2e = await startE2e('cases')
  ;({ browser, baseUrl } = e2e)
})

afterAll(async () => {
  await e2e?.close()
})

async function signedIn(username: string, path = '/cases'): Promise<Page> {
  const page = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } })
  await page.goto(`${baseUrl}/login`)
  await page.fill('#username', username)
  await page.fill('#password', PASSWORD)
  await page.click('[data-testid=login-submit]')
  await page.waitForSelector('[data-testid=dashboard-title]')
  await page.goto(`${baseUrl}${path}`)
  return page
}

/** The admin makes a user through the API, in the signed-in browser's session (cookie and CSRF token). */
async function createMinistryInvestigator() {
  const page = await signedIn('admin', '/')
  const { csrfToken } = (await (await page.request.get(`${baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string }
  const units = (await (await page.request.get(`${baseUrl}/api/units`)).json()) as { id: string; name: string }[]
  const ministry = units.find((u) => u.name === '公安部')!
  const created = await page.request.post(`${baseUrl}/api/users`, {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      username: MINISTRY_INVESTIGATOR,
      displayName: '部刑侦局侦查员',
      unitId: ministry.id,
      roles: ['investigator'],
      password: PASSWORD,
    },
  })
  expect(created.status()).toBe(201)
  await page.close()
}

const rowTexts = (page: Page) => page.locator('[data-testid=cases-table] tbody tr.ant-table-row').allTextContents()

describe('cases console', () => {
  it('lists the investigator’s cases, opens one and shows its timeline, newest first', async () => {
    const page = await signedIn('investigator')
    await page.waitForSelector('[data-testid=case-link]')
    // 南山分局 sees its own case only: not 福田's, 天河's or 武侯's.
    const rows = await rowTexts(page)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatch(/^MC-440305-\d{8}-\d+示例·小宇男/)
    expect(rows[0]).toContain('查找中')

    await page.click('[data-testid=case-link]')
    await page.waitForSelector('[data-testid=timeline-event]')
    expect(await page.textContent('[data-testid=case-title]')).toContain('示例·小宇')
    const kinds = await page.locator('[data-testid=timeline-event]').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')))
    // The demo's active alert (alerts module) and then a public tip about the child (clues module) put their own
    // events on the case: they come first, newest first.
    expect(kinds).toEqual([
      'clue.received',
      'alert.published',
      'alert.drafted',
      'dispatch',
      'case.status',
      'case.photo_added',
      'case.reported',
    ])
    const event = (kind: string) => page.locator(`[data-testid=timeline-event][data-kind="${kind}"]`)
    const dispatch = await event('dispatch').textContent()
    expect(dispatch).toContain('快速查找：调度处置')
    expect(dispatch).toContain('派出警力：南山派出所（示例） · 8 人 · 商场及周边搜寻')
    expect(dispatch).toContain('视频巡查：海岸城东门监控（示例） · 10:05 独自走出东门')
    expect(await event('case.status').textContent()).toContain('已报案 → 查找中说明：启动快速查找机制')
    expect(await event('alert.published').textContent()).toMatch(/^团圆警报发布.*范围 \d+ 公里.*查看警报$/)
    expect(await event('alert.published').locator('a').getAttribute('href')).toMatch(/^\/alerts\/[0-9a-f-]{36}$/)
    // The photo's thumbnail loads through the signed-in session.
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid=case-photo] img, img[data-testid=case-photo]')
      return img !== null && img.complete && img.naturalWidth > 0
    })
    // The child is still missing and the investigator may draft: the alert button leads to the draft page.
    expect(await page.getAttribute('[data-testid=case-draft-alert]', 'href')).toMatch(/^\/alerts\/new\?caseId=[0-9a-f-]{36}$/)
    await page.close()
  })

  it('edits the child’s details and refuses a text file passed off as a photo', async () => {
    const page = await signedIn('investigator', '/cases?q=小宇')
    await page.click('[data-testid=case-link]')
    await page.click('[data-testid=case-edit]')
    await page.waitForSelector('[data-testid=case-form]')
    await page.fill('#child_clothing', '蓝色外套，黑色运动裤，白色运动鞋')
    await page.click('[data-testid=case-form-submit]')
    await page.waitForSelector('[data-testid=timeline-event][data-kind="case.updated"]')
    expect(await page.textContent('[data-testid=timeline-event][data-kind="case.updated"]')).toContain('修改了：衣着')
    expect(await page.textContent('[data-testid=case-details]')).toContain('白色运动鞋')

    // The browser only sees the declared type; the server decodes the bytes and says what is wrong.
    await page.setInputFiles('[data-testid=case-photos] input[type=file]', {
      name: 'photo.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('not a picture at all'),
    })
    await page.waitForSelector('.ant-message >> text=该文件不是可识别的图片。')
    expect(await page.locator('[data-testid=case-photo]').count()).toBe(1)
    await page.close()
  })

  it('records the command centre’s rapid-search dispatch on the timeline', async () => {
    const page = await signedIn('command', '/cases?q=小宇')
    await page.click('[data-testid=case-link]')
    await page.click('[data-testid=case-dispatch]')
    await page.waitForSelector('[data-testid=dispatch-form]')
    // Nothing filled in: refused before sending, as the server would.
    await page.click('.ant-modal-footer .ant-btn-primary')
    await page.waitForSelector('text=请至少记录一项警力、卡点、监控、搜寻区域或备注。')
    await page.click('text=添加卡点')
    await page.fill('#checkpoints_0_location', '南山站（测试）')
    await page.click('text=添加区域')
    await page.fill('#areasSearched_0_area', '海岸城周边（测试）')
    await page.fill('#areasSearched_0_result', '未发现')
    await page.click('.ant-modal-footer .ant-btn-primary')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-event][data-kind=dispatch]').length === 2)
    const newest = await page.locator('[data-testid=timeline-event][data-kind=dispatch]').first().textContent()
    expect(newest).toContain('设卡堵截：南山站（测试）')
    expect(newest).toContain('搜寻区域：海岸城周边（测试） · 未发现')
    expect(newest).toMatch(/ · command设卡堵截/)
    await page.close()
  })

  it('sets up a task force from the case’s eligible officers when the investigator may not list users', async () => {
    const page = await signedIn('investigator', '/cases?q=小宇')
    await page.click('[data-testid=case-link]')
    await page.click('[data-testid=task-force-edit]')
    // The head is chosen among investigating and commanding officers only: the DNA analyst is not offered there.
    await page.click('#headUserId')
    const heads = page.locator('.ant-select-dropdown:visible .ant-select-item-option')
    await heads.first().waitFor()
    expect((await heads.allTextContents()).join('|')).not.toContain('陈检验')
    await page.click('.ant-select-dropdown:visible .ant-select-item-option[title^="李侦查"]')
    await page.click('text=添加成员')
    await page.click('#members_0_userId')
    await page.click('.ant-select-dropdown:visible .ant-select-item-option[title^="陈检验"]')
    await page.fill('#members_0_duty', '比对DNA（测试）')
    await page.click('.ant-modal-footer .ant-btn-primary')
    await page.waitForSelector('[data-testid=task-force]')
    const taskForce = await page.textContent('[data-testid=task-force]')
    expect(taskForce).toContain('组长李侦查（深圳市公安局南山分局）')
    expect(taskForce).toContain('比对DNA（测试）陈检验（广东省公安厅）')
    await page.waitForSelector('[data-testid=timeline-event][data-kind="task_force.set"]')
    await page.close()
  })

  it('filters the list by status and finds a case by name', async () => {
    await createMinistryInvestigator()
    const page = await signedIn(MINISTRY_INVESTIGATOR)
    await page.waitForSelector('[data-testid=case-link]')
    // The ministry sees every demo case, the found one too.
    expect((await rowTexts(page)).length).toBeGreaterThanOrEqual(4)
    await page.click('[data-testid=cases-status]')
    await page.click('.ant-select-dropdown:visible .ant-select-item-option[title="积案"]')
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=cases-table] tbody tr.ant-table-row').length === 1)
    expect((await rowTexts(page))[0]).toContain('示例·小峰')
    expect(new URL(page.url()).searchParams.get('status')).toBe('cold')

    await page.goto(`${baseUrl}/cases`)
    await page.fill('[data-testid=cases-search] input', '小雨')
    await page.press('[data-testid=cases-search] input', 'Enter')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=cases-table] tbody tr.ant-table-row').length === 1)
    expect((await rowTexts(page))[0]).toContain('示例·小雨')
    expect((await rowTexts(page))[0]).toContain('涉嫌拐卖')
    expect(new URL(page.url()).searchParams.get('q')).toBe('小雨')
    await page.close()
  })

  it('lists the 2015 case among the cold cases, with its unit and last action', async () => {
    const page = await signedIn(MINISTRY_INVESTIGATOR, '/cold-cases')
    await page.waitForSelector('[data-testid=cold-cases-table] tbody tr.ant-table-row')
    const rows = await page.locator('[data-testid=cold-cases-table] tbody tr.ant-table-row').allTextContents()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatch(/^MC-510107-20150602-1示例·小峰男 · 现 \d+ 岁积案2015-06-01 17:30:002015-06-02成都市公安局武侯区分局/)
    await page.close()
  })

  it('issues a class A wanted notice with a photo, publishes it to the public page and revokes it', async () => {
    const page = await signedIn(MINISTRY_INVESTIGATOR, '/cases?q=小雨')
    await page.click('[data-testid=case-link]')
    await page.click('[data-testid=case-wanted-issue]')
    await page.waitForSelector('[data-testid=wanted-form]')
    await page.fill('#suspectName', '测试·嫌疑人')
    await page.fill('#description', '测试数据：身高约175厘米，戴眼镜。')
    await page.fill('#rewardAmountCny', '50000')
    await page.fill('#contactPhone', '010-66262114')
    const photo = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#777' } })
      .jpeg()
      .toBuffer()
    await page.setInputFiles('[data-testid=wanted-form] input[type=file]', { name: 'suspect.jpg', mimeType: 'image/jpeg', buffer: photo })
    await page.click('.ant-modal-footer .ant-btn-primary')
    const row = page.locator('[data-testid=case-wanted] tr.ant-table-row', { hasText: '测试·嫌疑人' })
    await row.waitFor()
    expect(await row.textContent()).toContain('A 级')
    expect(await row.locator('[data-testid=wanted-status]').textContent()).toBe('草稿')

    await row.locator('[data-testid=wanted-publish]').click()
    await page.click('.ant-popconfirm .ant-btn-primary')
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=case-wanted] tr.ant-table-row')].some(
        (tr) => tr.textContent?.includes('测试·嫌疑人') && tr.textContent.includes('已发布'),
      ),
    )
    const publicPage = await browser.newPage({ locale: 'zh-CN' })
    await publicPage.goto(`${baseUrl}/public/wanted`)
    await publicPage.waitForSelector('[data-testid=public-wanted-card] >> text=测试·嫌疑人')
    const card = publicPage.locator('[data-testid=public-wanted-card]', { hasText: '测试·嫌疑人' })
    expect(await card.textContent()).toContain('悬赏人民币 50,000 元')
    // The photo was stored with the notice and is served to anyone.
    await publicPage.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.ty-wanted-thumb')].some((img) => img.alt === '测试·嫌疑人' && img.naturalWidth > 0),
    )

    await row.locator('[data-testid=wanted-revoke]').click()
    await page.click('[data-testid=wanted-revoke-reason]')
    await page.click('.ant-select-dropdown:visible .ant-select-item-option[title="已抓获"]')
    await page.click('.ant-modal-footer .ant-btn-dangerous')
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=case-wanted] tr.ant-table-row')].some(
        (tr) => tr.textContent?.includes('测试·嫌疑人') && tr.textContent.includes('已撤销'),
      ),
    )
    await publicPage.reload()
    await publicPage.waitForSelector('[data-testid=public-wanted-card]')
    expect(await publicPage.locator('[data-testid=public-wanted-card]').allTextContents()).toEqual([expect.stringContaining('示例·某某')])
    await publicPage.close()
    // Issuing, publishing and revoking are on the case's timeline.
    await page.reload()
    await page.waitForSelector('[data-testid=timeline-event]')
    const kinds = await page.locator('[data-testid=timeline-event]').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')))
    expect(kinds.slice(0, 3)).toEqual(['wanted_notice.revoked', 'wanted_notice.published', 'wanted_notice.drafted'])
    await page.close()
  })

  it('shows the server’s refusal when someone tries to close the unsolved trafficking case', async () => {
    const page = await signedIn(MINISTRY_INVESTIGATOR, '/cases?q=小雨')
    await page.click('[data-testid=case-link]')
    await page.waitForSelector('[data-testid=task-force]')
    expect(await page.textContent('[data-testid=task-force]')).toContain('王指挥')

    await page.click('[data-testid=case-move-to]')
    await page.click('.ant-select-dropdown:visible .ant-select-item-option[title="已结案"]')
    await page.click('[data-testid=case-close-reason]')
    await page.click('.ant-select-dropdown:visible .ant-select-item-option[title="报案人撤回"]')
    await page.fill('[data-testid=case-move-reason]', '家属要求撤案')
    await page.click('[data-testid=case-move-submit]')
    await page.waitForSelector('[data-testid=case-move-refusal]')
    expect(await page.textContent('[data-testid=case-move-refusal]')).toBe(
      '涉嫌拐卖的案件，儿童未找到前任何人不得结案（一长三包：案件不破，专案组不撤）。',
    )
    // Nothing changed: still searching, and no status event was added.
    await page.reload()
    await page.waitForSelector('[data-testid=timeline-event]')
    expect(await page.textContent('[data-testid=case-title]')).toContain('查找中')
    const statusEvents = await page.locator('[data-testid=timeline-event][data-kind="case.status"]').count()
    expect(statusEvents).toBe(1)
    await page.close()
  })

  it('checks a report in the browser first, then opens the case with its first timeline event', async () => {
    const page = await signedIn('investigator')
    await page.click('[data-testid=case-report]')
    await page.waitForSelector('[data-testid=case-form]')
    await page.fill('[data-testid=case-child-name]', '测试·小明')
    await page.fill('#child_ageYears', '6')
    await page.click('#lastSeen_divisionCode')
    for (const name of ['广东省', '深圳市', '南山区']) await page.click(`.ant-cascader-menu-item[title="${name}"]`)
    await page.fill('#lastSeen_address', '南山区某公园（测试）')
    await page.fill('#lastSeen_lat', '22.52')
    await page.fill('#circumstances', '在公园玩耍时走失（测试）')
    await page.fill('#reporter_name', '测试家长')
    await page.fill('#reporter_relation', '父亲')
    await page.fill('#reporter_phone', '12345')
    await page.click('[data-testid=case-form-submit]')
    // Caught before sending: the lone latitude and the bad phone number, in the server's own terms.
    await page.waitForSelector('text=请填写有效的手机号码或带区号的固定电话')
    await page.waitForSelector('text=经度和纬度须同时填写')

    await page.fill('#reporter_phone', '138 0013 8000')
    await page.fill('#lastSeen_lon', '113.95')
    await page.click('[data-testid=case-form-submit]')
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/)
    await page.waitForSelector('[data-testid=timeline-event]')
    expect(await page.textContent('[data-testid=case-title]')).toMatch(/MC-440305-\d{8}-\d+ · 测试·小明已报案/)
    expect(await page.locator('[data-testid=timeline-event]').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')))).toEqual([
      'case.reported',
    ])
    // Stored normalised by the server.
    expect(await page.textContent('[data-testid=case-details]')).toContain('13800138000')
    await page.close()
  })

  it('shows the province’s supervised case with its warning and the next report due', async () => {
    const page = await signedIn('supervisor', '/supervision')
    await page.waitForSelector('[data-testid=supervision-open]')
    const rows = await page.locator('[data-testid=supervision-table] tbody tr.ant-table-row').allTextContents()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatch(
      /^MC-440304-\d{8}-\d+警示：限期侦破（示例）省级督办广东省公安厅深圳市公安局福田分局每 7 日报告—\d{4}-\d\d-\d\d \d\d:\d\d:\d\d查 看$/,
    )
    await page.click('[data-testid=supervision-open]')
    await page.waitForSelector('[data-testid=supervision-detail]')
    expect(await page.textContent('[data-testid=supervision-detail]')).toContain('尚无进展报告')
    await page.close()
  })

  it('lists a case for supervision, takes the unit’s progress report and lifts the listing', async () => {
    // The province lists 南山's case from its workspace.
    const supervisor = await signedIn('supervisor', '/cases?q=小宇')
    await supervisor.click('[data-testid=case-link]')
    await supervisor.click('[data-testid=case-supervise]')
    await supervisor.waitForSelector('[data-testid=supervision-form]')
    await supervisor.fill('#warning', '每日通报查找进展（测试）')
    await supervisor.fill('#reportCycleDays', '3')
    await supervisor.click('.ant-modal-footer .ant-btn-primary')
    await supervisor.waitForSelector('[data-testid=case-supervision-item]')
    expect(await supervisor.textContent('[data-testid=case-supervision-item]')).toContain('警示：每日通报查找进展（测试）')

    // 南山分局, the case's unit, reports from the same workspace: the next report moves three days on.
    const investigator = await signedIn('investigator', '/cases?q=小宇')
    await investigator.click('[data-testid=case-link]')
    await investigator.waitForSelector('[data-testid=case-supervision-item]')
    await investigator.click('[data-testid=case-supervision-item] button')
    await investigator.fill('[data-testid=supervision-report-text]', '已排查商场周边监控 40 处（测试）')
    await investigator.click('[data-testid=supervision-report-submit]')
    await investigator.waitForSelector('[data-testid=supervision-report]')
    expect(await investigator.textContent('[data-testid=supervision-report]')).toContain('已排查商场周边监控 40 处（测试）')
    expect(await investigator.locator('[data-testid=supervision-lift]').count()).toBe(0)
    await investigator.keyboard.press('Escape')
    await investigator.waitForSelector('[data-testid=timeline-event][data-kind="supervision.report"]')
    await investigator.close()

    await supervisor.goto(`${baseUrl}/supervision`)
    const row = supervisor.locator('[data-testid=supervision-table] tbody tr.ant-table-row', { hasText: '每日通报查找进展（测试）' })
    await row.locator('[data-testid=supervision-open]').click()
    await supervisor.waitForSelector('[data-testid=supervision-report]')
    await supervisor.click('[data-testid=supervision-lift]')
    await supervisor.fill('#note', '儿童已找到（测试）')
    await supervisor.click('.ant-modal-footer .ant-btn-dangerous')
    await supervisor.waitForSelector('[data-testid=supervision-detail] >> text=已撤销')
    await supervisor.keyboard.press('Escape')
    // Lifted listings leave the default (active) list.
    await supervisor.waitForFunction(
      () => ![...document.querySelectorAll('[data-testid=supervision-table] tbody tr')].some((tr) => tr.textContent?.includes('每日通报')),
    )
    await supervisor.close()
  })
})

describe('public wanted notices', () => {
  const openOnPhone = () => browser.newPage({ locale: 'zh-CN', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })

  it('shows the demo class B notice to anyone, on a 360 px phone, and its detail page', async () => {
    const page = await openOnPhone()
    await page.goto(`${baseUrl}/public/wanted`)
    await page.waitForSelector('[data-testid=public-wanted-card]')
    expect(await page.textContent('[data-testid=public-wanted-title]')).toBe('通缉令')
    const cards = await page.locator('[data-testid=public-wanted-card]').allTextContents()
    expect(cards).toHaveLength(1)
    expect(cards[0]).toContain('B 级示例·某某')
    expect(cards[0]).toContain('男 · 1985 年生')
    expect(cards[0]).toContain('示例：对提供线索抓获者给予奖励（人民币 20,000 元）')
    expect(await page.getAttribute('[data-testid=public-wanted-card] a[href^="tel:"]', 'href')).toBe('tel:02083110000')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.ty-wanted-thumb')
      return img !== null && img.complete && img.naturalWidth > 0
    })

    await page.click('[data-testid=public-wanted-card] .ty-wanted-card-link')
    await page.waitForSelector('[data-testid=public-wanted-detail]')
    expect(await page.textContent('[data-testid=public-wanted-name]')).toBe('通缉：示例·某某')
    expect(await page.textContent('[data-testid=public-wanted-description]')).toBe('示例数据：身高约170厘米，偏瘦，操外地口音。')
    expect(await page.textContent('[data-testid=public-wanted-detail]')).toContain('广东省公安厅')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

    await page.click('[data-testid=lang-switch]')
    await page.waitForSelector('text=Call with information: 020-83110000')
    await page.close()
  })

  it('tells the public a notice that is not published no longer stands', async () => {
    const page = await openOnPhone()
    await page.goto(`${baseUrl}/public/wanted/00000000-0000-4000-8000-000000000000`)
    await page.waitForSelector('[data-testid=public-wanted-gone]')
    expect(await page.textContent('[data-testid=public-wanted-gone]')).toContain('该通缉令已撤销')
    await page.close()
  })
})
