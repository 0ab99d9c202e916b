import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const MAIN = path.resolve(import.meta.dirname, 'main.ts')
const FIXTURES = path.resolve(import.meta.dirname, '../modules/dna/ystr/fixtures')
const UNIT = '深圳市公安局南山分局'
let root: string

function tuanyuan(args: string[]) {
  const result = spawnSync(process.execPath, [MAIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TUANYUAN_DATA_DIR: path.join(root, 'data'), TUANYUAN_DEMO_PASSWORD: 'Demo-Password-2026', DATABASE_URL: '' },
    timeout: 60_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ty-cli-ystr-'))
  // The demo gives the units to import into.
  const seeded = tuanyuan(['demo', 'seed', '--json'])
  expect(seeded.status, seeded.stderr).toBe(0)
}, 120_000)
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('tuanyuan dna import-ystr', () => {
  it('imports a Yfiler Plus export once, and says so when it is given again', () => {
    const file = path.join(FIXTURES, 'yfiler-plus-long.tsv')
    const first = tuanyuan(['dna', 'import-ystr', file, '--unit', UNIT, '--kit', 'Yfiler Plus', '--json'])
    expect(first.status, first.stderr).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({ fileName: 'yfiler-plus-long.tsv', status: 'imported', samples: 2, imported: 2 })
    const again = tuanyuan(['dna', 'import-ystr', file, '--unit', UNIT])
    expect(again.status).toBe(0)
    expect(again.stdout).toContain('this file was imported before')
  })

  it('rejects a file with errors, listing them by line, with the "invalid data" exit code', () => {
    const rejected = tuanyuan(['dna', 'import-ystr', path.join(FIXTURES, 'ystr-problems.csv'), '--unit', UNIT])
    expect(rejected.status).toBe(65)
    expect(rejected.stdout).toMatch(/^REJECTED: nothing imported/)
    expect(rejected.stdout).toMatch(/\n6 +P2 +too_many_copies +DYS385 has 2 copies but 3 alleles/)
    expect(rejected.stdout).toMatch(/\n14 +P4 +duplicate_sample_conflict/)
  })

  it('names a missing file and an unknown unit', () => {
    expect(tuanyuan(['dna', 'import-ystr', path.join(root, 'none.csv'), '--unit', UNIT]).status).toBe(66)
    const noUnit = tuanyuan(['dna', 'import-ystr', path.join(FIXTURES, 'ystr-wide.csv'), '--unit', 'no such unit'])
    expect(noUnit.status).toBe(66)
    expect(noUnit.stderr).toContain('unit.not_found')
  })
})
