import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { collectYstrCsv, type YstrProblem } from './csv.ts'
import { readYLocus } from './locus.ts'

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url))
const brief = (problems: YstrProblem[]) =>
  problems.map(({ line, sample, code, severity }) => ({ line, sample, code, severity })).sort((a, b) => a.line - b.line)

describe('one Y-STR locus', () => {
  it('stores multi-copy loci as a sorted pair, a single peak as both copies', () => {
    expect(readYLocus('DYS385a/b', ['18', '13'])).toEqual({ ok: true, locus: 'DYS385', alleles: ['13', '18'] })
    expect(readYLocus('DYS385', ['12'])).toEqual({ ok: true, locus: 'DYS385', alleles: ['12', '12'] })
    expect(readYLocus('DYS387S1', ['37', '35'])).toEqual({ ok: true, locus: 'DYF387S1', alleles: ['35', '37'] })
    expect(readYLocus('DYS458', ['17.2'])).toEqual({ ok: true, locus: 'DYS458', alleles: ['17.2'] })
    expect(readYLocus('DYS19', [])).toBeNull()
  })

  it('names what is wrong: an unknown locus, a bad designation, more alleles than copies', () => {
    expect(readYLocus('DYS999', ['12'])).toMatchObject({ ok: false, code: 'unknown_locus' })
    expect(readYLocus('DYS19', ['1x'])).toMatchObject({ ok: false, code: 'malformed_allele' })
    // A three-base repeat cannot have three extra bases.
    expect(readYLocus('DYS392', ['13.3'])).toMatchObject({ ok: false, code: 'malformed_allele' })
    expect(readYLocus('DYS19', ['14', '15'])).toMatchObject({ ok: false, code: 'too_many_copies' })
    expect(readYLocus('DYS385', ['11', '14', '16'])).toMatchObject({ ok: false, code: 'too_many_copies' })
  })
})

describe('long form (GeneMapper)', () => {
  it('reads a Yfiler Plus export: 25 loci, DYS385 and DYF387S1 with two copies, aliases, the ladder skipped', async () => {
    const { shape, haplotypes, problems } = await collectYstrCsv([fixture('yfiler-plus-long.tsv')])
    expect(shape).toBe('long')
    expect(problems).toEqual([])
    expect(haplotypes.map((h) => [h.sampleCode, h.line])).toEqual([
      ['TYY001', 27],
      ['TYY002', 52],
    ])
    const [first, second] = haplotypes
    expect(Object.keys(first.haplotype)).toHaveLength(25)
    expect(first.haplotype).toMatchObject({
      DYS385: ['13', '18'],
      DYF387S1: ['35', '37'],
      DYS389I: ['13'],
      YGATAH4: ['12'],
      DYS392: ['13'],
    })
    expect(second.haplotype).toMatchObject({ DYS19: ['14'], DYS385: ['12', '12'], DYF387S1: ['36', '38'], DYS458: ['17.2'] })
  })

  it('takes the copies of DYS385 from one row or from a row per copy', async () => {
    const csv = ['Sample Name,Marker,Allele 1,Allele 2', 'A,DYS385a,16,', 'A,DYS385b,13,', 'B,DYS385,16,13', 'C,DYS385,13,'].join('\n')
    const { haplotypes, problems } = await collectYstrCsv([csv])
    expect(problems).toEqual([])
    expect(haplotypes.map((h) => h.haplotype.DYS385)).toEqual([
      ['13', '16'],
      ['13', '16'],
      ['13', '13'],
    ])
  })

  it('reports every rejection with its line and sample', async () => {
    const { haplotypes, problems } = await collectYstrCsv([fixture('ystr-problems.csv')])
    expect(brief(problems)).toEqual([
      { line: 3, sample: 'P1', code: 'unknown_locus', severity: 'error' },
      { line: 4, sample: 'P1', code: 'malformed_allele', severity: 'error' },
      { line: 5, sample: 'P2', code: 'too_many_copies', severity: 'error' },
      { line: 6, sample: 'P2', code: 'too_many_copies', severity: 'error' },
      { line: 7, sample: null, code: 'empty_row', severity: 'warning' },
      { line: 8, sample: null, code: 'missing_sample_code', severity: 'error' },
      { line: 9, sample: 'P3', code: 'empty_haplotype', severity: 'error' },
      { line: 12, sample: null, code: 'not_y_locus', severity: 'warning' },
      { line: 14, sample: 'P4', code: 'duplicate_sample_conflict', severity: 'error' },
    ])
    expect(problems.find((p) => p.line === 14)?.reason).toContain('line 10')
    // P5 read twice the same is harmless; P4's first reading stands, its second is the conflict above.
    expect(haplotypes.map((h) => [h.sampleCode, h.haplotype])).toEqual([
      ['P4', { DYS19: ['14'], DYS385: ['12', '12'] }],
      ['P5', { DYS19: ['15'] }],
    ])
  })
})

describe('wide form', () => {
  it('reads a column per locus or per copy, "13,16" and "13/16", and skips what is not a Y-STR', async () => {
    const { shape, haplotypes, problems } = await collectYstrCsv([fixture('ystr-wide.csv')])
    expect(shape).toBe('wide')
    expect(brief(problems)).toEqual([{ line: 1, sample: null, code: 'not_y_locus', severity: 'warning' }])
    expect(problems[0].locus).toBe('D8S1179')
    // W1 comes twice, the copies the other way round: the same haplotype, read once.
    expect(haplotypes.map((h) => h.sampleCode)).toEqual(['W1', 'W2', 'W3'])
    const [w1, w2, w3] = haplotypes.map((h) => h.haplotype)
    expect(Object.keys(w1)).toHaveLength(17)
    expect(w1).toMatchObject({ DYS385: ['13', '18'], DYF387S1: ['35', '37'], YGATAH4: ['12'] })
    expect(w2).toMatchObject({ DYS385: ['12', '12'], DYF387S1: ['36', '38'], DYS458: ['17.2'] })
    expect(w3.DYS385).toEqual(['11', '11'])
    expect(w3.DYF387S1).toBeUndefined()
  })

  it('rejects an unknown column and a sample whose copies do not fit', async () => {
    const csv = ['Sample,DYS19,DYS999,DYS385', 'X1,14,3,"11,14,15"', 'X2,14/15,,13/16'].join('\n')
    const { haplotypes, problems } = await collectYstrCsv([csv])
    expect(brief(problems)).toEqual([
      { line: 1, sample: null, code: 'unknown_locus', severity: 'error' },
      { line: 2, sample: 'X1', code: 'too_many_copies', severity: 'error' },
      { line: 3, sample: 'X2', code: 'too_many_copies', severity: 'error' },
    ])
    expect(haplotypes).toEqual([])
  })

  it('refuses a file with no Y-STR column at all, and an empty file', async () => {
    await expect(collectYstrCsv(['Sample,D8S1179,TH01\nA,12,9.3\n'])).rejects.toMatchObject({ code: 'dna.ystr.no_y_loci' })
    await expect(collectYstrCsv([''])).rejects.toMatchObject({ code: 'dna.import.empty_file' })
  })
})
