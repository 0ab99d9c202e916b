import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEFAULT_FIXED_MINIMUM, frequencyOf } from './table.ts'
import { DEFAULT_TABLE_ID, loadShippedTables, SHIPPED_DATA_DIR } from './shipped.ts'

// Loci in file order, read straight from the CSV, to compare with what the parser kept.
const lociOf = (file: string) => [
  ...new Set(
    readFileSync(new URL(file, SHIPPED_DATA_DIR), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]),
  ),
]

describe('loadShippedTables', async () => {
  const tables = await loadShippedTables()
  const byId = Object.fromEntries(tables.map((t) => [t.meta.id, t]))

  it('loads the three tables, the default (chinese) first', () => {
    expect(tables.map((t) => t.meta.id)).toEqual([DEFAULT_TABLE_ID, 'nist1036-asian-american', 'uk-chinese-ea5'])
  })

  it.each([
    ['chinese.csv', 59, null],
    ['uk-chinese-ea5.csv', 16, 203],
    ['nist1036-asian-american.csv', 29, 97],
  ])('keeps every locus of %s (%i) with its sample size', (file, count, sampleSize) => {
    const table = tables.find((t) => t.meta.file === file)!
    expect(Object.keys(table.frequencies)).toEqual(lociOf(file))
    expect(Object.keys(table.frequencies)).toHaveLength(count)
    expect(table.meta.sampleSize).toBe(sampleSize)
  })

  it('disables SE33 of chinese.csv from its metadata, and warns of its sum', () => {
    const chinese = byId.chinese
    expect(Object.keys(chinese.disabledLoci)).toEqual(['SE33'])
    expect(chinese.disabledLoci.SE33).toMatch(/30\.2/)
    expect(chinese.warnings).toEqual([expect.objectContaining({ code: 'sum_off', locus: 'SE33', sum: 0.954 })])
    expect(frequencyOf(chinese, 'SE33', '30.2')).toBeNull()
    expect(byId['uk-chinese-ea5'].warnings).toEqual([])
    expect(byId['nist1036-asian-american'].warnings).toEqual([])
    expect(frequencyOf(byId['uk-chinese-ea5'], 'SE33', '30.2')).toBeCloseTo(0.042, 3)
  })

  it('uses 5/2N where N is known and the fixed default for chinese.csv', () => {
    expect(byId.chinese).toMatchObject({ minimumFrequency: DEFAULT_FIXED_MINIMUM, minimumBasis: 'fixed' })
    expect(byId['uk-chinese-ea5']).toMatchObject({ minimumFrequency: 5 / 406, minimumBasis: '5/2N' })
    expect(byId['nist1036-asian-american']).toMatchObject({ minimumFrequency: 5 / 194, minimumBasis: '5/2N' })
  })

  it('carries licence and attribution', () => {
    expect(byId.chinese.meta.licence).toMatch(/unconfirmed/i)
    expect(byId['uk-chinese-ea5'].meta.attribution).toMatch(/Open Government Licence v3\.0/)
    expect(byId['nist1036-asian-american'].meta.licence).toMatch(/public domain/i)
  })

  it('reads frequencies as written', () => {
    expect(frequencyOf(byId.chinese, 'CSF1PO', '10')).toBe(0.2309)
    expect(frequencyOf(byId.chinese, 'D22GATA', '10')).toBe(frequencyOf(byId.chinese, 'D22GATA198B05', '10'))
  })
})
