import { describe, expect, it } from 'vitest'
import { classifyMarker, resolveRules, sampleCodeProblem, toAmelogenin, toGenotype } from './rules.ts'

describe('classifyMarker', () => {
  it.each([
    ['THO1', { kind: 'autosomal', locus: 'TH01' }],
    ['Amelogenin', { kind: 'amelogenin' }],
    ['DYS385a', { kind: 'y', locus: 'DYS385' }],
    ['Yindel', { kind: 'ignored' }],
    ['Y indel', { kind: 'ignored' }],
    ['D99S999', { kind: 'unknown' }],
  ])('%s', (raw, kind) => expect(classifyMarker(raw)).toEqual(kind))
})

describe('toGenotype', () => {
  it.each([
    [['12'], ['12', '12']],
    [
      ['12', '12'],
      ['12', '12'],
    ],
    [
      ['12', ''],
      ['12', '12'],
    ],
    [
      ['13', '12'],
      ['12', '13'],
    ],
    [
      ['12', '12', '13'],
      ['12', '13'],
    ],
    [
      ['9.3', '10', '9'],
      ['9', '9.3', '10'],
    ],
    [['OL'], ['OL', 'OL']],
    [
      ['OL', 'OL'],
      ['OL', 'OL'],
    ],
    [
      ['OL', '12'],
      ['12', 'OL'],
    ],
  ])('%j → %j', (raw, alleles) => expect(toGenotype('TH01', raw)).toMatchObject({ ok: true, alleles }))

  it('treats no alleles as untyped and rejects a bad one', () => {
    expect(toGenotype('vWA', [])).toBeNull()
    expect(toGenotype('vWA', ['', ' '])).toBeNull()
    expect(toGenotype('vWA', ['14', 'x'])).toMatchObject({ ok: false })
    // 11.3 is impossible at a trinucleotide locus.
    expect(toGenotype('D22S1045', ['11.3'])).toMatchObject({ ok: false })
  })
})

describe('toAmelogenin', () => {
  it.each([
    [['X'], 'X'],
    [['X', 'X'], 'X'],
    [['X', 'Y'], 'XY'],
    [['Y', 'X'], 'XY'],
    [['XY'], 'XY'],
    [['x,y'], 'XY'],
    [['Y'], 'Y'],
    [[], null],
    [['Z'], 'malformed'],
    [['12'], 'malformed'],
  ])('%j → %j', (raw, call) => expect(toAmelogenin(raw)).toBe(call))
})

describe('sampleCodeProblem', () => {
  it('needs a short, printable code', () => {
    expect(sampleCodeProblem('TY-0001')).toBeNull()
    expect(sampleCodeProblem(' ')).toMatch(/no sample code/)
    expect(sampleCodeProblem(undefined)).toMatch(/no sample code/)
    expect(sampleCodeProblem('A'.repeat(65))).toMatch(/longer/)
    expect(sampleCodeProblem('A\u0007B')).toMatch(/control/)
  })
})

describe('resolveRules', () => {
  it('defaults to flagging below 15 loci and rejecting below 6', () => {
    expect(resolveRules()).toEqual({ resampleBelowLoci: 15, rejectBelowLoci: 6 })
    expect(resolveRules({ resampleBelowLoci: 20 })).toEqual({ resampleBelowLoci: 20, rejectBelowLoci: 6 })
  })

  it('refuses a hard minimum above the re-sample threshold', () => {
    expect(() => resolveRules({ rejectBelowLoci: 16 })).toThrow(RangeError)
    expect(() => resolveRules({ rejectBelowLoci: 0 })).toThrow(RangeError)
  })
})
