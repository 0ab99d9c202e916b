import { describe, expect, it } from 'vitest'
import { buildEqualMatrix, buildStepwiseMatrix, buildTransmission, getMutationRates, type Matrix } from './mutation-matrix.ts'

const rows = (m: Matrix | null, size: number) => Array.from({ length: size }, (_, i) => Array.from(m!.slice(i * size, (i + 1) * size)))

describe('mutation matrices', () => {
  it('builds the equal model as pedmut prints it for rate 0.1 over a, b, c', () => {
    expect(rows(buildEqualMatrix(3, 0.1), 3)).toEqual([
      [0.9, 0.05, 0.05],
      [0.05, 0.9, 0.05],
      [0.05, 0.05, 0.9],
    ])
    expect(buildEqualMatrix(3, 0)).toBeNull()
  })

  it('reproduces the stepwise matrix of Simonsson & Mostad (2015) 2.1.3 as printed in the pedmut README', () => {
    // mutationMatrix("stepwise", alleles = c("16","17","18","16.1","17.1"), rate = .003, rate2 = .001, range = .5)
    const expected = [
      [0.996, 0.002, 0.001, 0.0005, 0.0005],
      [0.0015, 0.996, 0.0015, 0.0005, 0.0005],
      [0.001, 0.002, 0.996, 0.0005, 0.0005],
      [0.0003333333, 0.0003333333, 0.0003333333, 0.996, 0.003],
      [0.0003333333, 0.0003333333, 0.0003333333, 0.003, 0.996],
    ]
    const actual = rows(buildStepwiseMatrix(['16', '17', '18', '16.1', '17.1'], 0.003, 0.001, 0.5), 5)
    actual.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(expected[i][j], 9)))
  })

  it('gives an allele alone in its group 1 − rate2 and shares rate2 among the others', () => {
    const m = rows(buildStepwiseMatrix(['9', '9.3', '10'], 0.002, 0.0004, 0.1), 3)
    expect(m[1]).toEqual([0.0002, 1 - 0.0004, 0.0002])
    expect(m[0][0]).toBeCloseTo(1 - 0.002 - 0.0004, 12)
    expect(m[0][2]).toBeCloseTo(0.002, 12)
    for (const row of m) expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12)
  })

  it('refuses non-numeric alleles and impossible rates in the stepwise model', () => {
    expect(() => buildStepwiseMatrix(['9', 'OL'], 0.002, 0, 0.1)).toThrow(/numeric alleles/)
    expect(() => buildStepwiseMatrix(['9', '9.25'], 0.002, 0, 0.1)).toThrow(/one decimal/)
    expect(() => buildStepwiseMatrix(['9', '10'], 0.7, 0.4, 0.1)).toThrow(/at most 1/)
  })

  it('builds sex-specific matrices, averages them for an unknown sex and applies per-locus rates', () => {
    const t = buildTransmission({ model: 'equal', rate: { male: 0.004, female: 0.001 }, loci: { TH01: { rate: 0.0001 } } }, 'FGA', [
      '20',
      '21',
      '22',
    ])
    expect(t.male![1]).toBeCloseTo(0.002, 12)
    expect(t.female![1]).toBeCloseTo(0.0005, 12)
    expect(t.unknown![1]).toBeCloseTo(0.00125, 12)
    expect(t.unknown![0]).toBeCloseTo(1 - 0.0025, 12)
    expect(buildTransmission({ model: 'equal', rate: 0.002, loci: { TH01: { rate: 0.0001 } } }, 'TH01', ['6', '7']).male![1]).toBeCloseTo(
      0.0001,
      12,
    )
    expect(getMutationRates({ model: 'stepwise', rate: { male: 0.003, female: 0.001 }, rate2: 0, range: 0.1 }, 'vWA')).toEqual({
      male: 0.003,
      female: 0.001,
    })
    expect(buildTransmission({ model: 'none' }, 'FGA', ['20', '21'])).toEqual({ male: null, female: null, unknown: null })
  })

  it('reorders an explicit matrix to the table and refuses one that does not fit it', () => {
    const spec = {
      alleles: ['8', '7'],
      male: [
        [0.9, 0.1],
        [0.2, 0.8],
      ],
      female: [
        [1, 0],
        [0, 1],
      ],
    }
    const t = buildTransmission({ model: 'matrix', matrices: { TPOX: spec } }, 'TPOX', ['7', '8'])
    expect(rows(t.male, 2)).toEqual([
      [0.8, 0.2],
      [0.1, 0.9],
    ])
    expect(buildTransmission({ model: 'matrix', matrices: { TPOX: spec } }, 'FGA', ['20', '21']).male).toBeNull()
    expect(() => buildTransmission({ model: 'matrix', matrices: { TPOX: spec } }, 'TPOX', ['7', '8', '9'])).toThrow(/missing 9/)
    const bad = {
      ...spec,
      male: [
        [0.9, 0.2],
        [0.2, 0.8],
      ],
    }
    expect(() => buildTransmission({ model: 'matrix', matrices: { TPOX: bad } }, 'TPOX', ['7', '8'])).toThrow(/summing to 1/)
  })
})
