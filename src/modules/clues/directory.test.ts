// What the console pages need beside the inbox: the tab counts, the units to address, and a unit's people for a team.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY, HOUR, manualClock, type ManualClock } from '../../platform/clock.ts'
import { testApp, type TestApp } from '../../platform/http/testing.ts'
import { makeUser, type TestUser } from '../identity/testing.ts'
import { investigatorOf, makeClueUnits, tipInput, type ClueUnits } from './testing.ts'

const START = '2026-03-02T02:00:00Z'
let t: TestApp
let clock: ManualClock
let units: ClueUnits
const people: Record<string, TestUser> = {}

beforeAll(async () => {
  clock = manualClock(START)
  t = await testApp({ clock })
  units = await makeClueUnits(t.ctx())
  people.nanshan = await investigatorOf(t.ctx(), units.nanshan)
  people.nanshan2 = await investigatorOf(t.ctx(), units.nanshan)
  people.futian = await investigatorOf(t.ctx(), units.futian)
  people.shenzhen = await makeUser(t.ctx(), units.shenzhen, ['command'])
  people.dongcheng = await investigatorOf(t.ctx(), units.dongcheng)
})
afterAll(() => t?.close())

async function as(who: TestUser) {
  const client = t.client()
  expect((await client.login(who.user.username, who.password)).statusCode).toBe(200)
  return client
}

const at = (ms: number) => new Date(new Date(START).getTime() + ms).toISOString()

describe('inbox counts', () => {
  it('counts each tab by its own rule, for the unit and filters asked, as the lists do', async () => {
    const nanshan = await as(people.nanshan)
    const shenzhen = await as(people.shenzhen)
    // Two tips (verification term 7 days), a directive due in two days, and one of the tips closed.
    const first = (await nanshan.post('/api/clues/tips', tipInput({ subject: '线索一' }))).json()
    await nanshan.post('/api/clues/tips', tipInput({ subject: '线索二' }))
    const directive = await shenzhen.post('/api/clues/directives', {
      subject: '核查指令',
      text: '请核查',
      targetUnitId: units.nanshan.id,
      dueAt: at(2 * DAY),
    })
    expect(directive.statusCode).toBe(201)
    expect((await nanshan.post(`/api/clues/${first.id}/feedback`, { note: '无', outcome: 'no_finding' })).statusCode).toBe(200)

    const counts = async (query = '', who = people.nanshan) => (await (await as(who)).get(`/api/clues/counts${query}`)).json()
    expect(await counts()).toEqual({ open: 2, new: 2, due_soon: 1, overdue: 0, closed: 1 })
    expect(await counts('?kind=public_tip')).toEqual({ open: 1, new: 1, due_soon: 0, overdue: 0, closed: 1 })
    expect(await counts('?withinHours=24')).toMatchObject({ due_soon: 0 })

    // Three days on the directive is overdue (and the tip, due in seven, counts as due soon); a week on, the tip too.
    clock.set(at(3 * DAY))
    expect(await counts()).toEqual({ open: 2, new: 2, due_soon: 0, overdue: 1, closed: 1 })
    clock.set(at(5 * DAY))
    expect(await counts()).toEqual({ open: 2, new: 2, due_soon: 1, overdue: 1, closed: 1 })
    clock.set(at(7 * DAY + HOUR))
    expect(await counts()).toMatchObject({ due_soon: 0, overdue: 2 })
    // The lists agree with the counts.
    expect((await (await as(people.nanshan)).get('/api/clues?view=overdue')).json()).toHaveLength(2)

    // Shenzhen sent the directive: its "sent" inbox counts it, its own received inbox is empty.
    expect(await counts('?sent=true', people.shenzhen)).toMatchObject({ open: 1, overdue: 1 })
    expect(await counts('', people.shenzhen)).toEqual({ open: 0, new: 0, due_soon: 0, overdue: 0, closed: 0 })
    // Another district counts nothing of Nanshan's, even when it asks for Nanshan.
    expect(await counts(`?unitId=${units.nanshan.id}`, people.futian)).toMatchObject({ open: 0, closed: 0 })
    clock.set(START)
  })
})

describe('the unit directory and team candidates', () => {
  it('lists every police unit to any reader of clues, not the civil-affairs one', async () => {
    const futian = await as(people.futian)
    const res = await futian.get('/api/clues/units')
    expect(res.statusCode).toBe(200)
    const names = res.json().map((u: { name: string }) => u.name)
    // Beijing's Dongcheng lies outside Futian's jurisdiction, yet an assistance request may go there.
    expect(names).toEqual(expect.arrayContaining(['东城分局', '南山分局', '广东省公安厅', '公安部刑侦局']))
    expect(names).not.toContain('南山区民政局')
    expect(res.json()[0]).toEqual({
      id: units.nation.id,
      name: '公安部刑侦局',
      level: 'national',
      divisionCode: '000000',
      parentId: null,
    })
  })

  it('lists the active users of a unit in the caller’s jurisdiction, and hides other units’ people', async () => {
    const nanshan = await as(people.nanshan)
    const own = (await nanshan.get('/api/clues/team')).json()
    expect(own.map((m: { id: string }) => m.id).sort()).toEqual([people.nanshan.user.id, people.nanshan2.user.id].sort())
    expect(Object.keys(own[0]).sort()).toEqual(['displayName', 'id'])
    // Shenzhen's command reaches its districts; Nanshan does not reach Futian or Dongcheng.
    const shenzhen = await as(people.shenzhen)
    const ofNanshan = (await shenzhen.get(`/api/clues/team?unitId=${units.nanshan.id}`)).json()
    expect(ofNanshan).toHaveLength(2)
    const refused = await nanshan.get(`/api/clues/team?unitId=${units.futian.id}`)
    expect(refused.statusCode).toBe(404)
    expect((await nanshan.get(`/api/clues/team?unitId=${units.dongcheng.id}`)).statusCode).toBe(404)
  })
})
