import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { sql } from 'drizzle-orm'
import { openDatabase } from '../platform/db/client.ts'

const MAIN = path.resolve(import.meta.dirname, 'main.ts')
const PASSWORD = 'Demo-Password-2026'
let root: string

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

function tuanyuan(args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [MAIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TUANYUAN_DATA_DIR: path.join(root, 'data'), TUANYUAN_DEMO_PASSWORD: PASSWORD, DATABASE_URL: '', ...env },
    timeout: 60_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ty-cli-'))
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('tuanyuan CLI', () => {
  it('explains itself and fails on unknown commands with a usage exit code', () => {
    const help = tuanyuan(['--help'])
    expect(help.status).toBe(0)
    for (const command of ['serve', 'migrate', 'user', 'unit', 'apikey', 'demo', 'audit', 'backup', 'restore'])
      expect(help.stdout).toContain(command)
    const wrong = tuanyuan(['frobnicate'])
    expect(wrong.status).toBe(64)
    expect(wrong.stderr).toMatch(/unknown command/)
  })

  it('migrates, seeds the demo and administers units and users', () => {
    expect(tuanyuan(['migrate']).status).toBe(0)
    const seeded = tuanyuan(['demo', 'seed', '--json'])
    expect(seeded.status, seeded.stderr).toBe(0)
    expect(JSON.parse(seeded.stdout).map((c: { username: string }) => c.username)).toEqual(
      expect.arrayContaining(['admin', 'investigator', 'command', 'dna', 'caseworker', 'planoffice', 'supervisor', 'auditor']),
    )
    expect(tuanyuan(['demo', 'seed']).status).toBe(65)

    const units = JSON.parse(tuanyuan(['unit', 'list', '--json']).stdout)
    expect(units.map((u: { name: string }) => u.name)).toContain('深圳市公安局南山分局')
    const created = tuanyuan([
      'unit',
      'create',
      '--name',
      '深圳市公安局宝安分局',
      '--type',
      'public_security',
      '--level',
      'county',
      '--division',
      '440306',
      '--parent',
      '深圳市公安局',
      '--json',
    ])
    expect(created.status, created.stderr).toBe(0)
    expect(JSON.parse(created.stdout).divisionName).toBe('宝安区')

    const user = tuanyuan([
      'user',
      'create',
      '--username',
      'baoan.li',
      '--name',
      '李警官',
      '--unit',
      '深圳市公安局宝安分局',
      '--roles',
      'investigator',
      '--json',
    ])
    expect(user.status, user.stderr).toBe(0)
    expect(JSON.parse(user.stdout)).toMatchObject({ username: 'baoan.li', password: expect.any(String) })
    const again = tuanyuan([
      'user',
      'create',
      '--username',
      'baoan.li',
      '--name',
      'x',
      '--unit',
      '深圳市公安局宝安分局',
      '--roles',
      'investigator',
    ])
    expect(again.status).toBe(75)
    expect(again.stderr).toContain('user.username_taken')
    const badRole = tuanyuan(['user', 'create', '--username', 'x.y', '--name', 'x', '--unit', '深圳市公安局宝安分局', '--roles', 'wizard'])
    expect(badRole.status).toBe(65)
    expect(badRole.stderr).toContain('--roles must be one of')

    const listed = JSON.parse(tuanyuan(['user', 'list', '--unit', '深圳市公安局宝安分局', '--json']).stdout)
    expect(listed.map((u: { username: string }) => u.username)).toEqual(['baoan.li'])
    expect(tuanyuan(['user', 'disable', 'baoan.li']).status).toBe(0)
    expect(JSON.parse(tuanyuan(['user', 'list', '--unit', '深圳市公安局宝安分局', '--json']).stdout)[0].disabled).toBe(true)

    const key = tuanyuan(['apikey', 'create', '--name', '省厅实验室', '--unit', '广东省公安厅', '--scopes', 'dna.profile.write', '--json'])
    expect(key.status, key.stderr).toBe(0)
    const keyId = JSON.parse(key.stdout).apiKey.id
    expect(tuanyuan(['apikey', 'revoke', keyId]).status).toBe(0)
    // A dozen processes, each opening the database: minutes on a crowded two-core machine.
  }, 180_000)

  it('refuses to open the data folder while the server runs on it', async () => {
    const port = 20000 + (randomBytes(2).readUInt16BE() % 20000)
    const server = spawn(process.execPath, [MAIN, 'serve'], {
      env: {
        ...process.env,
        TUANYUAN_DATA_DIR: path.join(root, 'data'),
        PORT: String(port),
        HOST: '127.0.0.1',
        TUANYUAN_WEB_DIST: path.join(root, 'no-web'),
        DATABASE_URL: '',
      },
      stdio: 'ignore',
    })
    try {
      await waitFor(`http://127.0.0.1:${port}/api/health`)
      const busy = tuanyuan(['user', 'list'])
      expect(busy.status).toBe(69)
      expect(busy.stderr).toMatch(/in use by another Tuanyuan process .*stop the server first/)
    } finally {
      server.kill('SIGTERM')
      await new Promise((resolve) => server.once('exit', resolve))
    }
    expect(tuanyuan(['user', 'list', '--json']).status).toBe(0)
  })

  it('backs up and restores into a new data folder, refusing a non-empty target', () => {
    const file = path.join(root, 'backup.jsonl.gz')
    expect(tuanyuan(['backup', file]).status).toBe(0)
    const restored = tuanyuan(['restore', file], { TUANYUAN_DATA_DIR: path.join(root, 'copy') })
    expect(restored.status, restored.stderr).toBe(0)
    const users = JSON.parse(tuanyuan(['user', 'list', '--json'], { TUANYUAN_DATA_DIR: path.join(root, 'copy') }).stdout)
    expect(users.map((u: { username: string }) => u.username)).toContain('baoan.li')
    const twice = tuanyuan(['restore', file], { TUANYUAN_DATA_DIR: path.join(root, 'copy') })
    expect(twice.status).not.toBe(0)
    expect(twice.stderr).toContain('not empty')
  })

  it.runIf(Boolean(process.env.TUANYUAN_TEST_DATABASE_URL))('restores a PGlite backup into PostgreSQL and back', async () => {
    const admin = process.env.TUANYUAN_TEST_DATABASE_URL!
    const name = `ty_cli_${randomBytes(5).toString('hex')}`
    const client = new pg.Client({ connectionString: admin })
    await client.connect()
    await client.query(`CREATE DATABASE ${name}`)
    const url = new URL(admin)
    url.pathname = `/${name}`
    try {
      const file = path.join(root, 'backup-pg.jsonl.gz')
      expect(tuanyuan(['backup', file]).status).toBe(0)
      const intoPg = tuanyuan(['restore', file], { DATABASE_URL: url.toString() })
      expect(intoPg.status, intoPg.stderr).toBe(0)
      expect(JSON.parse(tuanyuan(['user', 'list', '--json'], { DATABASE_URL: url.toString() }).stdout).length).toBeGreaterThan(8)
      const back = path.join(root, 'from-pg.jsonl.gz')
      expect(tuanyuan(['backup', back], { DATABASE_URL: url.toString() }).status).toBe(0)
      const intoPglite = tuanyuan(['restore', back], { TUANYUAN_DATA_DIR: path.join(root, 'copy2') })
      expect(intoPglite.status, intoPglite.stderr).toBe(0)
      expect(tuanyuan(['audit', 'verify'], { TUANYUAN_DATA_DIR: path.join(root, 'copy2') }).status).toBe(0)
    } finally {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    }
  })

  // Last: it breaks the chain of this data folder on purpose.
  it('verifies the audit chain and names the first broken entry after tampering', async () => {
    const intact = tuanyuan(['audit', 'verify', '--json'])
    expect(intact.status).toBe(0)
    expect(JSON.parse(intact.stdout)).toMatchObject({ ok: true })
    const db = await openDatabase({ dataDir: path.join(root, 'data') })
    await db.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_entry DISABLE TRIGGER USER`)
      await tx.execute(sql`UPDATE audit_entry SET actor_name = 'nobody' WHERE id = (SELECT entry_id FROM audit_chain WHERE seq = 7)`)
      await tx.execute(sql`ALTER TABLE audit_entry ENABLE TRIGGER USER`)
    })
    await db.close()
    const broken = tuanyuan(['audit', 'verify'])
    expect(broken.status).toBe(1)
    expect(broken.stdout).toContain('AUDIT CHAIN BROKEN at entry 7')
  })
})

async function waitFor(url: string, ms = 45_000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`server did not answer at ${url}`)
}
