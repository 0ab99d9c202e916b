import { describe, expect, it } from 'vitest'
import { countYMarkers, isMultiCopy, normaliseYLocus, toHaplotypeAlleles, Y_KITS } from './ystr.ts'

describe('normaliseYLocus', () => {
  it.each([
    ['DYS385a', 'DYS385'],
    ['DYS385 b', 'DYS385'],
    ['DYS385a/b', 'DYS385'],
    ['DYS385', 'DYS385'],
    ['DYF387S1a', 'DYF387S1'],
    ['DYS387S1', 'DYF387S1'],
    ['Y-GATA-H4', 'YGATAH4'],
    ['Y GATA H4', 'YGATAH4'],
    ['dys389i', 'DYS389I'],
    ['DYS389 II', 'DYS389II'],
    ['DYS19', 'DYS19'],
  ])('%s → %s', (raw, canonical) => expect(normaliseYLocus(raw)).toBe(canonical))

  it('does not take copy letters on single-copy loci', () => {
    expect(normaliseYLocus('DYS19a')).toBeNull()
    expect(normaliseYLocus('D8S1179')).toBeNull()
  })

  it('knows which loci are multi-copy', () => {
    expect(isMultiCopy('DYS385a/b')).toBe(true)
    expect(isMultiCopy('DYF387S1')).toBe(true)
    expect(isMultiCopy('DYS19')).toBe(false)
  })
})

describe('toHaplotypeAlleles', () => {
  it('stores a multi-copy pair unordered', () => {
    expect(toHaplotypeAlleles('DYS385', ['14', '11'])).toEqual({ ok: true, locus: 'DYS385', alleles: ['11', '14'] })
    expect(toHaplotypeAlleles('DYS385a/b', ['11', '14'])).toEqual({ ok: true, locus: 'DYS385', alleles: ['11', '14'] })
    expect(toHaplotypeAlleles('DYS385', ['13'])).toEqual({ ok: true, locus: 'DYS385', alleles: ['13', '13'] })
  })

  it('takes one allele at a single-copy locus', () => {
    expect(toHaplotypeAlleles('DYS19', ['15', '15'])).toEqual({ ok: true, locus: 'DYS19', alleles: ['15'] })
    expect(toHaplotypeAlleles('DYS19', ['15', '16']).ok).toBe(false)
    expect(toHaplotypeAlleles('DYS385', ['11', '12', '13']).ok).toBe(false)
    expect(toHaplotypeAlleles('DYS448', ['19.6']).ok).toBe(false)
  })
})

describe('Y kits', () => {
  it.each([
    ['yfiler', 17],
    ['yfiler-plus', 27],
    ['powerplex-y23', 23],
  ])('%s reports %i markers', (id, markers) => {
    const kit = Y_KITS.find((k) => k.id === id)!
    expect(countYMarkers(kit)).toBe(markers)
    for (const locus of kit.loci) expect(normaliseYLocus(locus)).toBe(locus)
  })
})
