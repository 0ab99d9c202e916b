import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { anonymous } from '../../platform/auth/actor.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import { issueWantedNotice, publishWantedNotice, revokeWantedNotice, setWantedPhoto, updateWantedNotice } from './wanted.ts'
import { getPublicWanted, getPublicWantedPhoto, listPublicWanted, listWantedNotices } from './wanted-reads.ts'
import { listCaseTimeline } from './timeline.ts'
import { makeCase, makeImage, withGpsExif } from './testing.ts'
import type { CaseView } from './schema.ts'
import type { WantedNoticeCreate } from './wanted-schema.ts'

let t: TestPlatform
const units: Record<string, UnitView> = {}
const users: Record<string, TestUser> = {}
const as = (who: string) => t.ctx(users[who].actor)
const publicCtx = () => t.ctx(anonymous)
let missing: CaseView

beforeAll(async () => {
  t = await testPlatform()
  const ctx = t.ctx()
  units.nation = await makeUnit(ctx, { divisionCode: '000000' })
  units.gd = await makeUnit(ctx, { divisionCode: '440000', parentId: units.nation.id })
  units.sc = await makeUnit(ctx, { divisionCode: '510000', parentId: units.nation.id })
  units.nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: units.gd.id })
  for (const key of ['nation', 'gd', 'sc', 'nanshan']) users[key] = await makeUser(ctx, units[key], ['investigator'])
  missing = await makeCase(as('nanshan'), units.nanshan, { suspectedTrafficking: true })
})
afterAll(() => t?.close())

const notice = (overrides: Partial<WantedNoticeCreate> = {}): WantedNoticeCreate => ({
  caseId: missing.id,
  class: 'B',
  suspectName: '王某某',
  suspectSex: 'male',
  suspectBirthYear: 1949,
  description: '身高约170厘米，操四川口音',
  rewardText: '对提供线索抓获者奖励人民币5万元',
  rewardAmountCny: 50000,
  contactPhone: '020-83113110',
  ...overrides,
})

describe('who issues which class', () => {
  it('lets the ministry issue class A and a province class B, and nobody else', async () => {
    expect((await issueWantedNotice(as('nation'), notice({ class: 'A' }))).class).toBe('A')
    expect((await issueWantedNotice(as('gd'), notice({ class: 'B' }))).issuingUnitId).toBe(units.gd.id)
    for (const [who, cls] of [
      ['gd', 'A'],
      ['nation', 'B'],
      ['nanshan', 'A'],
      ['nanshan', 'B'],
    ] as const) {
      await expect(issueWantedNotice(as(who), notice({ class: cls }))).rejects.toMatchObject({
        kind: 'forbidden',
        code: 'wanted_notice.class_level',
      })
    }
    await expect(issueWantedNotice(as('sc'), notice())).rejects.toMatchObject({ code: 'case.not_found' })
  })

  it('checks the suspect’s ID number against the sex and birth year given', async () => {
    await expect(issueWantedNotice(as('gd'), notice({ suspectIdNumber: '11010519491231002X' }))).rejects.toMatchObject({
      code: 'wanted_notice.invalid',
      errors: [{ path: '/suspectSex', code: 'id_number_sex_mismatch' }],
    })
    const ok = await issueWantedNotice(as('gd'), notice({ suspectSex: 'female', suspectIdNumber: '11010519491231002x' }))
    expect(ok.suspectIdNumber).toBe('11010519491231002X')
    await expect(updateWantedNotice(as('gd'), ok.id, { suspectBirthYear: 1950 })).rejects.toMatchObject({
      errors: [{ path: '/suspectBirthYear', code: 'id_number_birth_mismatch' }],
    })
  })
})

describe('the public page', () => {
  it('shows a notice only while published, with its public fields and its stripped photo', async () => {
    const draft = await issueWantedNotice(as('gd'), notice({ suspectName: '公开测试' }))
    const publicIds = async () => (await listPublicWanted(publicCtx(), {})).items.map((n) => n.id)
    expect(await publicIds()).not.toContain(draft.id)
    await expect(getPublicWanted(publicCtx(), draft.id)).rejects.toMatchObject({ code: 'wanted_notice.not_found' })

    await setWantedPhoto(as('gd'), draft.id, withGpsExif(await makeImage('jpeg', 640, 800), 30.6, 104.0), 'image/jpeg')
    const published = await publishWantedNotice(as('gd'), draft.id)
    expect(published).toMatchObject({ status: 'published', publishedAt: t.clock.now().toISOString(), hasPhoto: true })
    expect(await publicIds()).toContain(draft.id)
    const shown = await getPublicWanted(publicCtx(), draft.id)
    expect(Object.keys(shown).sort()).toEqual(
      [
        'id', 'class', 'suspectName', 'suspectAliases', 'suspectSex', 'suspectBirthYear', 'suspectIdNumber', 'description',
        'rewardText', 'rewardAmountCny', 'contactPhone', 'issuingUnitName', 'hasPhoto', 'publishedAt',
      ].sort(),
    ) // prettier-ignore
    expect(shown).toMatchObject({ issuingUnitName: units.gd.name, contactPhone: '020-83113110', rewardAmountCny: 50000 })
    const photo = await getPublicWantedPhoto(publicCtx(), draft.id, 'full')
    expect((await sharp(photo.bytes).metadata()).exif).toBeUndefined()
    expect((await sharp((await getPublicWantedPhoto(publicCtx(), draft.id, 'thumb')).bytes).metadata()).height).toBe(320)

    await expect(publishWantedNotice(as('gd'), draft.id)).rejects.toMatchObject({ code: 'wanted_notice.published' })
    // The county may see the case but not act for the province that issued the notice.
    await expect(revokeWantedNotice(as('nanshan'), draft.id, { reason: 'caught' })).rejects.toMatchObject({
      code: 'wanted_notice.not_found',
    })
    const revoked = await revokeWantedNotice(as('gd'), draft.id, { reason: 'caught', note: '在成都抓获' })
    expect(revoked).toMatchObject({ status: 'revoked', revokeReason: 'caught' })
    expect(await publicIds()).not.toContain(draft.id)
    await expect(getPublicWanted(publicCtx(), draft.id)).rejects.toMatchObject({ code: 'wanted_notice.not_found' })
    await expect(getPublicWantedPhoto(publicCtx(), draft.id, 'full')).rejects.toMatchObject({ code: 'wanted_notice.photo_not_found' })

    const kinds = (await listCaseTimeline(as('nanshan'), missing.id)).map((e) => e.kind).filter((k) => k.startsWith('wanted_notice.'))
    expect(kinds.slice(-3)).toEqual(['wanted_notice.drafted', 'wanted_notice.published', 'wanted_notice.revoked'])
    const internal = await listWantedNotices(as('nanshan'), { caseId: missing.id, status: 'revoked' })
    expect(internal.items.map((n) => n.id)).toEqual([draft.id])
    expect((await listWantedNotices(as('sc'), { caseId: missing.id })).total).toBe(0)
  })
})
