import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { count, sql } from 'drizzle-orm'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { queryRows } from '../../platform/db/client.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import { importCollectionPoints } from './import.ts'
import { deactivateCollectionPoint, listCollectionPoints } from './service.ts'
import { collectionPoint } from './tables.ts'
import { csvFile } from './testing.ts'

let t: TestPlatform
const units: Record<string, UnitView> = {}
const users: Record<string, TestUser> = {}

beforeAll(async () => {
  t = await testPlatform()
  const ctx = t.ctx()
  units.nation = await makeUnit(ctx, { divisionCode: '000000' })
  units.sz = await makeUnit(ctx, { divisionCode: '440300', parentId: units.nation.id })
  units.nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: units.sz.id })
  units.futian = await makeUnit(ctx, { divisionCode: '440304', parentId: units.sz.id })
  users.sz = await makeUser(ctx, units.sz, ['admin'])
  users.nanshan = await makeUser(ctx, units.nanshan, ['investigator'])
})
afterAll(() => t?.close())

const as = (who: string) => t.ctx(users[who].actor)
const pointCount = async () => (await t.platform.db.select({ n: count() }).from(collectionPoint))[0].n

async function xlsxFile(rows: unknown[][], fileName = 'points.xlsx') {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('采血点')
  for (const row of rows) sheet.addRow(row)
  return { fileName, contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') }
}

describe('importing a directory', () => {
  it('reads Chinese headers and creates the points for the caller’s unit', async () => {
    const file = csvFile(
      [
        '名称,地址,区划代码,纬度,经度,电话,开放时间,备注,序号',
        '西丽采血点,深圳市南山区西丽某路,440305,22.5811,113.9536,0755-0000001,工作日 9:00-17:00,请携带身份证,1',
        '"蛇口采血点","深圳市南山区蛇口某路, 3 号",440305,22.4852,113.9125,,"周一至周五\n8:30-12:00",,2',
      ].join('\n'),
    )
    const result = await importCollectionPoints(as('nanshan'), file)
    expect(result).toEqual({ fileName: 'points.csv', rows: 2, created: 2, updated: 0, unchanged: 0, inactive: 0 })
    const points = await listCollectionPoints(as('nanshan'), {})
    expect(points.find((p) => p.name === '蛇口采血点')).toMatchObject({
      address: '深圳市南山区蛇口某路, 3 号',
      phone: null,
      hours: '周一至周五 8:30-12:00',
      unitId: units.nanshan.id,
    })
    const [entry] = await queryRows<{ details: { created: number; sha256: string } }>(
      t.platform.db,
      sql`SELECT details FROM audit_entry WHERE action = 'collection_point.import' ORDER BY id DESC LIMIT 1`,
    )
    expect(entry.details).toMatchObject({ created: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
  })

  it('is idempotent: the same file again changes nothing, a corrected one updates in place', async () => {
    const rows = ['name,address,divisionCode,latitude,longitude', '福田采血点,深圳市福田区某路,440304,22.5232,114.0545']
    const first = await importCollectionPoints(as('sz'), { ...csvFile(rows.join('\n')), unitId: units.futian.id })
    expect(first).toMatchObject({ created: 1, updated: 0, unchanged: 0 })
    const before = await pointCount()
    const again = await importCollectionPoints(as('sz'), { ...csvFile(rows.join('\n')), unitId: units.futian.id })
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 })
    const corrected = await importCollectionPoints(as('sz'), {
      ...csvFile(`${rows[0]},phone\n福田采血点,深圳市福田区某路 8 号,440304,22.5232,114.0545,0755-0000002`),
      unitId: units.futian.id,
    })
    expect(corrected).toMatchObject({ created: 0, updated: 1, unchanged: 0 })
    expect(await pointCount()).toBe(before)
    const [point] = (await listCollectionPoints(as('sz'), { unitId: units.futian.id })).filter((p) => p.name === '福田采血点')
    expect(point).toMatchObject({ address: '深圳市福田区某路 8 号', phone: '0755-0000002' })
  })

  it('reports every bad row with its line and reason, and imports nothing', async () => {
    const before = await pointCount()
    const file = csvFile(
      [
        '名称,地址,区划代码,纬度,经度',
        '好的采血点,深圳市南山区某路,440305,22.53,113.93',
        '坏纬度,深圳市南山区某路,440305,abc,113.93',
        ',深圳市南山区某路,440305,22.53,113.93',
        '',
        '经纬度颠倒,深圳市南山区某路,440305,113.93,22.53',
        '福田的点,深圳市福田区某路,440304,22.52,114.05',
        '不存在的区划,某地,449999,22.52,114.05',
        '好的采血点,深圳市南山区另一条路,440305,22.54,113.94',
      ].join('\n'),
    )
    const failure = await importCollectionPoints(as('nanshan'), file).catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: 'collection_point.import_rejected' })
    const errors = (failure as { errors: { path: string; code: string }[] }).errors.map((e) => `${e.path} ${e.code}`)
    expect(errors).toEqual([
      '/rows/3/latitude not_a_number',
      '/rows/4/name required',
      '/rows/6/latitude out_of_range',
      '/rows/6/longitude out_of_range',
      '/rows/7/divisionCode division_outside_unit',
      '/rows/8/divisionCode unknown_division',
      '/rows/9/name duplicate_in_file',
    ])
    expect(await pointCount()).toBe(before)
  })

  it('reads an .xlsx workbook with English headers below a title row, and GB18030 CSV from Chinese Excel', async () => {
    const workbook = await xlsxFile([
      ['深圳市南山区采血点名录（示例）'],
      ['Name', 'Address', 'Division code', 'Latitude', 'Longitude', 'Hours'],
      ['科技园采血点', '深圳市南山区科技园某路', 440305, 22.5405, 113.9531, '工作日 9:00-17:00'],
      ['坏的点', '深圳市南山区某路', 440305, 'x', 113.9531, ''],
    ])
    const failure = await importCollectionPoints(as('nanshan'), { ...workbook }).catch((e: unknown) => e)
    expect(failure).toMatchObject({ errors: [{ path: '/rows/4/latitude', code: 'not_a_number' }] })
    const fixed = await xlsxFile([
      ['Name', 'Address', 'Division code', 'Latitude', 'Longitude', 'Hours'],
      ['科技园采血点', '深圳市南山区科技园某路', 440305, 22.5405, 113.9531, '工作日 9:00-17:00'],
    ])
    expect(await importCollectionPoints(as('nanshan'), fixed)).toMatchObject({ rows: 1, created: 1 })

    // "名称,地址,区划代码,纬度,经度,电话" and one row, as Excel on Chinese Windows saves them (GB18030).
    const gbk = Buffer.from(
      'c3fbb3c62cb5d8d6b72cc7f8bbaeb4fac2eb2cceb3b6c82cbeadb6c82cb5e7bbb00d0ac4cfc9bdc7f8b2c9d1aab5e32cc9eedbdacad0c4cfc9bd' +
        'c7f8c4b3c2b731bac52c3434303330352c32322e35332c3131332e39332c303735352d303030303030300d0a',
      'hex',
    )
    const result = await importCollectionPoints(as('nanshan'), { fileName: 'gbk.CSV', contentBase64: gbk.toString('base64') })
    expect(result).toMatchObject({ created: 1 })
    expect((await listCollectionPoints(as('nanshan'), {})).map((p) => p.name)).toContain('南山区采血点')
  })

  it('names missing columns, and refuses files that are not CSV or XLSX', async () => {
    await expect(importCollectionPoints(as('nanshan'), csvFile('名称,地址,纬度\n某点,某地,22.5'))).rejects.toMatchObject({
      code: 'collection_point.import_bad_header',
      errors: [
        { path: '/rows/1/divisionCode', code: 'missing_column' },
        { path: '/rows/1/longitude', code: 'missing_column' },
      ],
    })
    await expect(importCollectionPoints(as('nanshan'), { fileName: 'old.xls', contentBase64: 'AAAA' })).rejects.toMatchObject({
      code: 'collection_point.import_unsupported_file',
    })
    await expect(importCollectionPoints(as('nanshan'), { fileName: 'fake.xlsx', contentBase64: 'bm90IGEgemlw' })).rejects.toMatchObject({
      code: 'collection_point.import_unreadable',
    })
  })

  it('updates a deactivated point’s details but leaves it deactivated', async () => {
    const rows = '名称,地址,区划代码,纬度,经度\n停用的采血点,深圳市南山区某路,440305,22.55,113.95'
    await importCollectionPoints(as('nanshan'), csvFile(rows))
    const [point] = (await listCollectionPoints(as('nanshan'), {})).filter((p) => p.name === '停用的采血点')
    await deactivateCollectionPoint(as('nanshan'), point.id)
    const result = await importCollectionPoints(as('nanshan'), csvFile(rows.replace('某路', '新路')))
    expect(result).toMatchObject({ updated: 1, inactive: 1 })
    const [after] = (await listCollectionPoints(as('nanshan'), {})).filter((p) => p.name === '停用的采血点')
    expect(after).toMatchObject({ address: '深圳市南山区新路', active: false })
  })
})
