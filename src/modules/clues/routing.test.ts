import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { manualClock } from '../../platform/clock.ts'
import { anonymous } from '../../platform/auth/actor.ts'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import type { TestUser } from '../identity/testing.ts'
import { makeCase } from '../cases/testing.ts'
import { draftAlert } from '../alerts/drafts.ts'
import { listCaseTimeline } from '../cases/timeline.ts'
import { createClue } from './intake.ts'
import { submitPublicTip } from './public-tips.ts'
import { rerouteClue } from './work.ts'
import { getClue, listClueRoutes } from './reads.ts'
import { listInbox } from './inbox.ts'
import { coveringDivisions } from './routing.ts'
import { investigatorOf, makeClueUnits, tipInput, type ClueUnits } from './testing.ts'

let t: TestPlatform
let units: ClueUnits
const people: Record<string, TestUser> = {}

beforeAll(async () => {
  t = await testPlatform({ clock: manualClock('2026-01-05T01:00:00Z') })
  units = await makeClueUnits(t.ctx())
  for (const name of ['nanshan', 'futian', 'shenzhen', 'guangdong', 'dongcheng', 'nation'] as const) {
    people[name] = await investigatorOf(t.ctx(), units[name])
  }
})
afterAll(() => t?.close())

const tipAt = async (divisionCode: string) => {
  const ctx = t.ctx(people.nanshan.actor)
  return createClue(ctx, { kind: 'public_tip', ...tipInput({ place: { divisionCode } }) })
}

describe('routing by place', () => {
  it('lists the covering divisions from the most specific', () => {
    expect(coveringDivisions('440305')).toEqual(['440305', '440300', '440000', '000000'])
    expect(coveringDivisions('440300')).toEqual(['440300', '440000', '000000'])
    expect(coveringDivisions('000000')).toEqual(['000000'])
  })

  it('sends a tip to the county bureau, else the city, else the province, else the ministry', async () => {
    expect((await tipAt('440305')).routedUnitId).toBe(units.nanshan.id)
    expect((await tipAt('440304')).routedUnitId).toBe(units.futian.id)
    // 宝安 has no bureau of its own here: Shenzhen's takes it.
    expect((await tipAt('440306')).routedUnitId).toBe(units.shenzhen.id)
    // Dongguan (441900) has no unit: the province.
    expect((await tipAt('441900')).routedUnitId).toBe(units.guangdong.id)
    expect((await tipAt('110101')).routedUnitId).toBe(units.dongcheng.id)
    // 西城 (110102) has no unit and Beijing none at all: the ministry.
    expect((await tipAt('110102')).routedUnitId).toBe(units.nation.id)
  })

  it('never routes to a unit that is not public security', async () => {
    // The civil-affairs unit in 南山 is older than no police unit but is skipped all the same.
    const routed = await tipAt('440305')
    expect(routed.routedUnitId).not.toBe(units.civil.id)
  })

  it('refuses a division that does not exist', async () => {
    await expect(tipAt('449999')).rejects.toMatchObject({ code: 'clue.unknown_division', kind: 'invalid' })
  })

  it('sends a clue about a known case to the unit owning the case, wherever it was seen', async () => {
    const missing = await makeCase(t.ctx(people.futian.actor), units.futian)
    const { receipt } = await submitPublicTip(t.ctx(anonymous), tipInput({ caseId: missing.id, place: { divisionCode: '110101' } }))
    expect(receipt).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/)
    const inbox = await listInbox(t.ctx(people.futian.actor), { view: 'new' })
    const clue = inbox.find((c) => c.caseId === missing.id)!
    expect(clue.routedUnitId).toBe(units.futian.id)
    expect(clue.place?.divisionCode).toBe('110101')
    const timeline = await listCaseTimeline(t.ctx(people.futian.actor), missing.id)
    expect(timeline.map((e) => e.kind)).toContain('clue.received')
    // Dongcheng, where it was seen, does not get it.
    expect((await listInbox(t.ctx(people.dongcheng.actor), { view: 'all' })).some((c) => c.id === clue.id)).toBe(false)
  })

  it('sends a tip from an alert’s page to the alert’s case, and refuses an unknown alert', async () => {
    const missing = await makeCase(t.ctx(people.futian.actor), units.futian)
    const alert = await draftAlert(t.ctx(people.futian.actor), { contactPhone: '0755-26543110', caseId: missing.id, description: '走失' })
    await submitPublicTip(t.ctx(anonymous), tipInput({ alertId: alert.id, place: { divisionCode: '110101' } }))
    const clue = (await listInbox(t.ctx(people.futian.actor), { view: 'new' })).find((c) => c.alertId === alert.id)!
    expect(clue).toMatchObject({ caseId: missing.id, routedUnitId: units.futian.id })
    const timeline = await listCaseTimeline(t.ctx(people.futian.actor), missing.id)
    expect(timeline.map((e) => e.kind)).toContain('clue.received')
    await expect(
      submitPublicTip(t.ctx(anonymous), tipInput({ alertId: '00000000-0000-4000-8000-000000000000', place: { divisionCode: '110101' } })),
    ).rejects.toMatchObject({ code: 'clue.alert_unknown' })
  })
})

describe('directives and assistance requests', () => {
  it('sends a directive down to a unit below and refuses one sideways or upwards', async () => {
    const down = await createClue(t.ctx(people.shenzhen.actor), {
      kind: 'directive',
      subject: '核查指令',
      text: '请核查辖区内某出租屋',
      targetUnitId: units.nanshan.id,
    })
    expect(down).toMatchObject({ routedUnitId: units.nanshan.id, senderUnitId: units.shenzhen.id, source: 'agency', status: 'new' })
    // Seven days from now, the seeds' term.
    expect(down.dueAt).toBe('2026-01-12T01:00:00.000Z')
    for (const target of [units.futian, units.shenzhen, units.guangdong]) {
      await expect(
        createClue(t.ctx(people.nanshan.actor), { kind: 'directive', subject: 's', text: 't', targetUnitId: target.id }),
      ).rejects.toMatchObject({ code: 'clue.directive_not_downward' })
    }
  })

  it('sends an assistance request to another jurisdiction, not within its own', async () => {
    const request = await createClue(t.ctx(people.nanshan.actor), {
      kind: 'assist_request',
      subject: '协查',
      text: '请协助核查东城区某地址',
      targetUnitId: units.dongcheng.id,
    })
    // The configured term: 15 days by default.
    expect(request.dueAt).toBe('2026-01-20T01:00:00.000Z')
    await expect(
      createClue(t.ctx(people.shenzhen.actor), { kind: 'assist_request', subject: 's', text: 't', targetUnitId: units.nanshan.id }),
    ).rejects.toMatchObject({ code: 'clue.assist_within_jurisdiction' })
  })

  it('takes a due date the sender sets within the term, and refuses one beyond it', async () => {
    const base = { kind: 'directive' as const, subject: 's', text: 't', targetUnitId: units.futian.id }
    const sooner = await createClue(t.ctx(people.shenzhen.actor), { ...base, dueAt: '2026-01-08T01:00:00.000Z' })
    expect(sooner.dueAt).toBe('2026-01-08T01:00:00.000Z')
    await expect(createClue(t.ctx(people.shenzhen.actor), { ...base, dueAt: '2026-01-13T01:00:00.000Z' })).rejects.toMatchObject({
      code: 'clue.bad_due_date',
    })
    await expect(createClue(t.ctx(people.shenzhen.actor), { ...base, dueAt: '2026-01-01T01:00:00.000Z' })).rejects.toMatchObject({
      code: 'clue.bad_due_date',
    })
  })
})

describe('re-routing', () => {
  it('hands a clue on with a reason; the sender follows it, the unit that gave it up no longer sees it', async () => {
    const sent = await createClue(t.ctx(people.shenzhen.actor), {
      kind: 'directive',
      subject: '核查',
      text: '请核查',
      targetUnitId: units.nanshan.id,
    })
    const moved = await rerouteClue(t.ctx(people.nanshan.actor), sent.id, { unitId: units.futian.id, reason: '地址属福田辖区' })
    expect(moved).toMatchObject({ routedUnitId: units.futian.id, status: 'new', assignees: [] })
    const path = await listClueRoutes(t.ctx(people.shenzhen.actor), sent.id)
    expect(path.map((r) => [r.rule, r.fromUnitId, r.toUnitId, r.reason])).toEqual([
      ['target', null, units.nanshan.id, null],
      ['manual', units.nanshan.id, units.futian.id, '地址属福田辖区'],
    ])
    expect(path[1].toUnitName).toBe('福田分局')
    await expect(getClue(t.ctx(people.nanshan.actor), sent.id)).rejects.toMatchObject({ code: 'clue.not_found' })
    expect((await getClue(t.ctx(people.futian.actor), sent.id)).id).toBe(sent.id)
    // The sender reads it but may not work it.
    await expect(rerouteClue(t.ctx(people.shenzhen.actor), sent.id, { unitId: units.nanshan.id, reason: 'x' })).resolves.toMatchObject({
      routedUnitId: units.nanshan.id,
    })
    await expect(rerouteClue(t.ctx(people.dongcheng.actor), sent.id, { unitId: units.dongcheng.id, reason: 'x' })).rejects.toMatchObject({
      code: 'clue.not_found',
    })
  })
})

describe('history', () => {
  it('keeps the clue’s events and routes append-only in the database', async () => {
    const clue = await tipAt('440305')
    const refused = (table: string) => ({ cause: expect.objectContaining({ message: expect.stringMatching(`${table} is append-only`) }) })
    for (const table of ['clue_event', 'clue_route']) {
      await expect(t.database.db.execute(sql.raw(`UPDATE ${table} SET at = now() WHERE clue_id = '${clue.id}'`))).rejects.toMatchObject(
        refused(table),
      )
      await expect(t.database.db.execute(sql.raw(`DELETE FROM ${table} WHERE clue_id = '${clue.id}'`))).rejects.toMatchObject(
        refused(table),
      )
    }
  })
})
