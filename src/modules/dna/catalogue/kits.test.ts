import { describe, expect, it } from 'vitest'
import { findKit, KITS, lociOutsideKit } from './kits.ts'
import { normaliseLocus } from './loci.ts'

describe('kits', () => {
  it('name only catalogue loci, each once', () => {
    for (const kit of KITS) {
      for (const locus of kit.loci) expect(normaliseLocus(locus), `${kit.id}: ${locus}`).toBe(locus)
      expect(new Set(kit.loci).size, kit.id).toBe(kit.loci.length)
    }
  })

  it.each([
    ['identifiler-plus', 15],
    ['sinofiler', 15],
    ['globalfiler', 21],
    ['powerplex-16', 15],
    ['powerplex-21', 20],
    ['powerplex-fusion', 22],
    ['powerplex-fusion-6c', 23],
    ['goldeneye-20a', 19],
  ])('%s types %i autosomal STRs', (id, count) => {
    expect(findKit(id)?.loci).toHaveLength(count)
  })

  it('finds kits by the names labs write', () => {
    expect(findKit('GlobalFiler')?.id).toBe('globalfiler')
    expect(findKit('AmpFLSTR Identifiler Plus')?.id).toBe('identifiler-plus')
    expect(findKit('PowerPlex 21')?.id).toBe('powerplex-21')
    expect(findKit('unknown kit')).toBeNull()
  })

  it('lists genotyped loci a kit does not type', () => {
    expect(lociOutsideKit(findKit('sinofiler')!, ['TH01', 'vWA', 'PentaD'])).toEqual(['TH01', 'Penta D'])
  })
})
