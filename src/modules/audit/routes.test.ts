import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../platform/http/testing.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { AuditEntryView } from './schema.ts'

let t: TestApp
let nationalAuditor: TestUser
let futianAuditor: TestUser
let nanshanUser: TestUser
let futianUser: TestUser

beforeAll(async () => {
  t = await testApp()
  const ctx = t.ctx()
  const nation = await makeUnit(ctx, { divisionCode: '000000' })
  const sz = await makeUnit(ctx, { divisionCode: '440300', parentId: nation.id })
  const nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: sz.id })
  const futian = await makeUnit(ctx, { divisionCode: '440304', parentId: sz.id })
  nationalAuditor = await makeUser(ctx, nation, ['auditor'])
  futianAuditor = await makeUser(ctx, futian, ['auditor'])
  nanshanUser = await makeUser(ctx, nanshan, ['investigator'])
  futianUser = await makeUser(ctx, futian, ['investigator'])
  for (const who of [nanshanUser, futianUser]) await t.client().login(who.user.username, who.password)
  await t.client().login(nanshanUser.user.username, 'wrong-Password-1')
})
afterAll(() => t?.close())

async function search(who: TestUser, query: string) {
  const client = t.client()
  await client.login(who.user.username, who.password)
  return client.get(`/api/audit?${query}`)
}

describe('audit search', () => {
  it('finds logins, failed ones too, for a national auditor', async () => {
    const res = await search(nationalAuditor, `action=auth.login&resourceId=${nanshanUser.user.id}`)
    expect(res.statusCode).toBe(200)
    const outcomes = res.json().items.map((e: AuditEntryView) => e.outcome)
    expect(outcomes.sort()).toEqual(['failure', 'success'])
  })

  it('limits a county auditor to entries of its own county’s units', async () => {
    const res = await search(futianAuditor, 'action=auth.')
    const actors = res.json().items.map((e: AuditEntryView) => e.actorId)
    expect(actors).toContain(futianUser.user.id)
    expect(actors).not.toContain(nanshanUser.user.id)
  })

  it('pages backwards by insertion order', async () => {
    const first = (await search(nationalAuditor, 'limit=2')).json()
    expect(first.items).toHaveLength(2)
    expect(first.nextBefore).toBe(first.items[1].id)
    const second = (await search(nationalAuditor, `limit=2&before=${first.nextBefore}`)).json()
    expect(second.items[0].id).toBeLessThan(first.items[1].id)
  })

  it('audits the search itself, and refuses non-auditors', async () => {
    await search(nationalAuditor, 'resourceType=user')
    const mine = (await search(nationalAuditor, `action=audit.search&actor=${nationalAuditor.user.id}`)).json()
    expect(mine.items.length).toBeGreaterThanOrEqual(1)
    expect((await search(futianUser, '')).statusCode).toBe(403)
  })

  it('verifies the chain through the API', async () => {
    const client = t.client()
    await client.login(nationalAuditor.user.username, nationalAuditor.password)
    const res = await client.get('/api/audit/verify')
    expect(res.json()).toMatchObject({ ok: true, firstBroken: null })
    expect(res.json().checked).toBeGreaterThan(5)
  })
})
