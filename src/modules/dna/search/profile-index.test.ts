import { describe, expect, it } from 'vitest'
import { SearchIndex } from './profile-index.ts'
import { CHUNK_ROWS, MAX_ALLELES_PER_LOCUS, decodePair, pairCode } from './layout.ts'
import { STANDARD_LOCI } from './model.ts'

const genotypes = (a: string, b: string) => Object.fromEntries(STANDARD_LOCI.map((locus) => [locus, [a, b]]))

describe('genotype pair codes', () => {
  it('are unordered, dense from 1, and decode back', () => {
    expect(pairCode(1, 1)).toBe(1)
    expect(pairCode(1, 2)).toBe(2)
    expect(pairCode(2, 2)).toBe(3)
    expect(pairCode(5, 3)).toBe(pairCode(3, 5))
    for (let b = 1; b <= MAX_ALLELES_PER_LOCUS; b += 7) for (let a = 1; a <= b; a += 5) expect(decodePair(pairCode(a, b))).toEqual([a, b])
    expect(pairCode(MAX_ALLELES_PER_LOCUS, MAX_ALLELES_PER_LOCUS)).toBeLessThanOrEqual(0xffff)
  })
})

describe('SearchIndex', () => {
  it('stores profiles by kind and gives their genotypes back', () => {
    const index = new SearchIndex()
    index.add({ key: 7, kind: 'candidate', genotypes: { CSF1PO: ['12', '10'], TH01: ['9.3'], FGA: ['20', '21', '22'] } })
    expect(index.kindOf(7)).toBe('candidate')
    // Sorted, the homozygote written once made whole, the tri-allelic locus left untyped for screening.
    expect(index.genotypesOf(7)).toEqual({ CSF1PO: ['10', '12'], TH01: ['9.3', '9.3'] })
    expect(index.rowCount(1)).toBe(1)
    expect(index.kindOf(8)).toBeNull()
  })

  it('replaces a profile in place, moves it when its kind changes, and blanks removed rows', () => {
    const index = new SearchIndex()
    index.add({ key: 1, kind: 'reference', genotypes: genotypes('10', '11') })
    index.add({ key: 1, kind: 'reference', genotypes: genotypes('12', '12') })
    expect(index.rowCount(0)).toBe(1)
    expect(index.genotypesOf(1)?.CSF1PO).toEqual(['12', '12'])
    index.add({ key: 1, kind: 'general', genotypes: genotypes('12', '12') })
    expect([index.rowCount(0), index.rowCount(2), index.kindOf(1)]).toEqual([1, 1, 'general'])
    expect(index.keyAt(0, 0)).toBe(0)
    expect(index.genotypesAt(0, 0)).toEqual({})
    expect(index.remove(1)).toBe(true)
    expect(index.remove(1)).toBe(false)
    expect(index.genotypesOf(1)).toBeNull()
  })

  it('grows chunk by chunk without moving rows, within 64 bytes a profile at 23 loci', () => {
    const index = new SearchIndex()
    const codes = index.encode(genotypes('10', '11'))
    const count = 3 * CHUNK_ROWS
    for (let key = 1; key <= count; key++) index.addEncoded(key, 'candidate', codes)
    // 46 bytes of codes, 4 of key, 4 of key → row (the slack is at most one chunk per kind, 3.3 MB).
    const perProfile = index.memoryBytes() / count
    expect(perProfile).toBeGreaterThanOrEqual(54)
    expect(perProfile).toBeLessThanOrEqual(56)
    const firstChunk = index.chunkBuffers(1)[0]
    index.addEncoded(count + 1, 'candidate', codes)
    expect(index.chunkBuffers(1)).toHaveLength(4)
    expect(index.chunkBuffers(1)[0]).toBe(firstChunk)
    expect(index.keyAt(1, count)).toBe(count + 1)
    expect(index.genotypesOf(count + 1)).toEqual(genotypes('10', '11'))
  })

  it('keeps family pairs of references and drops them with a parent', () => {
    const index = new SearchIndex()
    index.add({ key: 1, kind: 'reference', genotypes: genotypes('10', '11') })
    index.add({ key: 2, kind: 'reference', genotypes: genotypes('12', '13') })
    index.add({ key: 3, kind: 'candidate', genotypes: genotypes('10', '12') })
    index.addFamilyPair(1, 2)
    index.addFamilyPair(1, 2)
    expect(index.rowCount(3)).toBe(1)
    expect(index.pairs.rowsAt(0)).toEqual([0, 1])
    expect(() => index.addFamilyPair(1, 3)).toThrow(expect.objectContaining({ code: 'dna.search.pair_not_reference' }))
    index.remove(2)
    expect(index.pairs.rowsAt(0)).toBeNull()
  })

  it('refuses keys the database cannot have and loci with too many alleles', () => {
    const index = new SearchIndex(['L'])
    expect(() => index.add({ key: 0, kind: 'general', genotypes: {} })).toThrow(expect.objectContaining({ code: 'dna.search.bad_key' }))
    expect(() => index.add({ key: 1.5, kind: 'general', genotypes: {} })).toThrow(expect.objectContaining({ code: 'dna.search.bad_key' }))
    for (let a = 1; a <= MAX_ALLELES_PER_LOCUS; a++) index.alleleCode(0, String(a))
    expect(() => index.alleleCode(0, 'new')).toThrow(expect.objectContaining({ code: 'dna.search.too_many_alleles' }))
  })
})
