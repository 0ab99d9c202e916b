import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { DAY } from '../../platform/clock.ts'
import { sweepDeadlines } from '../../platform/deadlines/sweep.ts'
import { deadline, deadlineEvent } from '../../platform/deadlines/tables.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import { createSupervision } from './supervision.ts'
import { getSupervision, listSupervisions } from './supervision-lists.ts'
import { liftSupervision, submitSupervisionReport, supervisionDeadlineListener, updateSupervision } from './supervision-reports.ts'
import { listCaseTimeline } from './timeline.ts'
import { makeCase } from './testing.ts'

const START = '2026-01-05T01:00:00Z'
let t: TestPlatform
const units: Record<string, UnitView> = {}
const users: Record<string, TestUser> = {}
const as = (who: string) => t.ctx(users[who].actor)
const at = (days: number) => new Date(new Date(START).getTime() + days * DAY)
const sweep = () => sweepDeadlines(t.platform.db, t.clock, [supervisionDeadlineListener])

beforeAll(async () => {
  t = await testPlatform()
  t.clock.set(START)
  const ctx = t.ctx()
  units.nation = await makeUnit(ctx, { divisionCode: '000000' })
  units.gd = await makeUnit(ctx, { divisionCode: '440000', parentId: units.nation.id })
  units.sc = await makeUnit(ctx, { divisionCode: '510000', parentId: units.nation.id })
  units.sz = await makeUnit(ctx, { divisionCode: '440300', parentId: units.gd.id })
  units.nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: units.sz.id })
  units.futian = await makeUnit(ctx, { divisionCode: '440304', parentId: units.sz.id })
  users.ministry = await makeUser(ctx, units.nation, ['supervisor'])
  users.gd = await makeUser(ctx, units.gd, ['supervisor'])
  users.sc = await makeUser(ctx, units.sc, ['supervisor'])
  users.sz = await makeUser(ctx, units.sz, ['supervisor'])
  users.nanshan = await makeUser(ctx, units.nanshan, ['investigator'])
  users.futian = await makeUser(ctx, units.futian, ['investigator'])
})
afterAll(() => t?.close())

describe('a supervised case', () => {
  it('is listed by a province, reported on every cycle, flagged overdue and escalated to the province by the sweep', async () => {
    const c = await makeCase(as('nanshan'), units.nanshan, { suspectedTrafficking: true })
    await expect(createSupervision(as('sz'), { targetKind: 'case', caseId: c.id, reportCycleDays: 7 })).rejects.toMatchObject({
      code: 'supervision.level',
    })
    await expect(createSupervision(as('sc'), { targetKind: 'case', caseId: c.id, reportCycleDays: 7 })).rejects.toMatchObject({
      code: 'case.not_found',
    })
    const listed = await createSupervision(as('gd'), { targetKind: 'case', caseId: c.id, reportCycleDays: 7, warning: '限期破案' })
    expect(listed).toMatchObject({
      level: 'province',
      caseNo: c.caseNo,
      supervisingUnitId: units.gd.id,
      responsibleUnitId: units.nanshan.id,
      nextReportDueAt: at(7).toISOString(),
      overdue: false,
      escalatedAt: null,
    })
    await expect(createSupervision(as('ministry'), { targetKind: 'case', caseId: c.id, reportCycleDays: 5 })).rejects.toMatchObject({
      code: 'supervision.already_active',
    })

    t.clock.set(at(7))
    expect(await sweep()).toMatchObject({ overdue: 1, escalations: 0 })
    const overdue = await listSupervisions(as('gd'), { overdue: true })
    expect(overdue.items.map((s) => s.id)).toEqual([listed.id])
    t.clock.set(at(8))
    expect(await sweep()).toMatchObject({ escalations: 1 })
    const [escalation] = await t.platform.db
      .select()
      .from(deadlineEvent)
      .innerJoin(deadline, eq(deadline.id, deadlineEvent.deadlineId))
      .where(and(eq(deadline.subjectId, listed.id), eq(deadlineEvent.type, 'escalation')))
    expect(escalation.deadline_event.unitId).toBe(units.gd.id)
    expect((await getSupervision(as('nanshan'), listed.id)).escalatedAt).toBe(at(8).toISOString())

    await expect(submitSupervisionReport(as('futian'), listed.id, { text: '越权' })).rejects.toMatchObject({
      code: 'supervision.not_found',
    })
    t.clock.set(at(9))
    const reported = await submitSupervisionReport(as('nanshan'), listed.id, { text: '已排查监控 40 处，锁定嫌疑车辆' })
    expect(reported).toMatchObject({
      overdue: false,
      nextReportDueAt: at(16).toISOString(),
      lastReportAt: at(9).toISOString(),
      escalatedAt: null,
    })
    expect(reported.reports.map((r) => r.text)).toEqual(['已排查监控 40 处，锁定嫌疑车辆'])
    const kinds = (await listCaseTimeline(as('nanshan'), c.id)).map((e) => e.kind)
    expect(kinds).toEqual(['case.reported', 'supervision.listed', 'supervision.overdue', 'supervision.escalated', 'supervision.report'])

    // A sweep long after the report finds only the new deadline, and only once it is due.
    t.clock.set(at(15))
    expect(await sweep()).toMatchObject({ overdue: 0, escalations: 0 })
    await updateSupervision(as('gd'), listed.id, { reportCycleDays: 3 })
    const lifted = await liftSupervision(as('gd'), listed.id, { note: '案件告破' })
    expect(lifted).toMatchObject({ status: 'lifted', nextReportDueAt: null, overdue: false })
    t.clock.set(at(40))
    expect(await sweep()).toMatchObject({ overdue: 0, escalations: 0 })
    await expect(submitSupervisionReport(as('nanshan'), listed.id, { text: '迟到' })).rejects.toMatchObject({ code: 'supervision.lifted' })
  })
})

describe('a key area', () => {
  it('is listed by the ministry with a warning, reported by the county bureau, and seen only within jurisdiction', async () => {
    t.clock.set(START)
    await expect(
      createSupervision(as('ministry'), { targetKind: 'area', divisionCode: '440000', warning: '警示', reportCycleDays: 30 }),
    ).rejects.toMatchObject({ code: 'supervision.area' })
    await expect(
      createSupervision(as('gd'), { targetKind: 'area', divisionCode: '510107', warning: '警示', reportCycleDays: 30 }),
    ).rejects.toMatchObject({ code: 'supervision.area_outside' })
    const area = await createSupervision(as('ministry'), {
      targetKind: 'area',
      divisionCode: '440304',
      warning: '拐卖案件高发，加强流动人口管理',
      reportCycleDays: 30,
    })
    expect(area).toMatchObject({ level: 'ministry', divisionName: '福田区', responsibleUnitId: units.futian.id, caseId: null })
    const ids = async (who: string) => (await listSupervisions(as(who), { targetKind: 'area' })).items.map((s) => s.id)
    expect(await ids('futian')).toEqual([area.id])
    expect(await ids('gd')).toEqual([area.id])
    expect(await ids('nanshan')).toEqual([])
    expect(await ids('sc')).toEqual([])
    await expect(liftSupervision(as('gd'), area.id, { note: '省厅无权撤销部督' })).rejects.toMatchObject({ code: 'supervision.not_found' })
    const report = await submitSupervisionReport(as('futian'), area.id, { text: '开展专项整治' })
    expect(report.nextReportDueAt).toBe(at(30).toISOString())
  })
})
