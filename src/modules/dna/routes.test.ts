import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { testApp, type TestApp } from '../../platform/http/testing.ts'
import { queryRows } from '../../platform/db/client.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import { makeProfile } from './testing.ts'
import { installShippedFrequencyTables } from './frequency-tables.ts'

let t: TestApp
const units: Record<string, UnitView> = {}
const people: Record<string, TestUser> = {}
let profileId: string

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
  units.nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: units.gd.id })
  units.futian = await makeUnit(ctx, { divisionCode: '440304', parentId: units.gd.id })
  units.civil = await makeUnit(ctx, { divisionCode: '440300', parentId: units.gd.id, type: 'civil_affairs' })
  people.analyst = await makeUser(ctx, units.gd, ['dna_analyst'])
  people.investigator = await makeUser(ctx, units.nanshan, ['investigator'])
  people.neighbour = await makeUser(ctx, units.futian, ['investigator'])
  people.command = await makeUser(ctx, units.nanshan, ['command'])
  people.caseworker = await makeUser(ctx, units.civil, ['caseworker'])
  profileId = (await makeProfile(ctx, units.nanshan, { D8S1179: ['12', '13'], TH01: ['9.3', '9.3'] }, 'NS-0001')).id
})
afterAll(() => t?.close())

describe('DNA access', () => {
  it('opens profiles to police DNA analysts and investigators of the jurisdiction, audited', async () => {
    for (const who of [people.analyst, people.investigator]) {
      const client = await as(who)
      const res = await client.get(`/api/dna/profiles/${profileId}`)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ sampleCode: 'NS-0001', genotypes: { TH01: ['9.3', '9.3'] } })
      const [entry] = await queryRows<{ action: string }>(
        t.platform.db,
        sql`SELECT action FROM audit_entry WHERE actor_id = ${who.user.id} AND resource_id = ${profileId}`,
      )
      expect(entry.action).toBe('dna.profile.read')
    }
  })

  it('refuses other roles and non-police units, and hides other counties’ profiles', async () => {
    expect((await (await as(people.command)).get(`/api/dna/profiles/${profileId}`)).statusCode).toBe(403)
    expect((await (await as(people.caseworker)).get(`/api/dna/profiles/${profileId}`)).statusCode).toBe(403)
    const neighbour = await as(people.neighbour)
    expect((await neighbour.get(`/api/dna/profiles/${profileId}`)).statusCode).toBe(404)
    expect((await neighbour.get('/api/dna/profiles')).json()).toEqual([])
  })

  it('keeps who a person is apart: investigators read it, analysts do not', async () => {
    const investigator = await as(people.investigator)
    const group = await investigator.post('/api/dna/family-groups', { label: '南山 2026-001', unitId: units.nanshan.id })
    expect(group.statusCode).toBe(201)
    const noConsent = await investigator.post('/api/dna/persons', {
      category: 'relative_of_missing',
      relation: 'mother',
      familyGroupId: group.json().id,
      unitId: units.nanshan.id,
    })
    expect(noConsent.json().code).toBe('dna.consent_required')
    const person = await investigator.post('/api/dna/persons', {
      category: 'relative_of_missing',
      relation: 'mother',
      familyGroupId: group.json().id,
      unitId: units.nanshan.id,
      identity: { name: '张某某', idNumber: '44030519800101002X' },
      consent: { givenAt: '2026-01-05T02:00:00Z' },
      sampleCodes: ['NS-M-01'],
    })
    expect(person.statusCode).toBe(201)
    expect(person.json()).not.toHaveProperty('identity')
    const identity = await investigator.get(`/api/dna/persons/${person.json().id}/identity`)
    expect(identity.json()).toEqual({ name: '张某某', idNumber: '44030519800101002X' })
    expect((await (await as(people.analyst)).get(`/api/dna/persons/${person.json().id}/identity`)).statusCode).toBe(403)
    expect((await (await as(people.neighbour)).get(`/api/dna/persons/${person.json().id}/identity`)).statusCode).toBe(404)
  })
})

describe('profile submission through the API', () => {
  it('imports a lab export and JSON profiles, reporting problems by line or JSON pointer', async () => {
    const analyst = await as(people.analyst)
    const header = 'Sample Name,D8S1179,TH01,vWA,FGA,TPOX,CSF1PO,D5S818'
    const csv = `${header}\nAPI-1,"12,13",9.3,"14,17",22,8,"10,12",11\nAPI-2,12,X,15,23,"8,11",10,"11,12"\n`
    const upload = await analyst.post('/api/dna/imports', { fileName: 'run-7.csv', content: csv, unitId: units.gd.id })
    expect(upload.statusCode).toBe(200)
    expect(upload.json()).toMatchObject({
      status: 'rejected',
      problems: expect.arrayContaining([expect.objectContaining({ line: 3, sample: 'API-2', code: 'malformed_allele' })]),
    })
    const partial = await analyst.post('/api/dna/imports', {
      fileName: 'run-7.csv',
      content: csv,
      unitId: units.gd.id,
      acceptPartial: true,
    })
    expect(partial.json()).toMatchObject({ status: 'imported', imported: 2 })

    const json = await analyst.post('/api/dna/profiles', {
      unitId: units.gd.id,
      profiles: [
        {
          sampleCode: 'API-J1',
          amelogenin: 'X',
          genotypes: { D8S1179: ['12', '13'], THO1: ['9.3'], vWA: ['14'], FGA: ['22'], TPOX: ['8'], CSF1PO: ['10'] },
        },
      ],
    })
    expect(json.json()).toMatchObject({ status: 'imported', imported: 1 })
    const stored = (await analyst.get('/api/dna/profiles?limit=500')).json().find((p: { sampleCode: string }) => p.sampleCode === 'API-J1')
    expect(stored.genotypes).toMatchObject({ D8S1179: ['12', '13'], TH01: ['9.3', '9.3'] })
  })

  it('reports a sample code given twice in one JSON submission with different genotypes, and stores an exact repeat once', async () => {
    const analyst = await as(people.analyst)
    const genotypes = { D8S1179: ['12', '13'], TH01: ['9.3'], vWA: ['14'], FGA: ['22'], TPOX: ['8'], CSF1PO: ['10'] }
    const twice = await analyst.post('/api/dna/profiles', {
      unitId: units.gd.id,
      profiles: [
        { sampleCode: 'API-D1', genotypes },
        { sampleCode: 'API-D1', genotypes: { ...genotypes, FGA: ['23'] } },
      ],
    })
    expect(twice.statusCode).toBe(200)
    expect(twice.json()).toMatchObject({
      status: 'rejected',
      imported: 0,
      problems: expect.arrayContaining([
        expect.objectContaining({ sample: 'API-D1', code: 'duplicate_sample_conflict', reason: expect.stringContaining('/profiles/0') }),
      ]),
    })
    const repeat = await analyst.post('/api/dna/profiles', {
      unitId: units.gd.id,
      profiles: [
        { sampleCode: 'API-D2', genotypes },
        { sampleCode: 'API-D2', genotypes: { ...genotypes } },
      ],
    })
    expect(repeat.json()).toMatchObject({ status: 'imported', imported: 1 })
    expect(repeat.json().problems.map((p: { code: string }) => p.code)).toEqual(['too_few_loci'])
  })

  it('refuses submissions from roles without DNA write rights', async () => {
    const investigator = await as(people.investigator)
    const res = await investigator.post('/api/dna/profiles', {
      unitId: units.nanshan.id,
      profiles: [{ sampleCode: 'X', genotypes: { D8S1179: ['12'] } }],
    })
    expect(res.statusCode).toBe(403)
  })
})

describe('kinship calculation', () => {
  it('computes a batch with the default frequency table, and refuses bad input with problem+json', async () => {
    await installShippedFrequencyTables(t.platform.db, t.clock.now())
    const analyst = await as(people.analyst)
    const res = await analyst.post('/api/dna/kinship', {
      cases: [
        { id: 'k1', relationship: 'parent-child', profiles: { child: { D8S1179: ['12', '13'] }, parent: { D8S1179: ['13', '15'] } } },
      ],
    })
    expect(res.statusCode).toBe(200)
    const [result] = res.json().results
    expect(result.id).toBe('k1')
    // PI = 1/(4 p13) for child 12/13 and parent 13/15.
    expect(result.lr).toBeGreaterThan(1)
    expect(result.perLocus.D8S1179).toBeCloseTo(result.lr, 10)
    const bad = await analyst.post('/api/dna/kinship', { cases: [{ id: 'k2', relationship: 'cousins', profiles: {} }] })
    expect(bad.statusCode).toBe(400)
    const valid = {
      cases: [
        { id: 'k3', relationship: 'parent-child', profiles: { child: { D8S1179: ['12', '13'] }, parent: { D8S1179: ['13', '15'] } } },
      ],
    }
    expect((await (await as(people.command)).post('/api/dna/kinship', valid)).statusCode).toBe(403)
  })
})
