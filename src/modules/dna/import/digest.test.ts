import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { digesting, fileDigest } from './digest.ts'
import { collectLabCsv } from './lab-csv.ts'

const path = fileURLToPath(new URL('fixtures/long-genemapper.csv', import.meta.url))
const bytes = readFileSync(path)

describe('fileDigest', () => {
  it('is the SHA-256 of the bytes, the same from a path or from chunks', async () => {
    const expected = createHash('sha256').update(bytes).digest('hex')
    expect(await fileDigest(path)).toBe(expected)
    expect(await fileDigest([bytes.subarray(0, 100), bytes.subarray(100)])).toBe(expected)
    expect(await fileDigest(path)).toBe(await fileDigest(path))
  })

  it('changes when one byte changes', async () => {
    const changed = Buffer.from(bytes)
    changed[changed.length - 2] ^= 1
    expect(await fileDigest([changed])).not.toBe(await fileDigest([bytes]))
  })
})

describe('digesting', () => {
  it('hashes a stream while it is parsed, in one pass', async () => {
    const tapped = digesting([bytes.subarray(0, 37), bytes.subarray(37)])
    expect(() => tapped.digest()).toThrow()
    const { samples } = await collectLabCsv(tapped.source)
    expect(samples).toHaveLength(2)
    expect(tapped.digest()).toBe(await fileDigest(path))
  })
})
