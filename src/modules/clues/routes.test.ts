import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { manualClock } from '../../platform/clock.ts'
import { queryRows } from '../../platform/db/client.ts'
import { testApp, type TestApp } from '../../platform/http/testing.ts'
import { proofOfWorkHeaders } from '../../platform/http/abuse/testing.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import { makeCase, makeImage } from '../cases/testing.ts'
import { investigatorOf, makeClueUnits, tipInput, type ClueUnits } from './testing.ts'

let t: TestApp
let units: ClueUnits
const people: Record<string, TestUser> = {}

beforeAll(async () => {
  // An easy challenge and a roomy per-address limit: these tests are about the tips, not the abuse layer.
  t = await testApp({
    clock: manualClock('2026-01-05T01:00:00Z'),
    env: { TUANYUAN_POW_DIFFICULTY: '2', TUANYUAN_INTAKE_IP_BURST: '1000' },
  })
  units = await makeClueUnits(t.ctx())
  people.nanshan = await investigatorOf(t.ctx(), units.nanshan)
  people.nanshan2 = await investigatorOf(t.ctx(), units.nanshan)
  people.futian = await investigatorOf(t.ctx(), units.futian)
  people.shenzhen = await makeUser(t.ctx(), units.shenzhen, ['command'])
  people.civil = await makeUser(t.ctx(), units.civil, ['caseworker'])
})
afterAll(() => t?.close())

async function as(who: TestUser) {
  const client = t.client()
  expect((await client.login(who.user.username, who.password)).statusCode).toBe(200)
  return client
}

const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.database.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0].n
const counts = async () => ({
  clue: await count('clue'),
  receipts: await count('clue_receipt'),
  events: await count('clue_event'),
  deadlines: await count('deadline'),
  files: await count('clue_attachment'),
})

/** A public submission with a solved challenge, as the tip page sends it. */
const publicPost = async (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...(await proofOfWorkHeaders(t.app)), ...headers } })
const postTip = (payload: unknown, headers: Record<string, string> = {}) => publicPost('/api/public/tips', payload, headers)

describe('public tips by receipt code', () => {
  it('takes a tip without login, lets the tipster add to it and read its status, and nobody without the code', async () => {
    const res = await postTip(tipInput({ contact: { name: '王先生', phone: '13900000000' } }))
    expect(res.statusCode).toBe(201)
    expect(res.headers['cache-control']).toBe('no-store')
    const { receipt, status } = res.json()
    expect(status).toBe('received')
    expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/)
    // The code is not kept in the clear anywhere.
    const stored = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT ((SELECT count(*) FROM clue_receipt WHERE receipt_hash LIKE ${'%' + receipt.replace('-', '') + '%'})
        + (SELECT count(*) FROM clue WHERE text LIKE ${'%' + receipt + '%'}))::int AS n`,
    )
    expect(stored[0].n).toBe(0)

    const added = await publicPost(`/api/public/tips/${encodeURIComponent(receipt.toLowerCase().replace('-', ' '))}/additions`, {
      text: '男孩被一名中年女子带上了出租车',
    })
    expect(added.statusCode).toBe(200)
    expect(added.json()).toMatchObject({ status: 'received', additions: 1 })
    const seen = await t.app.inject({ method: 'GET', url: `/api/public/tips/${receipt}` })
    expect(seen.json()).toEqual({
      status: 'received',
      receivedAt: '2026-01-05T01:00:00.000Z',
      updatedAt: '2026-01-05T01:00:00.000Z',
      additions: 1,
    })

    // A wrong code, a near miss and rubbish all answer the same 404, and write nothing.
    const before = await counts()
    const last = receipt.at(-1) === '0' ? '1' : '0'
    for (const code of [`${receipt.slice(0, -1)}${last}`, 'AAAAA-AAAAA', 'x', '%27%20OR%201=1--']) {
      const wrong = await publicPost(`/api/public/tips/${code}/additions`, { text: '冒充补充' })
      expect(wrong.statusCode).toBe(404)
      expect(wrong.json().code).toBe('tip.not_found')
      expect((await t.app.inject({ method: 'GET', url: `/api/public/tips/${code}` })).statusCode).toBe(404)
    }
    expect(await counts()).toEqual(before)

    // The receiving unit sees the addition on the tip's history; the tipster's view shows no unit or outcome.
    const police = await as(people.nanshan)
    const [tip] = (await police.get('/api/clues?view=new&kind=public_tip')).json()
    expect(tip).toMatchObject({ source: 'public', contact: { name: '王先生', phone: '13900000000' }, routedUnitId: units.nanshan.id })
    const events = (await police.get(`/api/clues/${tip.id}/events`)).json()
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['clue.received', 'tip.addition'])
    expect(events[1].details.text).toBe('男孩被一名中年女子带上了出租车')

    await police.post(`/api/clues/${tip.id}/feedback`, { note: '已找到孩子家长' })
    expect((await t.app.inject({ method: 'GET', url: `/api/public/tips/${receipt}` })).json().status).toBe('in_progress')
    await police.post(`/api/clues/${tip.id}/feedback`, { note: '孩子已交还家长', outcome: 'confirmed_lead' })
    expect((await t.app.inject({ method: 'GET', url: `/api/public/tips/${receipt}` })).json()).toMatchObject({ status: 'closed' })
  })
})

describe('duplicates', () => {
  it('stores a tip sent twice once, and gives each sender a receipt that works', async () => {
    const before = await counts()
    const tip = tipInput({ subject: '重复提交', text: '同一条线索' })
    const first = (await postTip(tip)).json().receipt
    const again = await postTip({ ...tip, text: ' 同一条线索 ' })
    expect(again.statusCode).toBe(201)
    const second = again.json().receipt
    expect(second).not.toBe(first)
    const after = await counts()
    expect([after.clue - before.clue, after.receipts - before.receipts]).toEqual([1, 2])
    await publicPost(`/api/public/tips/${second}/additions`, { text: '补充' })
    expect((await t.app.inject({ method: 'GET', url: `/api/public/tips/${first}` })).json().additions).toBe(1)
    // Ten minutes on, the same words are a new tip.
    t.clock.advance(10 * 60_000)
    await postTip(tip)
    expect((await counts()).clue - before.clue).toBe(2)
  })
})

describe('hostile and malformed input', () => {
  it('stores script verbatim and returns it only as JSON', async () => {
    const script = '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>'
    const res = await postTip(tipInput({ subject: script, text: `"; DROP TABLE clue; -- ${script}` }))
    expect(res.statusCode).toBe(201)
    const police = await as(people.nanshan)
    const list = await police.get('/api/clues?view=new')
    expect(list.headers['content-type']).toMatch(/^application\/json/)
    const tip = list.json().find((c: { subject: string }) => c.subject === script)
    expect(tip.text).toBe(`"; DROP TABLE clue; -- ${script}`)
    const one = await police.get(`/api/clues/${tip.id}`)
    expect(one.headers['content-type']).toMatch(/^application\/json/)
    expect(one.headers['x-content-type-options']).toBe('nosniff')
  })

  it('refuses oversized bodies, wrong types, unknown fields and bad places with problem+json, writing nothing', async () => {
    const before = await counts()
    const huge = await postTip(tipInput({ text: '很'.repeat(20_000) }))
    expect(huge.statusCode).toBe(413)
    expect(huge.headers['content-type']).toMatch(/^application\/problem\+json/)
    const cases: [unknown, number, string][] = [
      [{ ...tipInput(), text: 42 }, 400, '/text'],
      [{ ...tipInput(), text: '' }, 400, '/text'],
      [{ ...tipInput(), subject: ' \n\t ' }, 400, '/subject'],
      [{ ...tipInput(), place: { divisionCode: '44030' } }, 400, '/place/divisionCode'],
      [{ ...tipInput(), place: { divisionCode: '440305', lat: 91, lon: 0 } }, 400, '/place/lat'],
      [{ ...tipInput(), isAdmin: true }, 400, '/isAdmin'],
      [{ ...tipInput(), seenAt: 'yesterday' }, 400, '/seenAt'],
      [{ ...tipInput(), caseId: 'not-a-uuid' }, 400, '/caseId'],
      [{ ...tipInput(), place: { divisionCode: '440305', lat: 22.5 } }, 400, '/place'],
      [{ ...tipInput(), place: { divisionCode: '999999' } }, 400, '/place/divisionCode'],
      [{ ...tipInput(), caseId: crypto.randomUUID() }, 400, '/caseId'],
      [[tipInput()], 400, ''],
    ]
    for (const [payload, status, path] of cases) {
      const res = await postTip(payload)
      expect([res.statusCode, res.json().errors?.[0]?.path ?? '']).toEqual([status, path])
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    }
    const notJson = await postTip('{"subject": "a", ', { 'content-type': 'application/json' })
    expect(notJson.statusCode).toBe(400)
    const form = await postTip('subject=a', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(form.statusCode).toBe(415)
    expect(await counts()).toEqual(before)
  })

  it('refuses files that lie about their type, and keeps the ones that are what they say', async () => {
    const { receipt } = (await postTip(tipInput())).json()
    const photo = (body: Buffer | string, type: string) => publicPost(`/api/public/tips/${receipt}/photos`, body, { 'content-type': type })
    const before = await counts()
    const png = await makeImage('png', 64, 48)
    const refusals: [Buffer | string, string, string][] = [
      [png, 'image/jpeg', 'photo.type_mismatch'],
      ['<html><script>alert(1)</script></html>', 'image/png', 'photo.not_an_image'],
      [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not really a jpeg')]), 'image/jpeg', 'photo.not_an_image'],
      [png.subarray(0, png.length / 2), 'image/png', 'photo.not_an_image'],
      [Buffer.from('%PDF-1.7\n1 0 obj\n%%EOF\n'), 'application/pdf', 'clue.attachment_type'],
    ]
    for (const [body, type, code] of refusals) {
      const res = await photo(body, type)
      expect([res.statusCode, res.json().code]).toEqual([400, code])
    }
    expect(await counts()).toEqual(before)
    const ok = await photo(png, 'image/png')
    expect(ok.statusCode).toBe(201)
    expect(ok.json()).toMatchObject({ contentType: 'image/png' })

    // Units may attach PDFs to what they send, but only real ones.
    const command = await as(people.shenzhen)
    const directive = await command.post('/api/clues/directives', { subject: '指令', text: '请核查', targetUnitId: units.nanshan.id })
    expect(directive.statusCode).toBe(201)
    const attach = (body: Buffer | string, type: string) =>
      command.request({
        method: 'POST',
        url: `/api/clues/${directive.json().id}/attachments`,
        payload: body,
        headers: { 'content-type': type },
      })
    expect((await attach('just text pretending', 'application/pdf')).json().code).toBe('clue.attachment_type_mismatch')
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')
    expect((await attach(pdf, 'image/png')).json().code).toBe('clue.attachment_type_mismatch')
    const stored = await attach(pdf, 'application/pdf')
    expect(stored.statusCode).toBe(201)
    const download = await (await as(people.nanshan)).get(`/api/clues/${directive.json().id}/attachments/${stored.json().id}`)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.headers['content-disposition']).toBe('attachment')
    expect(download.rawPayload.equals(pdf)).toBe(true)
  })
})

describe('the receiving unit’s work', () => {
  it('assigns teams in bulk, all or none', async () => {
    const police = await as(people.nanshan)
    const ids: string[] = []
    for (const subject of ['一', '二']) ids.push((await police.post('/api/clues/tips', tipInput({ subject }))).json().id)
    const foreign = (await (await as(people.futian)).post('/api/clues/tips', tipInput({ place: { divisionCode: '440304' } }))).json().id
    const team = [people.nanshan.user.id, people.nanshan2.user.id]

    const mixed = await police.post('/api/clues/assignments', { clueIds: [...ids, foreign], assignees: team })
    expect([mixed.statusCode, mixed.json().code]).toEqual([404, 'clue.not_found'])
    const outsider = await police.post('/api/clues/assignments', { clueIds: ids, assignees: [people.futian.user.id] })
    expect([outsider.statusCode, outsider.json().code]).toEqual([400, 'clue.assignee_not_in_unit'])
    for (const id of ids) expect((await police.get(`/api/clues/${id}`)).json()).toMatchObject({ status: 'new', assignees: [] })

    const done = await police.post('/api/clues/assignments', { clueIds: ids, assignees: team })
    expect(done.statusCode).toBe(200)
    expect(done.json().map((c: { status: string }) => c.status)).toEqual(['assigned', 'assigned'])
    const mine = (await (await as(people.nanshan2)).get('/api/clues?mine=true')).json()
    expect(mine.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort())
  })

  it('closes the loop: the sender sees the result, and a linked case gets it on its timeline', async () => {
    const missing = await makeCase(t.ctx(people.nanshan.actor), units.nanshan)
    const police = await as(people.nanshan)
    const tip = (await police.post('/api/clues/tips', tipInput({ caseId: missing.id }))).json()
    const answered = await police.post(`/api/clues/${tip.id}/feedback`, { note: '经核实为该失踪儿童', outcome: 'confirmed_lead' })
    expect(answered.json()).toMatchObject({ status: 'closed', outcome: 'confirmed_lead' })
    const again = await police.post(`/api/clues/${tip.id}/feedback`, { note: '再次', outcome: 'no_finding' })
    expect([again.statusCode, again.json().code]).toEqual([409, 'clue.closed'])
    const timeline = (await police.get(`/api/cases/${missing.id}/timeline`)).json()
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['clue.received', 'clue.verified']))

    const command = await as(people.shenzhen)
    const request = (await command.post('/api/clues/directives', { subject: '指令', text: '请核查', targetUnitId: units.futian.id })).json()
    const futian = await as(people.futian)
    await futian.post(`/api/clues/${request.id}/feedback`, { note: '已核查', outcome: 'no_finding' })
    expect((await command.get(`/api/clues/${request.id}`)).json()).toMatchObject({ outcome: 'no_finding', feedback: '已核查' })
    // The sender may read, not answer for the receiver.
    const meddle = await command.post(`/api/clues/${request.id}/reroute`, { unitId: units.nanshan.id, reason: 'x' })
    expect(meddle.statusCode).toBe(403)
  })

  it('takes mandatory reports from institution staff with the institution recorded, and refuses roles without the duty', async () => {
    const civil = await as(people.civil)
    const report = await civil.post('/api/clues/mandatory-reports', {
      ...tipInput(),
      institutionType: 'marriage_registry',
      institutionName: '南山区婚姻登记处',
    })
    expect(report.statusCode).toBe(201)
    expect(report.json()).toMatchObject({
      kind: 'mandatory_report',
      source: 'institution',
      institutionType: 'marriage_registry',
      routedUnitId: units.nanshan.id,
      senderUnitId: units.civil.id,
    })
    // Institution staff report; they do not read police files back (no clue.read).
    expect((await civil.get(`/api/clues/${report.json().id}`)).statusCode).toBe(403)
    const directive = await civil.post('/api/clues/directives', { subject: 's', text: 't', targetUnitId: units.nanshan.id })
    expect(directive.statusCode).toBe(403)
  })

  it('takes a school teacher’s report through the reporter role, which can do nothing else', async () => {
    const school = await makeUnit(t.ctx(), { divisionCode: '440305', parentId: units.shenzhen.id, type: 'education', name: '南山实验学校' })
    const teacher = await as(await makeUser(t.ctx(), school, ['reporter']))
    const report = await teacher.post('/api/clues/mandatory-reports', {
      ...tipInput({ subject: '学生多日未到校，家长称已“送人”' }),
      institutionType: 'school',
      institutionName: '南山实验学校',
    })
    expect(report.statusCode).toBe(201)
    expect(report.json()).toMatchObject({ institutionType: 'school', routedUnitId: units.nanshan.id, senderUnitId: school.id })
    // The teacher attaches the photo to their own report; a colleague who did not file it cannot.
    const png = await makeImage('png', 32, 32)
    const attach = (who: typeof teacher) =>
      who.request({
        method: 'POST',
        url: `/api/clues/${report.json().id}/attachments`,
        payload: png,
        headers: { 'content-type': 'image/png' },
      })
    expect((await attach(teacher)).statusCode).toBe(201)
    const colleague = await as(await makeUser(t.ctx(), school, ['reporter']))
    expect((await attach(colleague)).statusCode).toBe(403)
    const files = (await (await as(people.nanshan)).get(`/api/clues/${report.json().id}/attachments`)).json()
    expect(files).toHaveLength(1)
    expect((await teacher.get(`/api/clues/${report.json().id}/attachments`)).statusCode).toBe(403)
    expect((await teacher.get('/api/clues')).statusCode).toBe(403)
    expect((await teacher.post('/api/clues/tips', tipInput())).statusCode).toBe(403)
    expect((await teacher.get('/api/cases')).statusCode).toBe(403)
  })
})

describe('the inbox', () => {
  it('filters by kind, source and due date, and shows nothing to those without the right', async () => {
    const police = await as(people.futian)
    const tip = (await police.post('/api/clues/tips', tipInput({ place: { divisionCode: '440304' } }))).json()
    const command = await as(people.shenzhen)
    const order = (
      await command.post('/api/clues/directives', {
        subject: '限期核查',
        text: '请核查',
        targetUnitId: units.futian.id,
        dueAt: '2026-01-07T01:00:00.000Z',
      })
    ).json()
    const ids = async (query: string) => (await police.get(`/api/clues?${query}`)).json().map((c: { id: string }) => c.id)

    expect(await ids('view=all&kind=directive')).toContain(order.id)
    expect(await ids('view=all&kind=directive')).not.toContain(tip.id)
    expect(await ids('view=all&source=public')).toContain(tip.id)
    expect(await ids('view=all&source=public')).not.toContain(order.id)
    expect(await ids('view=open&dueBefore=2026-01-08T00:00:00.000Z')).toEqual([order.id])
    // Soonest due first.
    const open = await ids('view=open')
    expect(open.indexOf(order.id)).toBeLessThan(open.indexOf(tip.id))
    expect((await police.get('/api/clues?view=everything')).statusCode).toBe(400)

    expect((await t.app.inject({ method: 'GET', url: '/api/clues' })).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'GET', url: `/api/clues/${tip.id}` })).statusCode).toBe(401)
    const civil = await as(people.civil)
    expect((await civil.get('/api/clues')).statusCode).toBe(403)
    const neighbour = await as(people.nanshan)
    expect((await neighbour.get(`/api/clues/${tip.id}`)).statusCode).toBe(404)
    expect((await neighbour.get('/api/clues?view=all')).json().map((c: { id: string }) => c.id)).not.toContain(tip.id)
  })
})

describe('linking to a case', () => {
  it('ties a clue to a case the caller can read, once, and the result follows on the case timeline', async () => {
    const police = await as(people.nanshan)
    const missing = await makeCase(t.ctx(people.nanshan.actor), units.nanshan)
    const elsewhere = await makeCase(t.ctx(people.futian.actor), units.futian)
    const tip = (await police.post('/api/clues/tips', tipInput())).json()

    const foreign = await police.post(`/api/clues/${tip.id}/case`, { caseId: elsewhere.id })
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'case.not_found'])
    const linked = await police.post(`/api/clues/${tip.id}/case`, { caseId: missing.id })
    expect(linked.json().caseId).toBe(missing.id)
    expect((await police.post(`/api/clues/${tip.id}/case`, { caseId: missing.id })).statusCode).toBe(200)
    const other = await makeCase(t.ctx(people.nanshan.actor), units.nanshan)
    const twice = await police.post(`/api/clues/${tip.id}/case`, { caseId: other.id })
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'clue.already_linked'])

    await police.post(`/api/clues/${tip.id}/feedback`, { note: '无关', outcome: 'no_finding' })
    const kinds = (await police.get(`/api/cases/${missing.id}/timeline`)).json().map((e: { kind: string }) => e.kind)
    expect(kinds.filter((k: string) => k.startsWith('clue.'))).toEqual(['clue.linked', 'clue.verified'])
  })
})
