import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Command } from 'commander'
import { registerDnaLr } from './dna-lr.ts'
import { exitCodeFor } from './output.ts'

const BATCH = {
  frequencies: { D1: { '12': 0.2, '13': 0.15, '14': 0.25, '15': 0.1, '16': 0.3 } },
  cases: [{ id: 'c1', relationship: 'parent-child', profiles: { child: { D1: ['12', '15'] }, parent: { D1: ['15', '16'] } } }],
}
let root: string

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ty-dna-lr-'))
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

async function runLr(args: string[]) {
  const program = new Command().exitOverride()
  registerDnaLr(program.command('dna'))
  await program.parseAsync(['node', 'tuanyuan', 'dna', 'lr', ...args])
}

/** The CLI entry's error handling, around registerDnaLr, in a child process with real stdin and exit code. */
function runLrProcess(args: string[], input?: string) {
  const script = path.join(root, 'entry.ts')
  fs.writeFileSync(
    script,
    `import { Command } from ${JSON.stringify(pathToFileURL(createRequire(import.meta.url).resolve('commander')).href)}
import { registerDnaLr } from ${JSON.stringify(path.resolve(import.meta.dirname, 'dna-lr.ts'))}
import { exitCodeFor } from ${JSON.stringify(path.resolve(import.meta.dirname, 'output.ts'))}
const program = new Command().exitOverride()
registerDnaLr(program.command('dna'))
try { await program.parseAsync(process.argv) } catch (error) {
  const { code, message } = exitCodeFor(error)
  process.stderr.write('tuanyuan: ' + message + '\\n')
  process.exitCode = code
}
`,
  )
  return spawnSync(process.execPath, [script, 'dna', 'lr', ...args], {
    encoding: 'utf8',
    input,
    cwd: path.resolve(import.meta.dirname, '../..'),
  })
}

describe('tuanyuan dna lr', () => {
  it('writes the results JSON to --output', async () => {
    const input = path.join(root, 'cases.json')
    const output = path.join(root, 'results.json')
    fs.writeFileSync(input, JSON.stringify(BATCH))
    await runLr(['--input', input, '--output', output])
    const { results } = JSON.parse(fs.readFileSync(output, 'utf8'))
    expect(results).toHaveLength(1)
    expect(results[0]).toMatchObject({ id: 'c1', inconsistentLoci: [], conclusion: 'inconclusive' })
    expect(results[0].lr).toBeCloseTo(2.5, 12)
  })

  it('maps bad input to exit code 65 with a message naming the case, locus and allele', async () => {
    const input = path.join(root, 'bad.json')
    fs.writeFileSync(
      input,
      JSON.stringify({ ...BATCH, cases: [{ ...BATCH.cases[0], profiles: { child: { D1: ['12', '19'] }, parent: {} } }] }),
    )
    const error = await runLr(['--input', input]).catch((e: unknown) => e)
    expect(exitCodeFor(error)).toEqual({ code: 65, message: expect.stringMatching(/case "c1": locus D1: allele 19 has no frequency/) })
    fs.writeFileSync(input, '{"cases": [')
    expect(exitCodeFor(await runLr(['--input', input]).catch((e: unknown) => e)).code).toBe(65)
    expect(exitCodeFor(await runLr(['--input', path.join(root, 'missing.json')]).catch((e: unknown) => e)).message).toMatch(
      /cannot read .*ENOENT/,
    )
  })

  it('reads standard input for "-" and prints the results; exits 65 with a readable message on bad input', () => {
    const ok = runLrProcess(['--input', '-'], JSON.stringify(BATCH))
    expect(ok.status, ok.stderr).toBe(0)
    expect(JSON.parse(ok.stdout).results[0].id).toBe('c1')
    const bad = runLrProcess(['--input', '-'], JSON.stringify({ cases: [{ id: 'c9', relationship: 'trio', profiles: {} }] }))
    expect(bad.status).toBe(65)
    expect(bad.stderr).toMatch(
      // Without a table of its own the batch uses the shipped default, so the missing profiles are what is wrong.
      /^tuanyuan: case "c9": relationship trio .*\[dna\.kinship\./,
    )
  })
})
