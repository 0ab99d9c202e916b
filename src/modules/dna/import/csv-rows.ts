// Rows of a delimited text file, streamed, each with the line it starts on. Lab software writes commas,
// tabs (GeneMapper's "Export Table" default) or semicolons; the delimiter is sniffed from the header line.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { CsvError, parse, type Info } from 'csv-parse'
import { invalid } from '../../../platform/errors.ts'

export type CsvSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>
export type Delimiter = ',' | '\t' | ';'

export interface CsvRow {
  cells: string[]
  /** Line the row starts on, counting from 1 (the header). */
  line: number
}

const SNIFF_LIMIT = 64 * 1024
const NEWLINE = 0x0a

const toBuffer = (chunk: Uint8Array | string): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk))

/** Reads chunks until the first newline, then hands back those chunks followed by the rest of the source. */
async function peekHead(source: CsvSource): Promise<{ head: Buffer; chunks: AsyncGenerator<Buffer> }> {
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]()
  const buffered: Buffer[] = []
  let size = 0
  while (size < SNIFF_LIMIT) {
    const next = await iterator.next()
    if (next.done) break
    const chunk = toBuffer(next.value)
    buffered.push(chunk)
    size += chunk.length
    if (chunk.includes(NEWLINE)) break
  }
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      yield* buffered
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield toBuffer(next.value)
    } finally {
      await iterator.return?.()
    }
  }
  return { head: Buffer.concat(buffered), chunks: chunks() }
}

/** The delimiter that splits the header line most often; commas win ties (and headers with one column). */
export function sniffDelimiter(head: Buffer | string): Delimiter {
  const text = typeof head === 'string' ? head : head.toString('utf8')
  const firstLine = text.split('\n', 1)[0].replace(/"[^"]*"/g, '')
  const count = (d: string) => firstLine.split(d).length - 1
  const candidates: Delimiter[] = [',', '\t', ';']
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ',')
}

/**
 * Streams the rows of `source`; memory holds the rows not yet consumed, never the file. Blank lines come through
 * as a row with one empty cell, so callers can report them. A CSV syntax error (an unclosed quote) ends the
 * stream with a `dna.import.malformed_csv` error naming the line.
 */
export async function* readCsvRows(source: CsvSource, delimiter?: Delimiter): AsyncGenerator<CsvRow> {
  const { head, chunks } = await peekHead(source)
  const parser = parse({
    delimiter: delimiter ?? sniffDelimiter(head),
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  })
  const feeding = pipeline(Readable.from(chunks), parser)
  // The parser's iterator reports failures; this handler only keeps a failure that happens while the consumer
  // holds a row from counting as an unhandled rejection before we await `feeding`.
  feeding.catch(() => undefined)
  let previousEnd = 0
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      // A quoted field may span lines: the row starts just after the previous one ended.
      yield { cells: record, line: previousEnd + 1 }
      previousEnd = info.lines
    }
    await feeding
  } catch (error) {
    if (error instanceof CsvError) throw invalid('dna.import.malformed_csv', `line ${previousEnd + 1}: ${error.message}`)
    throw error
  } finally {
    // After an early stop the pipeline is torn down; waiting for it means the source has been closed on return.
    await feeding.catch(() => undefined)
  }
}
