// SHA-256 of an import file's bytes, so that importing the same file twice can be recognised and refused.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import type { CsvSource } from './csv-rows.ts'

const toBytes = (chunk: Uint8Array | string): Uint8Array => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)

/** Hex SHA-256 of a file (by path) or of a stream of chunks, read in chunks rather than whole. */
export async function fileDigest(source: string | CsvSource): Promise<string> {
  const hash = createHash('sha256')
  const chunks: CsvSource = typeof source === 'string' ? createReadStream(source) : source
  for await (const chunk of chunks) hash.update(toBytes(chunk))
  return hash.digest('hex')
}

/**
 * Passes a stream through while hashing it, for sources that can be read only once (stdin, an upload):
 * `digest()` answers after the stream has been read to the end.
 */
export function digesting(source: CsvSource): { source: AsyncIterable<Uint8Array>; digest: () => string } {
  const hash = createHash('sha256')
  let result: string | null = null
  async function* pass(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      const bytes = toBytes(chunk)
      hash.update(bytes)
      yield bytes
    }
    result = hash.digest('hex')
  }
  return {
    source: pass(),
    digest: () => {
      if (result === null) throw new Error('the stream has not been read to the end')
      return result
    },
  }
}
