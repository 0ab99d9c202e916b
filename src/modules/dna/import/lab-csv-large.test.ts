import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { CODIS_CORE_LOCI } from '../catalogue/loci.ts'
import { parseLabCsv } from './lab-csv.ts'

const SAMPLES = 5_000
const ROWS = SAMPLES * CODIS_CORE_LOCI.length // 100 000 rows, one per sample × locus

let dir: string
let file: string
let alleleSum = 0

// A small deterministic generator, so the file is the same on every run.
function random(seed: number): () => number {
  let state = seed
  return () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tuanyuan-dna-import-'))
  file = join(dir, 'large-long-form.csv')
  const out = createWriteStream(file)
  const next = random(42)
  out.write('Sample Name,Marker,Dye,Allele 1,Allele 2,Size 1,Size 2,Height 1,Height 2\n')
  for (let s = 0; s < SAMPLES; s++) {
    let chunk = ''
    for (const locus of CODIS_CORE_LOCI) {
      const a = 6 + Math.floor(next() * 20)
      const b = 6 + Math.floor(next() * 20)
      alleleSum += a + b
      chunk += `TY${String(s).padStart(6, '0')},${locus},B,${a},${b},120.5,124.6,1500,1400\n`
    }
    if (!out.write(chunk)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

it('streams a 100 000-row long-form export: samples come out while the file is still being read', async () => {
  const size = (await stat(file)).size
  let bytesRead = 0
  async function* counted() {
    for await (const chunk of createReadStream(file, { highWaterMark: 16 * 1024 })) {
      bytesRead += (chunk as Buffer).length
      yield chunk as Buffer
    }
  }
  let samples = 0
  let problems = 0
  let parsedSum = 0
  let bytesAtFirstSample = -1
  const started = performance.now()
  for await (const event of parseLabCsv(counted())) {
    if (event.type === 'problem') problems += 1
    if (event.type !== 'sample') continue
    if (samples === 0) bytesAtFirstSample = bytesRead
    samples += 1
    for (const alleles of Object.values(event.sample.genotypes)) {
      // A homozygote is stored twice, as generated; a heterozygote once each.
      parsedSum += Number(alleles[0]) + Number(alleles[1])
    }
  }
  const seconds = (performance.now() - started) / 1000
  expect(problems).toBe(0)
  expect(samples).toBe(SAMPLES)
  expect(parsedSum).toBe(alleleSum)
  // Bounded memory: the first sample is emitted long before the file has been read.
  expect(bytesAtFirstSample).toBeGreaterThan(0)
  expect(bytesAtFirstSample).toBeLessThan(size / 4)
  // A loose sanity bound (10 000 rows/s), far below what the parser does, so a busy CI machine does not fail it.
  expect(ROWS / seconds).toBeGreaterThan(10_000)
})
