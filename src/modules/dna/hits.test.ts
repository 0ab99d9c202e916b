import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { testApp, type TestApp } from '../../platform/http/testing.ts'
import { queryRows } from '../../platform/db/client.ts'
import { DAY } from '../../platform/clock.ts'
import { sweepDeadlines } from '../../platform/deadlines/sweep.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import { makeProfile } from './testing.ts'
import { pairKeyOf, recordHit, type HitCandidate } from './hits.ts'
import { registerPerson, createFamilyGroup } from './persons.ts'
import { dnaProfile } from './tables.ts'
import { eq } from 'drizzle-orm'
import { makeCase } from '../cases/testing.ts'
import { listCaseTimeline } from '../cases/timeline.ts'

let t: TestApp
const units: Record<string, UnitView> = {}
const people: Record<string, TestUser> = {}

async function as(who: TestUser) {
  const client = t.client()
  expect((await client.login(who.user.username, who.password)).statusCode).toBe(200)
  return client
}

async function plantHit(caseId?: string, log10Lr = 6.2): Promise<{ hitId: string; candidate: HitCandidate }> {
  const ctx = t.ctx()
  const group = await createFamilyGroup(ctx, { label: 'NS-2026-007', unitId: units.nanshan.id, caseId })
  const mother = await makeProfile(ctx, units.nanshan, { D8S1179: ['12', '13'] })
  await ctx.db.update(dnaProfile).set({ category: 'relative_of_missing' }).where(eq(dnaProfile.id, mother.id))
  const childPerson = await registerPerson(ctx, { category: 'unknown_origin_child', unitId: units.futian.id })
  const child = await makeProfile(ctx, units.futian, { D8S1179: ['13', '14'] })
  await ctx.db.update(dnaProfile).set({ personId: childPerson.id }).where(eq(dnaProfile.id, child.id))
  const candidate: HitCandidate = {
    mode: 'duo',
    relationship: 'parent-child',
    references: [mother],
    familyGroupId: group.id,
    candidate: child,
    log10Lr,
    perLocus: { D8S1179: 2.1 },
    inconsistentLoci: [],
    frequencyTable: 'chinese',
    engineVersion: 'test',
  }
  const hit = await ctx.db.transaction((tx) => recordHit(ctx, tx, candidate))
  return { hitId: hit!.id, candidate }
}

beforeAll(async () => {
  t = await testApp()
  const ctx = t.ctx()
  units.nation = await makeUnit(ctx, { divisionCode: '000000' })
  units.gd = await makeUnit(ctx, { divisionCode: '440000', parentId: units.nation.id })
  units.sz = await makeUnit(ctx, { divisionCode: '440300', parentId: units.gd.id })
  units.nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: units.sz.id })
  units.futian = await makeUnit(ctx, { divisionCode: '440304', parentId: units.sz.id })
  units.sc = await makeUnit(ctx, { divisionCode: '510000', parentId: units.nation.id })
  people.nsAnalyst = await makeUser(ctx, units.nanshan, ['dna_analyst'])
  people.szAnalyst = await makeUser(ctx, units.sz, ['dna_analyst'])
  people.ftAnalyst = await makeUser(ctx, units.futian, ['dna_analyst'])
  people.scAnalyst = await makeUser(ctx, units.sc, ['dna_analyst'])
})
afterAll(() => t?.close())

describe('DNA hits', () => {
  it('keys symmetric comparisons the same both ways, and parentage by its sides', () => {
    expect(pairKeyOf('identity', ['a'], 'b')).toBe(pairKeyOf('identity', ['b'], 'a'))
    expect(pairKeyOf('full_siblings', ['a'], 'b')).toBe(pairKeyOf('full_siblings', ['b'], 'a'))
    expect(pairKeyOf('duo', ['a'], 'b')).not.toBe(pairKeyOf('duo', ['b'], 'a'))
    expect(pairKeyOf('trio', ['m', 'f'], 'c')).toBe(pairKeyOf('trio', ['f', 'm'], 'c'))
  })

  it('stores a hit once and opens a three-day review for the relatives’ unit', async () => {
    const { hitId, candidate } = await plantHit()
    const again = await t.ctx().db.transaction((tx) => recordHit(t.ctx(), tx, candidate))
    expect(again).toBeNull()
    const deadlines = await queryRows<{ unit_id: string; due_at: Date; kind: string }>(
      t.platform.db,
      sql`SELECT unit_id, due_at, kind FROM deadline WHERE subject_type = 'dna_hit' AND subject_id = ${hitId}`,
    )
    expect(deadlines).toHaveLength(1)
    expect(deadlines[0].unit_id).toBe(units.nanshan.id)
    expect(new Date(deadlines[0].due_at).getTime() - t.clock.now().getTime()).toBe(3 * DAY)
  })

  it('shows the hit to both sides but lets only the reviewing side decide', async () => {
    const { hitId } = await plantHit()
    const ns = await as(people.nsAnalyst)
    const ft = await as(people.ftAnalyst)
    expect((await ns.get(`/api/dna/hits/${hitId}`)).json()).toMatchObject({ status: 'pending', log10Lr: 6.2, conclusion: 'supports' })
    expect((await ft.get(`/api/dna/hits/${hitId}`)).statusCode).toBe(200)
    expect((await (await as(people.scAnalyst)).get(`/api/dna/hits/${hitId}`)).statusCode).toBe(404)
    expect((await ft.post(`/api/dna/hits/${hitId}/decision`, { decision: 'confirm' })).statusCode).toBe(404)
    const noReason = await ns.post(`/api/dna/hits/${hitId}/decision`, { decision: 'reject' })
    expect(noReason.json().code).toBe('dna_hit.reason_required')
    const confirmed = await ns.post(`/api/dna/hits/${hitId}/decision`, { decision: 'confirm' })
    expect(confirmed.json().status).toBe('confirmed')
    expect((await ns.post(`/api/dna/hits/${hitId}/decision`, { decision: 'confirm' })).json().code).toBe('dna_hit.already_decided')
    const [link] = await queryRows<{ matched_family_group_id: string | null }>(
      t.platform.db,
      sql`SELECT p.matched_family_group_id FROM dna_person p JOIN dna_profile f ON f.person_id = p.id JOIN dna_hit h ON h.candidate_profile_id = f.id WHERE h.id = ${hitId}`,
    )
    expect(link.matched_family_group_id).not.toBeNull()
    const [done] = await queryRows<{ completed_at: Date | null }>(
      t.platform.db,
      sql`SELECT completed_at FROM deadline WHERE subject_id = ${hitId}`,
    )
    expect(done.completed_at).not.toBeNull()
  })

  it('reads a duo screening hit below CPI 10⁴ as inconclusive (type more loci), not as support', async () => {
    const { hitId } = await plantHit(undefined, 3.4)
    const ns = await as(people.nsAnalyst)
    expect((await ns.get(`/api/dna/hits/${hitId}`)).json()).toMatchObject({ log10Lr: 3.4, conclusion: 'inconclusive' })
  })

  it('lists both sides’ sample codes in one audited read, each side’s code only where its profile is readable', async () => {
    const { hitId, candidate } = await plantHit()
    const mother = candidate.references[0]
    const child = candidate.candidate
    const auditCount = async (action: string) =>
      Number((await queryRows<{ n: string }>(t.platform.db, sql`SELECT count(*) AS n FROM audit_entry WHERE action = ${action}`))[0].n)
    const sideOf = async (who: TestUser) => {
      const res = await (await as(who)).get('/api/dna/hits')
      expect(res.statusCode, res.body).toBe(200)
      return res.json().find((h: { id: string }) => h.id === hitId)
    }
    const before = { list: await auditCount('dna.hit.list'), reads: await auditCount('dna.profile.read') }

    const seenByNanshan = await sideOf(people.nsAnalyst)
    expect(seenByNanshan.references).toEqual([
      {
        profileId: mother.id,
        sampleCode: mother.sampleCode,
        category: 'relative_of_missing',
        unitId: units.nanshan.id,
        unitName: units.nanshan.name,
      },
    ])
    // Futian's child is outside Nanshan's jurisdiction: its unit and category show, its sample code does not.
    expect(seenByNanshan.candidate).toEqual({
      profileId: child.id,
      sampleCode: null,
      category: 'unknown_origin_child',
      unitId: units.futian.id,
      unitName: units.futian.name,
    })
    const seenByFutian = await sideOf(people.ftAnalyst)
    expect(seenByFutian.references[0].sampleCode).toBeNull()
    expect(seenByFutian.candidate.sampleCode).toBe(child.sampleCode)
    const seenByShenzhen = await sideOf(people.szAnalyst)
    expect([seenByShenzhen.references[0].sampleCode, seenByShenzhen.candidate.sampleCode]).toEqual([mother.sampleCode, child.sampleCode])

    expect(await auditCount('dna.hit.list')).toBe(before.list + 3)
    expect(await auditCount('dna.profile.read')).toBe(before.reads)
    const single = (await (await as(people.szAnalyst)).get(`/api/dna/hits/${hitId}`)).json()
    expect(single.candidate.sampleCode).toBe(child.sampleCode)
  })

  it('puts a confirmed hit on the timeline of the missing case the relatives belong to', async () => {
    const kase = await makeCase(t.ctx(), units.nanshan)
    const { hitId } = await plantHit(kase.id)
    const ns = await as(people.nsAnalyst)
    expect((await ns.get(`/api/dna/hits/${hitId}`)).json().caseId).toBe(kase.id)
    await ns.post(`/api/dna/hits/${hitId}/decision`, { decision: 'confirm' })
    const events = await listCaseTimeline(t.ctx(), kase.id)
    const confirmed = events.find((e) => e.kind === 'dna.hit_confirmed')
    expect(confirmed?.details).toMatchObject({ hitId, mode: 'duo', log10Lr: 6.2 })
    // Linking needs sight of the case: a unit elsewhere cannot attach relatives to it.
    await expect(
      createFamilyGroup(t.ctx(people.scAnalyst.actor), { label: 'x', unitId: units.sc.id, caseId: kase.id }),
    ).rejects.toMatchObject({ kind: 'forbidden' })
  })

  it('keeps a trio’s references in the hit’s order', async () => {
    const ctx = t.ctx()
    const mother = await makeProfile(ctx, units.nanshan, { D8S1179: ['12', '13'] }, `M-${Date.now()}`)
    const father = await makeProfile(ctx, units.futian, { D8S1179: ['14', '15'] }, `F-${Date.now()}`)
    const child = await makeProfile(ctx, units.nanshan, { D8S1179: ['13', '15'] })
    const trio: HitCandidate = {
      mode: 'trio',
      relationship: 'parents-child',
      references: [father, mother],
      familyGroupId: null,
      candidate: child,
      log10Lr: 8,
      perLocus: {},
      inconsistentLoci: [],
      frequencyTable: 'chinese',
      engineVersion: 'test',
    }
    const hit = await ctx.db.transaction((tx) => recordHit(ctx, tx, trio))
    const listed = (await (await as(people.szAnalyst)).get('/api/dna/hits')).json().find((h: { id: string }) => h.id === hit!.id)
    expect(listed.referenceProfileIds).toEqual([father.id, mother.id])
    expect(listed.references.map((r: { sampleCode: string }) => r.sampleCode)).toEqual([father.sampleCode, mother.sampleCode])
    expect(listed.references.map((r: { unitId: string }) => r.unitId)).toEqual([units.futian.id, units.nanshan.id])
  })

  it('flags a hit not reviewed in three days as overdue', async () => {
    const { hitId } = await plantHit()
    const ns = await as(people.nsAnalyst)
    const before = await ns.get('/api/dna/hits?overdue=true')
    expect(before.statusCode, before.body).toBe(200)
    expect(before.json().map((h: { id: string }) => h.id)).not.toContain(hitId)
    t.clock.advance(3 * DAY + 60_000)
    await sweepDeadlines(t.platform.db, t.clock)
    // Three days on, the session has expired: sign in again.
    const later = await as(people.nsAnalyst)
    expect((await later.get('/api/dna/hits?overdue=true')).json().map((h: { id: string }) => h.id)).toContain(hitId)
  })
})
