import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AUTOSOMAL_LOCI, CODIS_CORE_LOCI, getLocus, isAmelogenin, normaliseLocus } from './loci.ts'

describe('normaliseLocus', () => {
  it.each([
    ['vWA', 'vWA'],
    ['VWA', 'vWA'],
    ['vwa', 'vWA'],
    [' vWA ', 'vWA'],
    ['Penta D', 'Penta D'],
    ['PentaD', 'Penta D'],
    ['PENTA_D', 'Penta D'],
    ['Penta-D', 'Penta D'],
    ['penta e', 'Penta E'],
    ['TH01', 'TH01'],
    ['THO1', 'TH01'],
    ['TH-01', 'TH01'],
    ['th01', 'TH01'],
    ['D22GATA', 'D22GATA198B05'],
    ['D22GATA198B05', 'D22GATA198B05'],
    ['d8s1179', 'D8S1179'],
    ['D8 S1179', 'D8S1179'],
    ['CSF1P0', 'CSF1PO'],
    ['ACTBP2', 'SE33'],
    ['ＶＷＡ', 'vWA'],
  ])('%s → %s', (raw, canonical) => {
    expect(normaliseLocus(raw)).toBe(canonical)
  })

  it('does not know amelogenin, Y-STRs or nonsense', () => {
    for (const raw of ['AMEL', 'Amelogenin', 'DYS391', 'D8S117', '', 'Sample Name']) expect(normaliseLocus(raw)).toBeNull()
  })
})

describe('isAmelogenin', () => {
  it.each(['AMEL', 'Amelogenin', 'AM', 'amel', 'Amel'])('%s is amelogenin', (raw) => expect(isAmelogenin(raw)).toBe(true))
  it('is false for STR loci', () => expect(isAmelogenin('vWA')).toBe(false))
})

describe('catalogue', () => {
  it('has the 20 CODIS core loci', () => {
    expect(CODIS_CORE_LOCI).toHaveLength(20)
    expect(AUTOSOMAL_LOCI.filter((l) => l.isCodisCore)).toHaveLength(20)
  })

  it('names every D-locus after its chromosome', () => {
    for (const locus of AUTOSOMAL_LOCI.filter((l) => /^D\d/.test(l.name))) {
      expect(locus.chromosome, locus.name).toBe(Number(/^D(\d{1,2})/.exec(locus.name)![1]))
    }
  })

  it('knows every locus of the shipped frequency tables by its table name', () => {
    for (const file of ['chinese.csv', 'uk-chinese-ea5.csv', 'nist1036-asian-american.csv']) {
      const text = readFileSync(new URL(`../frequencies/data/${file}`, import.meta.url), 'utf8')
      const loci = new Set(
        text
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => line.split(',')[0]),
      )
      for (const locus of loci) expect(normaliseLocus(locus), `${file}: ${locus}`).toBe(locus)
    }
  })

  it('gives repeat units for the pentanucleotide and trinucleotide loci', () => {
    expect(getLocus('PentaD')?.repeatUnit).toBe(5)
    expect(getLocus('D22S1045')?.repeatUnit).toBe(3)
    expect(getLocus('D6S477')?.repeatUnit).toBeUndefined()
  })
})
