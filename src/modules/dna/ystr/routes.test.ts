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

/** A GeneMapper-style long export of one man: a row per locus, the two copies of DYS385 on one row. */
const longExport = (sampleCode: string, haplotype: Record<string, string[]>) =>
  [
    'Sample Name\tMarker\tAllele 1\tAllele 2',
    ...Object.entries(haplotype).map(([locus, alleles]) => [sampleCode, locus, alleles[0], alleles[1] ?? ''].join('\t')),
  ].join('\n')

describe('Y-STR upload', () => {
  it('imports a lab export whose men the lineage search then finds, once however often it is sent', async () => {
    const client = await as(analyst)
    const upload = {
      fileName: 'yfiler.txt',
      unitId: units.gd.id,
      kit: 'Yfiler',
      content: longExport('GD-IMP-1', { ...FATHER, DYS19: ['16'] }),
    }
    const res = await client.post('/api/dna/ystr/imports', upload)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'imported', samples: 1, imported: 1, problems: [] })
    expect((await client.post('/api/dna/ystr/imports', upload)).json()).toMatchObject({ status: 'unchanged', id: res.json().id })
    const query = (await client.post('/api/dna/ystr', { sampleCode: 'GD-Y-3', unitId: units.gd.id, haplotype: FATHER })).json()
    const found = (await client.post('/api/dna/ystr/search', { haplotypeId: query.id })).json()
    expect(found.matches).toContainEqual(expect.objectContaining({ sampleCode: 'GD-IMP-1', totalSteps: 1 }))
  })

  it('reports a rejected file by line, and refuses unreadable files and other roles with problem+json', async () => {
    const client = await as(analyst)
    const content = longExport('GD-IMP-2', { DYS19: ['14'], DYS385: ['11', '12'], DYS999: ['12'] })
    const rejected = (await client.post('/api/dna/ystr/imports', { fileName: 'bad.txt', unitId: units.gd.id, content })).json()
    expect(rejected.status).toBe('rejected')
    expect(rejected.problems).toEqual([expect.objectContaining({ line: 4, sample: 'GD-IMP-2', code: 'unknown_locus' })])
    const autosomal = await client.post('/api/dna/ystr/imports', {
      fileName: 'str.csv',
      unitId: units.gd.id,
      content: 'Sample,D8S1179\nA,12\n',
    })
    expect(autosomal.statusCode).toBe(400)
    expect(autosomal.headers['content-type']).toContain('application/problem+json')
    expect(autosomal.json().code).toBe('dna.ystr.no_y_loci')
    const elsewhere = await client.post('/api/dna/ystr/imports', {
      fileName: 'y.txt',
      unitId: units.sc.id,
      content: longExport('X', FATHER),
    })
    expect(elsewhere.json().code).toBe('unit.not_found')
    const outside = await (await as(outsider)).post('/api/dna/ystr/imports', { fileName: 'y.txt', unitId: units.civil.id, content: 'x' })
    expect(outside.statusCode).toBe(403)
  })
})
