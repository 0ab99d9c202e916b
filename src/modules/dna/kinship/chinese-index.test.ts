import { describe, expect, it } from 'vitest'
import { computeStepwiseIndex, countSteps } from './chinese-index.ts'

const freq: Record<string, number> = { '12': 0.2, '13': 0.15, '14': 0.25, '15': 0.1, '16': 0.05, '17': 0.03, '18': 0.02 }
const frequency = (a: string) => freq[a]
const mu = 0.002
const parent = (a: string, b: string) => ({ genotype: [a, b] as [string, string], rate: mu })
const mother = (a: string, b: string) => ({ genotype: [a, b] as [string, string], rate: 0.0005 })

describe('Chinese stepwise mutation index', () => {
  it('counts steps in whole repeats, a partial repeat as one more', () => {
    expect(countSteps('10', '12')).toBe(2)
    expect(countSteps('9.3', '10')).toBe(1)
    expect(countSteps('9.3', '11')).toBe(2)
    expect(countSteps('17.1', '16.1')).toBe(1)
    expect(() => countSteps('OL', '10')).toThrow(/numeric/)
  })

  it('gives μ/(4·p·10^(s−1)) for a trio, per paternal allele at the smallest distance', () => {
    // Mother 12/12 gives 12; the paternal 15 is one step from the alleged father's 14 only.
    expect(computeStepwiseIndex(['12', '15'], mother('12', '12'), parent('14', '17'), frequency, true)).toBeCloseTo(mu / (4 * 0.1), 15)
    // One step from both 14 and 16: twice as likely.
    expect(computeStepwiseIndex(['12', '15'], mother('12', '12'), parent('14', '16'), frequency, true)).toBeCloseTo(
      (2 * mu) / (4 * 0.1),
      15,
    )
    // Two steps from 13 and 17: ten times rarer per step beyond the first.
    expect(computeStepwiseIndex(['12', '15'], mother('12', '12'), parent('13', '17'), frequency, true)).toBeCloseTo(
      (2 * mu) / (4 * 0.1 * 10),
      15,
    )
  })

  it("uses p + q when the child has the mother's genotype", () => {
    // Mother 12/15 = child; alleged father 13/17: 12 is one step from 13, 15 is two from both. Only the one-step term counts.
    expect(computeStepwiseIndex(['12', '15'], mother('12', '15'), parent('13', '17'), frequency, true)).toBeCloseTo(
      mu / (4 * (0.2 + 0.1)),
      15,
    )
  })

  it('gives μ/(8·p·10^(s−1)) for a duo with a heterozygous child and μ/(4·p·10^(s−1)) with a homozygous one', () => {
    // Child 12/15, parent 14/18: 15 is one step from 14 (12 is two): p is that of 15.
    expect(computeStepwiseIndex(['12', '15'], parent('14', '18'), null, frequency, false)).toBeCloseTo(mu / (8 * 0.1), 15)
    expect(computeStepwiseIndex(['15', '15'], parent('14', '18'), null, frequency, false)).toBeCloseTo(mu / (4 * 0.1), 15)
    // Child 13/15, parent 14/16: 13→14, 15→14 and 15→16 are all one step: μ/(8·p13) + 2μ/(8·p15).
    expect(computeStepwiseIndex(['13', '15'], parent('14', '16'), null, frequency, false)).toBeCloseTo(
      mu / (8 * 0.15) + (2 * mu) / (8 * 0.1),
      15,
    )
  })

  it('gives a trio against unrelated the same transmission over the child genotype frequency', () => {
    // X = 1 (mother 12/12 gives 12) × μ/4 (father 14/17 gives 15 by one step); Y = 2·p12·p15.
    expect(computeStepwiseIndex(['12', '15'], mother('12', '12'), parent('14', '17'), frequency, false)).toBeCloseTo(
      mu / 4 / (2 * 0.2 * 0.1),
      15,
    )
  })
})
