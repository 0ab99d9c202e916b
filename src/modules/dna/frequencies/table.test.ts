import { describe, expect, it } from 'vitest'
import type { FrequencyTableMeta } from './meta.ts'
import { DEFAULT_FIXED_MINIMUM, frequencyOf, minimumFrequencyFor, parseFrequencyCsv, parseFrequencyJson, usableLoci } from './table.ts'

const meta = (over: Partial<FrequencyTableMeta> = {}): FrequencyTableMeta => ({
  id: 'test',
  name: 'Test',
  population: 'Test population',
  sampleSize: 500,
  source: 'made up for a test',
  licence: 'none',
  disabledLoci: [],
  ...over,
})

const CSV = `locus,allele,frequency
VWA,14,0.25
vWA,17,0.25
vWA,18,0.5
Penta_D,9,0.4
PentaD,9.3,0.1
Penta D,12,0.5
TH01,9.3,0.6
TH01,7,0.3
`

describe('parseFrequencyCsv', () => {
  it('normalises locus names and allele labels', () => {
    const { table, errors, warnings } = parseFrequencyCsv(CSV, meta())
    expect(errors).toEqual([])
    expect(table?.frequencies).toEqual({
      vWA: { '14': 0.25, '17': 0.25, '18': 0.5 },
      'Penta D': { '9': 0.4, '9.3': 0.1, '12': 0.5 },
      TH01: { '9.3': 0.6, '7': 0.3 },
    })
    // TH01 sums to 0.9: a warning carrying the sum, not an error.
    expect(warnings).toEqual([expect.objectContaining({ code: 'sum_off', locus: 'TH01', sum: 0.9 })])
  })

  it('reports each bad row with its line, and refuses the table', () => {
    const text = 'allele,locus,frequency\n14,vWA,0.5\n14,vWA,0.5\n15,vWA,0\n16,vWA,1.5\nx,vWA,0.1\n17,vWA,abc\n9,D99S1,0.2\n'
    const { table, errors, warnings } = parseFrequencyCsv(text, meta())
    expect(table).toBeNull()
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'duplicate_allele'],
      [4, 'bad_frequency'],
      [5, 'bad_frequency'],
      [6, 'malformed_allele'],
      [7, 'bad_frequency'],
    ])
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'unknown_locus', line: 8 }))
  })

  it('needs the three columns', () => {
    expect(parseFrequencyCsv('marker,allele,p\nvWA,14,1\n', meta()).errors).toMatchObject([{ code: 'missing_column', line: 1 }])
  })

  it('disables loci named in the metadata, and refuses a misspelt one', () => {
    const { table } = parseFrequencyCsv(CSV, meta({ disabledLoci: [{ locus: 'PENTA-D', reason: 'incomplete' }] }))
    expect(table?.disabledLoci).toEqual({ 'Penta D': 'incomplete' })
    expect(usableLoci(table!)).toEqual(['vWA', 'TH01'])
    const misspelt = parseFrequencyCsv(CSV, meta({ disabledLoci: [{ locus: 'Penta X', reason: 'typo' }] }))
    expect(misspelt.table).toBeNull()
    expect(misspelt.errors).toMatchObject([{ code: 'unknown_locus' }])
  })
})

describe('parseFrequencyJson', () => {
  it('reads {locus: {allele: p}} with numbers or numeric strings', () => {
    const { table, warnings } = parseFrequencyJson({ VWA: { '14': 0.5, '17.0': '0.5' } }, meta())
    expect(table?.frequencies).toEqual({ vWA: { '14': 0.5, '17': 0.5 } })
    expect(warnings).toEqual([])
  })

  it.each([[null], [[]], [{ vWA: 0.5 }], [{ vWA: [0.5] }]])('refuses %j', (json) => {
    expect(parseFrequencyJson(json, meta()).errors).toMatchObject([{ code: 'malformed_table' }])
  })

  it('refuses zero and negative frequencies', () => {
    expect(parseFrequencyJson({ vWA: { '14': 0, '15': -0.1, '16': 1 } }, meta()).errors.map((e) => e.allele)).toEqual(['14', '15'])
  })
})

describe('minimum frequency', () => {
  it('is 5/2N when N is known, a fixed default when not, and the metadata value when given', () => {
    expect(minimumFrequencyFor(meta({ sampleSize: 500 }))).toEqual({ value: 0.005, basis: '5/2N' })
    expect(minimumFrequencyFor(meta({ sampleSize: null }))).toEqual({ value: DEFAULT_FIXED_MINIMUM, basis: 'fixed' })
    expect(minimumFrequencyFor(meta({ sampleSize: null }), 0.002)).toEqual({ value: 0.002, basis: 'fixed' })
    expect(minimumFrequencyFor(meta({ minimumFrequency: 0.0003 }))).toEqual({ value: 0.0003, basis: 'metadata' })
    expect(() => minimumFrequencyFor(meta({ sampleSize: null }), 0)).toThrow(RangeError)
  })
})

describe('frequencyOf', () => {
  const { table } = parseFrequencyCsv(CSV, meta({ sampleSize: 1000, disabledLoci: [{ locus: 'TH01', reason: 'test' }] }))

  it('answers listed alleles in any spelling of the locus and allele', () => {
    expect(frequencyOf(table!, 'vWA', '14')).toBe(0.25)
    expect(frequencyOf(table!, 'VWA', '14.0')).toBe(0.25)
    expect(frequencyOf(table!, 'Penta-D', '9.3')).toBe(0.1)
  })

  it('gives absent alleles the minimum, never zero', () => {
    expect(frequencyOf(table!, 'vWA', '22')).toBe(5 / 2000)
    expect(frequencyOf(table!, 'vWA', 'OL')).toBe(5 / 2000)
    expect(frequencyOf(table!, 'vWA', '22', { minimum: 0.01 })).toBe(0.01)
    expect(() => frequencyOf(table!, 'vWA', '22', { minimum: 0 })).toThrow(RangeError)
  })

  it('is null for disabled loci and loci the table lacks', () => {
    expect(frequencyOf(table!, 'TH01', '9.3')).toBeNull()
    expect(frequencyOf(table!, 'FGA', '22')).toBeNull()
    expect(frequencyOf(table!, 'constructor', '1')).toBeNull()
  })

  it('throws on something that is not an allele', () => {
    expect(() => frequencyOf(table!, 'vWA', 'X')).toThrow(RangeError)
  })
})
