import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../../platform/http/testing.ts'
import { makeUnit, makeUser, type TestUser } from '../../identity/testing.ts'
import type { UnitView } from '../../identity/schema.ts'

let t: TestApp
const units: Record<string, UnitView> = {}
let analyst: TestUser
let outsider: TestUser

// 17 loci of a Yfiler-style haplotype.
const FATHER: Record<string, string[]> = {
  DYS576: ['18'],
  DYS389I: ['13'],
  DYS448: ['19'],
  DYS389II: ['29'],
  DYS19: ['15'],
  DYS391: ['10'],
  DYS481: ['22'],
  DYS549: ['13'],
  DYS533: ['12'],
  DYS438: ['10'],
  DYS437: ['14'],
  DYS570: ['17'],
  DYS635: ['20'],
  DYS390: ['23'],
  DYS439: ['12'],
  DYS392: ['13'],
  'DYS385a/b': ['13', '18'],
}

async function as(who: TestUser) {
  const client = t.client()
  expect((await client.login(who.user.username, who.password)).statusCode).toBe(200)
  return client
}

beforeAll(async () => {
  t = await testApp()
  const ctx = t.ctx()
  units.nation = await makeUnit(ctx, { divisionCode: '000000' })
  units.gd = await makeUnit(ctx, { divisionCode: '440000', parentId: units.nation.id })
  units.sc = await makeUnit(ctx, { divisionCode: '510000', parentId: units.nation.id })
  units.civil = await makeUnit(ctx, { divisionCode: '440000', parentId: units.nation.id, type: 'civil_affairs' })
  analyst = await makeUser(ctx, units.gd, ['dna_analyst'])
  outsider = await makeUser(ctx, units.civil, ['caseworker'])
  const sc = await makeUser(ctx, units.sc, ['dna_analyst'])
  const client = await as(sc)
  const mutate = (changes: Record<string, string[]>, code: string) =>
    client.post('/api/dna/ystr', { sampleCode: code, unitId: units.sc.id, haplotype: { ...FATHER, ...changes } })
  expect((await mutate({}, 'SC-Y-same')).statusCode).toBe(201)
  expect((await mutate({ DYS390: ['24'] }, 'SC-Y-1step')).statusCode).toBe(201)
  expect((await mutate({ DYS390: ['24'], DYS19: ['16'], DYS392: ['14'] }, 'SC-Y-far')).statusCode).toBe(201)
})
afterAll(() => t?.close())

describe('Y-STR lineage search', () => {
  it('normalises aliases and multi-copy pairs and reports bad loci', async () => {
    const client = await as(analyst)
    const bad = await client.post('/api/dna/ystr', {
      sampleCode: 'GD-bad',
      unitId: units.gd.id,
      haplotype: { DYS999: ['12'], DYS19: ['x'] },
    })
    expect(bad.json()).toMatchObject({ code: 'dna.ystr.invalid_haplotype' })
    expect(bad.json().errors).toHaveLength(2)
    const good = await client.post('/api/dna/ystr', {
      sampleCode: 'GD-Y-1',
      unitId: units.gd.id,
      haplotype: { ...FATHER, 'DYS385a/b': ['18', '13'] },
    })
    expect(good.json().haplotype.DYS385).toEqual(['13', '18'])
  })

  it('finds the lineage across provinces, ranked, with the caveat', async () => {
    const client = await as(analyst)
    const mine = (await client.post('/api/dna/ystr', { sampleCode: 'GD-Y-2', unitId: units.gd.id, haplotype: FATHER })).json()
    const res = await client.post('/api/dna/ystr/search', { haplotypeId: mine.id })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.caveat).toMatch(/lineage/)
    const codes = body.matches.map((m: { sampleCode: string }) => m.sampleCode)
    expect(codes.slice(0, 3)).toEqual(expect.arrayContaining(['SC-Y-same', 'GD-Y-1']))
    expect(codes).toContain('SC-Y-1step')
    expect(codes).not.toContain('SC-Y-far')
    expect(codes.indexOf('SC-Y-1step')).toBeGreaterThan(codes.indexOf('SC-Y-same'))
    const strict = await client.post('/api/dna/ystr/search', { haplotypeId: mine.id, maxMismatches: 0 })
    expect(strict.json().matches.map((m: { sampleCode: string }) => m.sampleCode)).not.toContain('SC-Y-1step')
  })

  it('is closed to non-police roles', async () => {
    const client = await as(outsider)
    expect((await client.post('/api/dna/ystr/search', { haplotypeId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(403)
  })
})
