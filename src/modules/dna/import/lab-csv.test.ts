import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { collectLabCsv, parseLabCsv } from './lab-csv.ts'
import type { ImportProblem } from './rules.ts'

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url))
const brief = (problems: ImportProblem[]) =>
  problems.map(({ line, sample, code, severity }) => ({ line, sample, code, severity })).sort((a, b) => a.line! - b.line!)

describe('long form (GeneMapper / GeneMarker)', () => {
  it('reads a clean export with ignored columns, aliases, microvariants, homozygotes, OL and a tri-allelic locus', async () => {
    const { shape, samples, problems } = await collectLabCsv([fixture('long-genemapper.csv')])
    expect(shape).toBe('long')
    expect(samples.map((s) => [s.sampleCode, s.line])).toEqual([
      ['TY0001', 2],
      ['TY0002', 18],
    ])
    const [first, second] = samples
    expect(Object.keys(first.genotypes)).toHaveLength(15)
    expect(first.genotypes).toMatchObject({ TH01: ['7', '9.3'], vWA: ['14', '17'], CSF1PO: ['10', '12'], D19S433: ['13', '14.2'] })
    expect(first.amelogenin).toBe('XY')
    expect(first.flags).toEqual({ triAllelic: [], offLadder: [], resampleNeeded: false })
    expect(second.genotypes).toMatchObject({
      D8S1179: ['15', '15'], // written once
      TPOX: ['11', '11'], // written twice
      D18S51: ['16', 'OL'],
      D2S1338: ['19', '23', '25'],
    })
    expect(second.amelogenin).toBe('X')
    expect(second.flags).toEqual({ triAllelic: ['D2S1338'], offLadder: ['D18S51'], resampleNeeded: false })
    expect(brief(problems)).toEqual([{ line: 26, sample: 'TY0002', code: 'tri_allelic', severity: 'warning' }])
  })

  it('reports every problem with its line, from a tab-separated export', async () => {
    const { samples, problems } = await collectLabCsv([fixture('long-problems.tsv')], { resampleBelowLoci: 4, rejectBelowLoci: 3 })
    expect(brief(problems)).toEqual([
      { line: 7, sample: 'S2', code: 'unknown_locus', severity: 'error' },
      { line: 8, sample: 'S2', code: 'malformed_allele', severity: 'error' },
      { line: 9, sample: 'S2', code: 'tri_allelic', severity: 'warning' },
      { line: 12, sample: null, code: 'empty_row', severity: 'warning' },
      { line: 13, sample: null, code: 'missing_sample_code', severity: 'error' },
      { line: 16, sample: 'S3', code: 'duplicate_sample_conflict', severity: 'error' },
      { line: 18, sample: 'S4', code: 'too_few_loci', severity: 'error' },
      { line: 20, sample: 'S5', code: 'too_few_loci', severity: 'warning' },
      { line: 27, sample: 'S5', code: 'duplicate_sample_conflict', severity: 'error' },
      { line: 29, sample: null, code: 'empty_row', severity: 'warning' },
    ])
    // S1 comes back identical at lines 23–26 (dropped silently); S3 and S4 are rejected; the ladder is skipped.
    expect(samples.map((s) => s.sampleCode)).toEqual(['S1', 'S2', 'S5'])
    expect(samples[1].genotypes).toEqual({ D8S1179: ['12', '13'], vWA: ['14', '15', '16'], FGA: ['20', '21'], D21S11: ['30', '31'] })
    expect(samples[2].flags.resampleNeeded).toBe(true)
    expect(problems.find((p) => p.line === 7)).toMatchObject({ locus: 'D99S999' })
    expect(problems.find((p) => p.line === 27)?.reason).toMatch(/line 20/)
  })

  it('flags fewer than 15 loci for re-sampling and rejects fewer than 6, by default', async () => {
    const loci = ['D8S1179', 'D21S11', 'D7S820', 'CSF1PO', 'D3S1358', 'TH01', 'D13S317', 'D16S539', 'D2S1338', 'D19S433']
    const rows = [
      ...loci.map((l) => `TEN,${l},10,11`),
      ...loci.slice(0, 6).map((l) => `SIX,${l},10,11`),
      ...loci.slice(0, 5).map((l) => `FIVE,${l},10,11`),
    ]
    const { samples, problems } = await collectLabCsv([['Sample Name,Marker,Allele 1,Allele 2', ...rows].join('\n')])
    expect(samples.map((s) => [s.sampleCode, s.flags.resampleNeeded])).toEqual([
      ['TEN', true],
      ['SIX', true],
    ])
    expect(brief(problems)).toEqual([
      { line: 2, sample: 'TEN', code: 'too_few_loci', severity: 'warning' },
      { line: 12, sample: 'SIX', code: 'too_few_loci', severity: 'warning' },
      { line: 18, sample: 'FIVE', code: 'too_few_loci', severity: 'error' },
    ])
  })
  it('takes one allele per long-form cell: a decimal comma is malformed, not two alleles', async () => {
    const text = 'Sample Name;Marker;Allele 1;Allele 2\nA;TH01;9,3;7\nA;vWA;14;17\n'
    const { samples, problems } = await collectLabCsv([text], { resampleBelowLoci: 1, rejectBelowLoci: 1 })
    expect(samples[0].genotypes).toEqual({ vWA: ['14', '17'] })
    expect(brief(problems)).toEqual([{ line: 2, sample: 'A', code: 'malformed_allele', severity: 'error' }])
  })
})

describe('wide form', () => {
  it('reads one row per sample with combined cells, and reports problems by line', async () => {
    const { shape, samples, problems } = await collectLabCsv([fixture('wide-combined.csv')], { resampleBelowLoci: 5, rejectBelowLoci: 2 })
    expect(shape).toBe('wide')
    expect(brief(problems)).toEqual([
      { line: 1, sample: null, code: 'unknown_locus', severity: 'error' },
      { line: 3, sample: 'W2', code: 'tri_allelic', severity: 'warning' },
      { line: 3, sample: 'W2', code: 'too_few_loci', severity: 'warning' },
      { line: 4, sample: null, code: 'empty_row', severity: 'warning' },
      { line: 5, sample: null, code: 'missing_sample_code', severity: 'error' },
      { line: 7, sample: 'W2', code: 'duplicate_sample_conflict', severity: 'error' },
      { line: 8, sample: 'W3', code: 'malformed_allele', severity: 'error' },
      { line: 8, sample: 'W3', code: 'malformed_allele', severity: 'error' },
      { line: 8, sample: 'W3', code: 'too_few_loci', severity: 'warning' },
    ])
    expect(problems[0]).toMatchObject({ locus: 'D99X' })
    const [w1, w2, w3] = samples
    expect(w1).toEqual({
      sampleCode: 'W1',
      line: 2,
      genotypes: { D8S1179: ['12', '13'], D21S11: ['30', '31.2'], TH01: ['9.3', '9.3'], vWA: ['14', '17'], 'Penta D': ['11', '12'] },
      amelogenin: 'XY',
      yGenotypes: { DYS391: ['10'] },
      flags: { triAllelic: [], offLadder: [], resampleNeeded: false },
    })
    expect(w2.genotypes).toEqual({ D8S1179: ['12', '12'], D21S11: ['30', '30'], TH01: ['OL', 'OL'], vWA: ['14', '15', '16'] })
    expect(w2.flags).toEqual({ triAllelic: ['vWA'], offLadder: ['TH01'], resampleNeeded: true })
    expect(w3.genotypes).not.toHaveProperty('D8S1179')
    expect(w3.amelogenin).toBeUndefined()
  })

  it('reads paired allele columns and multi-copy Y-STR columns', async () => {
    const { samples, problems } = await collectLabCsv([fixture('wide-paired.csv')], { resampleBelowLoci: 3, rejectBelowLoci: 1 })
    expect(problems).toEqual([])
    expect(samples.map(({ genotypes, yGenotypes, amelogenin }) => ({ genotypes, yGenotypes, amelogenin }))).toEqual([
      {
        genotypes: { D8S1179: ['12', '13'], D21S11: ['30', '31.2'], 'Penta D': ['9', '9'] },
        yGenotypes: { DYS385: ['11', '14'] },
        amelogenin: 'XY',
      },
      {
        genotypes: { D8S1179: ['15', '15'], D21S11: ['29', '29'], 'Penta D': ['12', '13'] },
        yGenotypes: { DYS385: ['12', '12'] },
        amelogenin: 'X',
      },
    ])
  })

  it('reads Chinese headers and codes however the bytes are chunked', async () => {
    const text = '\uFEFF样本编号,D8S1179,vWA,TH01\n团圆-0001,"12,13",14/17,9.3\n'
    const bytes = Buffer.from(text, 'utf8')
    const chunks = Array.from({ length: Math.ceil(bytes.length / 5) }, (_, i) => bytes.subarray(i * 5, i * 5 + 5))
    const rules = { resampleBelowLoci: 3, rejectBelowLoci: 1 }
    const whole = await collectLabCsv([bytes], rules)
    expect(whole.samples[0]).toMatchObject({ sampleCode: '团圆-0001', genotypes: { vWA: ['14', '17'], TH01: ['9.3', '9.3'] } })
    expect(await collectLabCsv(chunks, rules)).toEqual(whole)
  })
})

describe('files that cannot be read', () => {
  it.each([
    ['', 'dna.import.empty_file'],
    ['Name,Address\nZhang,Beijing\n', 'dna.import.unrecognised_header'],
    ['Marker,Allele 1,Allele 2\nvWA,14,17\n', 'dna.import.no_sample_column'],
    ['Sample,D8S1179\nA,"12,13\n', 'dna.import.malformed_csv'],
  ])('%j → %s', async (text, code) => {
    await expect(collectLabCsv([text])).rejects.toMatchObject({ code })
  })

  it('stops cleanly when the consumer stops early, closing the source', async () => {
    let closed = false
    async function* source() {
      try {
        yield 'Sample Name,Marker,Allele 1\n'
        for (let i = 0; ; i++) yield `S${i},vWA,14\n`
      } finally {
        closed = true
      }
    }
    for await (const event of parseLabCsv(source(), { resampleBelowLoci: 1, rejectBelowLoci: 1 })) if (event.type === 'sample') break
    expect(closed).toBe(true)
  })
})
