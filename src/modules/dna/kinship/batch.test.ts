import { describe, expect, it } from 'vitest'
import { Value } from 'typebox/value'
import { KinshipBatchOutput, runKinshipBatch } from './batch.ts'
import { loadFrequencyTable } from './testing.ts'

const frequencies = {
  D1: { '12': 0.2, '13': 0.15, '14': 0.25, '15': 0.1, '16': 0.3 },
  D2: { '7': 0.5, '8': 0.3, '9.3': 0.2 },
}
const duo = (id: string, child: Record<string, [string, string]>, parent: Record<string, [string, string]>, extra = {}) => ({
  id,
  relationship: 'parent-child',
  profiles: { child, parent },
  ...extra,
})

function expectInvalid(input: unknown, message: RegExp) {
  try {
    runKinshipBatch(input)
  } catch (error) {
    expect(error).toMatchObject({ kind: 'invalid' })
    const fields = (error as { errors?: { path: string; message: string }[] }).errors ?? []
    const text = [(error as Error).message, ...fields.map((e) => `${e.path}: ${e.message}`)].join('\n')
    expect(text).toMatch(message)
    return
  }
  throw new Error('expected the batch to be refused')
}

describe('runKinshipBatch', () => {
  it('returns exactly the documented result shape, one result per case in order', () => {
    const output = runKinshipBatch({
      frequencies,
      cases: [
        duo('c1', { D1: ['12', '15'], D2: ['7', '7'] }, { D1: ['15', '16'], D2: ['7', '8'] }),
        duo('c2', { D1: ['12', '13'] }, { D1: ['15', '16'] }),
      ],
    })
    expect(Value.Check(KinshipBatchOutput, output)).toBe(true)
    expect(output.results[0]).toEqual({
      id: 'c1',
      lr: expect.closeTo(2.5, 12),
      log10Lr: expect.closeTo(Math.log10(2.5), 12),
      perLocus: { D1: expect.closeTo(2.5, 12), D2: expect.closeTo(1, 12) },
      inconsistentLoci: [],
      conclusion: 'inconclusive',
    })
    // One inconsistent locus and no mutation model: LR 0, but not an exclusion (GB/T 37223-2018 asks for mutation).
    expect(output.results[1]).toMatchObject({ id: 'c2', lr: 0, log10Lr: null, inconsistentLoci: ['D1'], conclusion: 'inconclusive' })
    expect(JSON.parse(JSON.stringify(output))).toEqual(output)
  })

  it('leaves out loci typed in no one and uses per-case tables, mutation, θ and thresholds', () => {
    const output = runKinshipBatch({
      frequencies,
      policy: { 'parent-child': { supportAt: 2 } },
      cases: [
        duo('c1', { D1: ['12', '15'] }, { D1: ['15', '16'] }, { frequencies: { D1: { '12': 0.5, '15': 0.25, '16': 0.25 } } }),
        duo('c2', { D1: ['12', '13'] }, { D1: ['15', '16'] }, { mutation: { model: 'stepwise', rate: 0.002, rate2: 0, range: 0.1 } }),
        duo('c3', { D1: ['12', '15'] }, { D1: ['15', '16'] }, { theta: 0.01 }),
      ],
    })
    expect(output.results[0].perLocus).toEqual({ D1: 1 }) // 1/(4 × 0.25)
    expect(output.results[0].conclusion).toBe('inconclusive')
    expect(output.results[1].perLocus.D1).toBeGreaterThan(0)
    expect(output.results[2].lr).toBeCloseTo(1.02 / (4 * (0.01 + 0.99 * 0.1)), 12)
    expect(output.results[2].conclusion).toBe('supports')
  })

  it('names the case, locus and allele of a missing frequency', () => {
    expectInvalid(
      { frequencies, cases: [duo('lab-7', { D1: ['12', '17'] }, { D1: ['12', '13'] })] },
      /case "lab-7": locus D1: allele 17 has no frequency/,
    )
    expectInvalid({ frequencies, cases: [duo('lab-8', { D9: ['12', '13'] }, {})] }, /case "lab-8": locus D9 is not in the frequency table/)
  })

  it('refuses unknown roles, missing roles, unknown relationships and malformed fields, with their paths', () => {
    expectInvalid(
      { frequencies, cases: [{ id: 'x', relationship: 'trio', profiles: { child: {}, mother: {}, dad: {} } }] },
      /unknown role "dad" for trio/,
    )
    expectInvalid(
      { frequencies, cases: [{ id: 'x', relationship: 'trio', profiles: { child: {}, mother: {} } }] },
      /needs a profile for father/,
    )
    expectInvalid({ frequencies, cases: [{ id: 'x', relationship: 'cousins', profiles: {} }] }, /\/cases\/0\/relationship.*first-cousins/)
    expectInvalid({ frequencies, cases: [duo('x', { D1: ['12'] as never }, {})] }, /\/cases\/0\/profiles\/child\/D1/)
    expectInvalid({ frequencies, cases: [duo('x', {}, {}, { colour: 'red' })] }, /unknown field "colour"/)
    expectInvalid({ frequencies, cases: [] }, /\/cases/)
    expectInvalid(
      { frequencies, cases: [duo('x', {}, {}, { mutation: { model: 'equal' } })] },
      /\/cases\/0\/mutation: must have required properties rate/,
    )
    expectInvalid({ frequencies, cases: [duo('a', {}, {}), duo('a', {}, {})] }, /"a" is used twice/)
    expectInvalid({ cases: [duo('x', {}, {})] }, /no allele frequency table/)
  })

  it('refuses SE33 of the shipped Chinese table, whose frequencies sum to 0.954', () => {
    const chinese = loadFrequencyTable('chinese.csv')
    expectInvalid(
      { frequencies: chinese, cases: [duo('se', { SE33: ['15', '16'] }, { SE33: ['15', '17'] })] },
      /SE33: allele frequencies sum to 0\.954/,
    )
  })
})
