import { describe, expect, it } from 'vitest'
import { readCsvRowBatches, type CsvRow } from './csv-rows.ts'

async function rows(chunks: (string | Uint8Array)[]): Promise<CsvRow[]> {
  const all: CsvRow[] = []
  for await (const batch of readCsvRowBatches(chunks)) all.push(...batch)
  return all
}

/** The text cut into byte chunks of `size`, so multi-byte characters and quoted fields straddle the cuts. */
const chunked = (text: string, size: number): Uint8Array[] => {
  const bytes = Buffer.from(text, 'utf8')
  return Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size))
}

describe('CSV rows', () => {
  it('splits plain lines, keeping blank lines as one empty cell and the line each row starts on', async () => {
    expect(await rows(['Sample,D8S1179\nA,12\n\nB,13'])).toEqual([
      { cells: ['Sample', 'D8S1179'], line: 1 },
      { cells: ['A', '12'], line: 2 },
      { cells: [''], line: 3 },
      { cells: ['B', '13'], line: 4 },
    ])
  })

  it('reads a file without any delimiter as one cell per line', async () => {
    expect(await rows(['Sample\nA\n\nB\n'])).toEqual([
      { cells: ['Sample'], line: 1 },
      { cells: ['A'], line: 2 },
      { cells: [''], line: 3 },
      { cells: ['B'], line: 4 },
    ])
  })

  it('reads quoted delimiters, doubled quotes and quoted line breaks, counting lines past them', async () => {
    const text = 'Sample,D8S1179,Note\nA,"12,13","say ""hi""\nthere"\nB,14,plain\n'
    const expected = [
      { cells: ['Sample', 'D8S1179', 'Note'], line: 1 },
      { cells: ['A', '12,13', 'say "hi"\nthere'], line: 2 },
      { cells: ['B', '14', 'plain'], line: 4 },
    ]
    expect(await rows([text])).toEqual(expected)
    // However the bytes arrive: a quoted field cut in two is put back together.
    for (const size of [1, 2, 3, 7, 16]) expect(await rows(chunked(text, size))).toEqual(expected)
  })

  it('reads CRLF and old Mac CR line ends, and drops a byte-order mark', async () => {
    const expected = [
      { cells: ['样本编号', 'vWA'], line: 1 },
      { cells: ['团圆-1', '14'], line: 2 },
      { cells: ['团圆-2', '15'], line: 3 },
    ]
    expect(await rows(['\uFEFF样本编号,vWA\r\n团圆-1,14\r\n团圆-2,15\r\n'])).toEqual(expected)
    expect(await rows(chunked('\uFEFF样本编号,vWA\r\n团圆-1,14\r\n团圆-2,15\r\n', 4))).toEqual(expected)
    expect(await rows(['样本编号,vWA\r团圆-1,14\r团圆-2,15\r'])).toEqual(expected)
  })

  it('sniffs tabs and semicolons from the header', async () => {
    expect(await rows(['Sample Name\tMarker\tAllele 1\nS1\tvWA\t14\n'])).toEqual([
      { cells: ['Sample Name', 'Marker', 'Allele 1'], line: 1 },
      { cells: ['S1', 'vWA', '14'], line: 2 },
    ])
    expect((await rows(['Sample;D8S1179\nA;"12,13"\n']))[1].cells).toEqual(['A', '12,13'])
  })

  it('cuts a whole file handed over as one string into several batches, with lines counted across them', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `S${i},vWA,${10 + (i % 9)}`)
    const batches: CsvRow[][] = []
    for await (const batch of readCsvRowBatches([['Sample,Marker,Allele 1', ...lines].join('\n')])) batches.push(batch)
    expect(batches.length).toBeGreaterThan(1)
    const all = batches.flat()
    expect(all).toHaveLength(20_001)
    expect(all[12_345]).toEqual({ cells: ['S12344', 'vWA', String(10 + (12_344 % 9))], line: 12_346 })
    expect(all.at(-1)).toEqual({ cells: ['S19999', 'vWA', String(10 + (19_999 % 9))], line: 20_001 })
  })

  it('names the line of a quote left open at the end of the file', async () => {
    const text = 'Sample,D8S1179\nA,12\nB,"13\nC,14\n'
    await expect(rows([text])).rejects.toMatchObject({ code: 'dna.import.malformed_csv', message: expect.stringMatching(/^line 3:/) })
    await expect(rows(chunked(text, 5))).rejects.toMatchObject({
      code: 'dna.import.malformed_csv',
      message: expect.stringMatching(/^line 3:/),
    })
  })
})
