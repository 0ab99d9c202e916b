import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { queryRows } from '../../platform/db/client.ts'
import { HOUR } from '../../platform/clock.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import { ROLES, type UnitView } from '../identity/schema.ts'
import { getCase, updateCase } from './service.ts'
import { onCaseStatusChange, transitionCase, type CaseStatusChange } from './transitions.ts'
import { setTaskForce } from './task-force.ts'
import { listCaseTimeline } from './timeline.ts'
import { makeCase } from './testing.ts'

let t: TestPlatform
const units: Record<string, UnitView> = {}
const users: Record<string, TestUser> = {}
const as = (who: string) => t.ctx(users[who].actor)

beforeAll(async () => {
  t = await testPlatform()
  const ctx = t.ctx()
  units.nation = await makeUnit(ctx, { divisionCode: '000000' })
  units.sz = await makeUnit(ctx, { divisionCode: '440300', parentId: units.nation.id })
  units.nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: units.sz.id })
  units.futian = await makeUnit(ctx, { divisionCode: '440304', parentId: units.sz.id })
  units.civil = await makeUnit(ctx, { divisionCode: '440300', parentId: units.sz.id, type: 'civil_affairs' })
  users.nanshan = await makeUser(ctx, units.nanshan, ['investigator'])
  users.chief = await makeUser(ctx, units.sz, ['command'])
  users.futian = await makeUser(ctx, units.futian, ['investigator'])
  users.analyst = await makeUser(ctx, units.nanshan, ['dna_analyst'])
  users.civil = await makeUser(ctx, units.civil, ['caseworker'])
})
afterAll(() => t?.close())

const traffickingCase = () => makeCase(as('nanshan'), units.nanshan, { suspectedTrafficking: true })

describe('status moves', () => {
  it('records found with its time, then reunited and closed, each on the timeline and the audit log', async () => {
    const c = await makeCase(as('nanshan'), units.nanshan)
    await transitionCase(as('nanshan'), c.id, { to: 'searching' })
    t.clock.advance(2 * HOUR)
    const found = await transitionCase(as('nanshan'), c.id, { to: 'found', reason: '在亲戚家找到' })
    expect(found).toMatchObject({ status: 'found', foundAt: t.clock.now().toISOString() })
    await transitionCase(as('nanshan'), c.id, { to: 'reunited' })
    await expect(transitionCase(as('nanshan'), c.id, { to: 'closed' })).rejects.toMatchObject({
      kind: 'invalid',
      code: 'case.close_reason_required',
    })
    const closed = await transitionCase(as('nanshan'), c.id, { to: 'closed', closeReason: 'reunited' })
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'reunited', closedAt: t.clock.now().toISOString() })
    await expect(transitionCase(as('nanshan'), c.id, { to: 'searching' })).rejects.toMatchObject({ code: 'case.transition_not_allowed' })
    await expect(updateCase(as('nanshan'), c.id, { circumstances: '补充' })).rejects.toMatchObject({ code: 'case.closed' })
    const moves = (await listCaseTimeline(as('nanshan'), c.id)).filter((e) => e.kind === 'case.status').map((e) => e.summary)
    expect(moves).toEqual(['已报案 → 查找中', '查找中 → 已找到：在亲戚家找到', '已找到 → 已团圆', '已团圆 → 已结案'])
    const audit = await queryRows<{ action: string; outcome: string }>(
      t.platform.db,
      sql`SELECT action, outcome FROM audit_entry WHERE resource_id = ${c.id} AND action = 'case.transition' ORDER BY id`,
    )
    expect(audit.map((a) => a.outcome)).toEqual(['success', 'success', 'success', 'denied', 'success', 'denied'])
  })

  it('tells listeners of each move inside its transaction, so that a listener’s failure undoes the move', async () => {
    const c = await makeCase(as('nanshan'), units.nanshan)
    const seen: CaseStatusChange[] = []
    const stop = onCaseStatusChange(async (_ctx, _tx, change) => {
      if (change.to === 'rescued') throw new Error('listener failed')
      seen.push(change)
    })
    try {
      await transitionCase(as('nanshan'), c.id, { to: 'searching', reason: '开始查找' })
      await expect(transitionCase(as('nanshan'), c.id, { to: 'rescued' })).rejects.toThrow('listener failed')
    } finally {
      stop()
    }
    expect(seen).toEqual([{ caseId: c.id, from: 'reported', to: 'searching', reason: '开始查找' }])
    expect((await getCase(as('nanshan'), c.id)).status).toBe('searching')
    await transitionCase(as('nanshan'), c.id, { to: 'rescued' })
    expect(seen).toHaveLength(1)
  })

  it('sends an old case cold and back to searching', async () => {
    const c = await makeCase(as('nanshan'), units.nanshan)
    expect((await transitionCase(as('nanshan'), c.id, { to: 'cold', reason: '线索中断' })).status).toBe('cold')
    expect((await transitionCase(as('nanshan'), c.id, { to: 'searching', reason: 'DNA 新线索' })).status).toBe('searching')
  })
})

describe('一长三包: the task force', () => {
  it('is required before a suspected-trafficking case leaves "reported", and its head must be a police leader of the case’s unit or above', async () => {
    const c = await traffickingCase()
    await expect(transitionCase(as('nanshan'), c.id, { to: 'searching' })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'case.task_force_required',
    })
    const head = (who: string) => setTaskForce(as('nanshan'), c.id, { headUserId: users[who].user.id, members: [] })
    await expect(head('civil')).rejects.toMatchObject({ code: 'case.task_force_head', message: 'the head must be a police officer' })
    await expect(head('futian')).rejects.toMatchObject({ message: 'the head must belong to the case’s unit or a unit above it' })
    await expect(head('analyst')).rejects.toMatchObject({ message: 'the head must be an investigating or commanding officer' })
    await expect(
      setTaskForce(as('nanshan'), c.id, { headUserId: users.chief.user.id, members: [{ userId: crypto.randomUUID(), duty: '侦查' }] }),
    ).rejects.toMatchObject({ code: 'case.task_force_member', errors: [{ path: '/members/0/userId' }] })

    const taskForce = await setTaskForce(as('nanshan'), c.id, {
      headUserId: users.chief.user.id,
      members: [
        { userId: users.nanshan.user.id, duty: '侦查破案' },
        { userId: users.civil.user.id, duty: '安抚家属' },
      ],
    })
    expect(taskForce).toMatchObject({ headUserId: users.chief.user.id, headUnitName: units.sz.name })
    expect(taskForce.members.map((m) => m.duty).sort()).toEqual(['侦查破案', '安抚家属'].sort())
    expect((await transitionCase(as('nanshan'), c.id, { to: 'searching' })).status).toBe('searching')
    expect((await getCase(as('nanshan'), c.id)).taskForce?.headName).toBe('测试用户')
  })

  it('keeps the suspicion once the case has a task force', async () => {
    const c = await traffickingCase()
    await setTaskForce(as('nanshan'), c.id, { headUserId: users.nanshan.user.id, members: [] })
    await expect(updateCase(as('nanshan'), c.id, { suspectedTrafficking: false })).rejects.toMatchObject({ code: 'case.suspicion_locked' })
    const early = await traffickingCase()
    expect((await updateCase(as('nanshan'), early.id, { suspectedTrafficking: false })).suspectedTrafficking).toBe(false)
  })

  it('forbids closing an unsolved suspected-trafficking case to everyone: every role at the ministry, all roles at once, and the system', async () => {
    const c = await traffickingCase()
    await setTaskForce(as('nanshan'), c.id, { headUserId: users.chief.user.id, members: [] })
    await transitionCase(as('nanshan'), c.id, { to: 'searching' })
    const ctx = t.ctx()
    const outcomes: Record<string, string> = {}
    for (const role of ROLES) {
      const ministry = await makeUser(ctx, units.nation, [role])
      const error = await transitionCase(t.ctx(ministry.actor), c.id, { to: 'closed', closeReason: 'withdrawn' }).catch((e) => e)
      outcomes[role] = error.code
    }
    expect(outcomes).toEqual({
      admin: 'auth.forbidden',
      investigator: 'case.unsolved_trafficking',
      command: 'auth.forbidden',
      dna_analyst: 'auth.forbidden',
      caseworker: 'auth.forbidden',
      plan_office: 'auth.forbidden',
      supervisor: 'auth.forbidden',
      auditor: 'auth.forbidden',
      reporter: 'auth.forbidden',
    })
    const everything = await makeUser(ctx, units.nation, [...ROLES])
    await expect(transitionCase(t.ctx(everything.actor), c.id, { to: 'closed', closeReason: 'other' })).rejects.toMatchObject({
      code: 'case.unsolved_trafficking',
    })
    await expect(transitionCase(t.ctx(), c.id, { to: 'closed', closeReason: 'duplicate' })).rejects.toMatchObject({
      code: 'case.unsolved_trafficking',
    })
    await transitionCase(as('nanshan'), c.id, { to: 'cold' })
    await expect(transitionCase(t.ctx(), c.id, { to: 'closed', closeReason: 'withdrawn' })).rejects.toMatchObject({
      code: 'case.unsolved_trafficking',
    })
    expect((await getCase(t.ctx(), c.id)).status).toBe('cold')
    // Once the child is rescued and home, the case closes normally.
    await transitionCase(as('nanshan'), c.id, { to: 'rescued' })
    await transitionCase(as('nanshan'), c.id, { to: 'reunited' })
    expect((await transitionCase(as('nanshan'), c.id, { to: 'closed', closeReason: 'reunited' })).status).toBe('closed')
  })

  it('lets an ordinary unsolved case be closed as withdrawn, but not as reunited', async () => {
    const c = await makeCase(as('nanshan'), units.nanshan)
    await expect(transitionCase(as('nanshan'), c.id, { to: 'closed', closeReason: 'reunited' })).rejects.toMatchObject({
      code: 'case.close_reason_unsolved',
    })
    expect((await transitionCase(as('nanshan'), c.id, { to: 'closed', closeReason: 'withdrawn', reason: '孩子已自行回家' })).status).toBe(
      'closed',
    )
  })
})
