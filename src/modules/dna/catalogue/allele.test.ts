import { describe, expect, it } from 'vitest'
import { alleleSteps, isWholeStep, parseAllele, sortAlleles } from './allele.ts'

describe('parseAllele', () => {
  it.each([
    ['12', '12'],
    [' 12 ', '12'],
    ['09', '9'],
    ['12.0', '12'],
    ['9.3', '9.3'],
    ['30.2', '30.2'],
    ['１２', '12'],
  ])('reads %j as %s', (raw, allele) => {
    expect(parseAllele(raw)).toMatchObject({ ok: true, allele, isOffLadder: false })
  })

  it('reads numbers from JSON', () => {
    expect(parseAllele(9.3)).toMatchObject({ ok: true, allele: '9.3', repeats: 9, extraBases: 3 })
    expect(parseAllele(14)).toMatchObject({ ok: true, allele: '14' })
  })

  it('keeps off-ladder as a flag', () => {
    expect(parseAllele('OL')).toEqual({ ok: true, allele: 'OL', repeats: null, extraBases: null, isOffLadder: true })
    expect(parseAllele(' ol ')).toMatchObject({ ok: true, allele: 'OL', isOffLadder: true })
  })

  it.each(['', 'X', '12a', '9.33', '0', '-3', '100', '12,13', 'NaN', '1e3', '.3'])('rejects %j with a reason', (raw) => {
    const parsed = parseAllele(raw)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(/\S/)
  })

  it('rejects more extra bases than the repeat has when the repeat unit is known', () => {
    expect(parseAllele('9.4', { repeatUnit: 4 }).ok).toBe(false)
    expect(parseAllele('9.4', { repeatUnit: 5 }).ok).toBe(true)
  })
})

describe('alleleSteps', () => {
  it('counts whole repeats', () => {
    expect(alleleSteps('12', '13')).toBe(1)
    expect(alleleSteps('15', '12')).toBe(3)
    expect(alleleSteps('12', '12')).toBe(0)
  })

  it('counts a microvariant as a fraction of a repeat', () => {
    expect(alleleSteps('9.3', '10')).toBe(0.25)
    expect(alleleSteps('9.3', '9')).toBe(0.75)
    expect(alleleSteps('30.2', '31.2')).toBe(1)
    expect(alleleSteps('12.2', '13', 5)).toBeCloseTo(0.6)
    expect(alleleSteps('14.1', '14', 3)).toBeCloseTo(1 / 3)
  })

  it('is null for off-ladder or malformed alleles', () => {
    expect(alleleSteps('OL', '12')).toBeNull()
    expect(alleleSteps('12', 'x')).toBeNull()
  })

  it('tells whole steps from fractional ones', () => {
    expect(isWholeStep('30.2', '31.2')).toBe(true)
    expect(isWholeStep('9.3', '10')).toBe(false)
  })
})

describe('sortAlleles', () => {
  it('sorts by designation with off-ladder last', () => {
    expect(sortAlleles(['10', 'OL', '9.3', '9'])).toEqual(['9', '9.3', '10', 'OL'])
  })
})
