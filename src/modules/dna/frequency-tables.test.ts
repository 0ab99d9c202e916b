import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../platform/http/testing.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import { getDefaultFrequencyTable, installShippedFrequencyTables } from './frequency-tables.ts'
import { frequencyOf } from './frequencies/table.ts'

let t: TestApp
let admin: TestUser
let analyst: TestUser

const meta = (id: string) => ({ id, name: id, population: 'test', sampleSize: 100, source: 'test', licence: 'CC0', disabledLoci: [] })

beforeAll(async () => {
  t = await testApp()
  const nation = await makeUnit(t.ctx(), { divisionCode: '000000' })
  admin = await makeUser(t.ctx(), nation, ['admin'])
  analyst = await makeUser(t.ctx(), nation, ['dna_analyst'])
})
afterAll(() => t?.close())

describe('frequency tables', () => {
  it('installs the shipped tables once, the Chinese table as default with SE33 disabled', async () => {
    expect(await installShippedFrequencyTables(t.platform.db, t.clock.now())).toBe(3)
    expect(await installShippedFrequencyTables(t.platform.db, t.clock.now())).toBe(0)
    const table = await getDefaultFrequencyTable(t.platform.db)
    expect(table.meta.id).toBe('chinese')
    expect(table.disabledLoci).toHaveProperty('SE33')
    expect(frequencyOf(table, 'SE33', '30.2')).toBeNull()
    expect(frequencyOf(table, 'D8S1179', '99')).toBe(table.minimumFrequency)
  })

  it('lets admins load a table and choose it as default, and refuses a bad one with every error', async () => {
    const client = t.client()
    await client.login(admin.user.username, admin.password)
    const bad = await client.post('/api/dna/frequency-tables', {
      meta: meta('bad'),
      format: 'csv',
      content: 'locus,allele,frequency\nD8S1179,12,1.5\nD8S1179,zz,0.1\n',
    })
    expect(bad.json()).toMatchObject({ code: 'dna.frequency_table.invalid' })
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/content/line/2', '/content/line/3']))
    const ok = await client.post('/api/dna/frequency-tables', {
      meta: meta('lab-2026'),
      format: 'json',
      content: JSON.stringify({ D8S1179: { '12': 0.6, '13': 0.4 } }),
    })
    expect(ok.statusCode).toBe(201)
    expect(ok.json().table).toMatchObject({ name: 'lab-2026', minimumFrequency: 5 / 200 })
    expect((await client.post('/api/dna/frequency-tables/lab-2026/default')).json().isDefault).toBe(true)
    expect((await getDefaultFrequencyTable(t.platform.db)).meta.id).toBe('lab-2026')
    const names = (await client.get('/api/dna/frequency-tables')).json().filter((s: { isDefault: boolean }) => s.isDefault)
    expect(names).toHaveLength(1)
  })

  it('keeps the choice of tables to admins', async () => {
    const client = t.client()
    await client.login(analyst.user.username, analyst.password)
    expect((await client.post('/api/dna/frequency-tables/chinese/default')).statusCode).toBe(403)
  })
})
