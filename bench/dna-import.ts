// Import throughput: a synthetic lab export (long form, 23 loci per sample, genotypes drawn from the shipped
// Chinese table) streamed through the parser into the database, then loaded into the in-memory search index
// (CSV -> database -> index: the importer hands what it wrote to this process's index, which then only checks
// which profiles exist), and the same profiles read back into a fresh index for comparison, on PGlite and on PostgreSQL in the same run. PostgreSQL: BENCH_DATABASE_URL (an
// admin URL; a scratch database is created and dropped), else a throwaway cluster is started with
// scripts/pg-cluster.sh. Prints one JSON line per figure; the load average comes first, since the machine may be
// shared and a busy one slows every figure.
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { openDatabase, type Database } from '../src/platform/db/client.ts'
import { migrateDatabase } from '../src/platform/db/migrate.ts'
import { testPlatform } from '../src/platform/testing.ts'
import { makeUnit, makeUser } from '../src/modules/identity/testing.ts'
import { parseLabCsv } from '../src/modules/dna/import/lab-csv.ts'
import { importProfiles, type ImportEvent } from '../src/modules/dna/import-profiles.ts'
import { loadShippedTables } from '../src/modules/dna/frequencies/shipped.ts'
import { PROFILE_KINDS, STANDARD_LOCI } from '../src/modules/dna/search/model.ts'
import { installShippedFrequencyTables } from '../src/modules/dna/frequency-tables.ts'
import { resetSearchEngine, searchEngine } from '../src/modules/dna/search-service.ts'

const SAMPLES = Number(process.env.BENCH_IMPORT_SAMPLES ?? 50_000)
const LOCI = STANDARD_LOCI

function seeded(seed: number) {
  let s = seed >>> 0
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32
}

async function writeExport(file: string) {
  const [table] = await loadShippedTables()
  const random = seeded(7)
  const draw = (locus: string) => {
    const entries = Object.entries(table.frequencies[locus])
    let r = random()
    for (const [allele, p] of entries) if ((r -= p) <= 0) return allele
    return entries[entries.length - 1][0]
  }
  const out = fs.createWriteStream(file)
  out.write('Sample Name,Marker,Allele 1,Allele 2\n')
  for (let i = 0; i < SAMPLES; i++) {
    let rows = ''
    for (const locus of LOCI) rows += `BENCH-${i},${locus},${draw(locus)},${draw(locus)}\n`
    if (!out.write(rows)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  await new Promise<void>((resolve) => out.end(() => resolve()))
}

interface Timing {
  /** CSV -> database, profiles/s. */
  importRate: number
  /** Database -> search index (catching the index up with the new profiles), profiles/s. */
  indexRate: number
  /** Both, profiles/s. */
  endToEndRate: number
  /** The same profiles read back into a fresh index (what a catch-up costs without the importer's hand-over). */
  readBackRate: number
}

async function timeImport(database: Database, file: string): Promise<Timing> {
  const t = await testPlatform({ database })
  await installShippedFrequencyTables(t.platform.db, t.clock.now())
  // Built before the import, empty: what is timed afterwards is the catch-up alone.
  await searchEngine(t.platform.db)
  const nation = await makeUnit(t.ctx(), { divisionCode: '000000' })
  const lab = await makeUnit(t.ctx(), { divisionCode: '440000', parentId: nation.id })
  const analyst = await makeUser(t.ctx(), lab, ['dna_analyst'])
  const started = performance.now()
  const events = parseLabCsv(fs.createReadStream(file, { highWaterMark: 1 << 20 })) as AsyncIterable<ImportEvent>
  const batch = await importProfiles(t.ctx(analyst.actor), events, {
    fileName: 'bench.csv',
    digest: createHash('sha256').update(randomBytes(8)).digest('hex'),
    unitId: lab.id,
    index: 'anti_trafficking',
    category: 'unknown_origin_child',
  })
  const imported = performance.now()
  if (batch.imported !== SAMPLES) throw new Error(`imported ${batch.imported} of ${SAMPLES}: ${JSON.stringify(batch.problems.slice(0, 3))}`)
  const engine = await searchEngine(t.platform.db)
  const indexed = performance.now()
  const candidates = engine.index.rowCount(PROFILE_KINDS.indexOf('candidate'))
  if (candidates !== SAMPLES) throw new Error(`the index holds ${candidates} candidate profiles, not ${SAMPLES}`)
  resetSearchEngine(t.platform.db)
  const rebuilding = performance.now()
  await searchEngine(t.platform.db)
  const rebuilt = performance.now()
  resetSearchEngine(t.platform.db)
  return {
    importRate: SAMPLES / ((imported - started) / 1000),
    indexRate: SAMPLES / ((indexed - imported) / 1000),
    endToEndRate: SAMPLES / ((indexed - started) / 1000),
    readBackRate: SAMPLES / ((rebuilt - rebuilding) / 1000),
  }
}

function emitTiming(backend: string, timing: Timing) {
  emit(`import_${backend}`, timing.importRate, 'profiles/s')
  emit(`index_catch_up_${backend}`, timing.indexRate, 'profiles/s')
  emit(`end_to_end_${backend}`, timing.endToEndRate, 'profiles/s')
  emit(`index_read_back_${backend}`, timing.readBackRate, 'profiles/s')
  emit(`catch_up_over_read_back_${backend}`, timing.indexRate / timing.readBackRate, 'ratio')
}

function emit(metric: string, value: number, unit: string) {
  process.stdout.write(`${JSON.stringify({ bench: 'dna-import', metric, value: Math.round(value * 100) / 100, unit })}\n`)
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ty-bench-import-'))
const file = path.join(dir, 'export.csv')
let cluster: string | null = null
try {
  emit('load_average_1m', os.loadavg()[0], 'runnable tasks')
  await writeExport(file)
  const pglite = await openDatabase({})
  await migrateDatabase(pglite)
  const onPglite = await timeImport(pglite, file)
  await pglite.close()
  emitTiming('pglite', onPglite)

  let adminUrl = process.env.BENCH_DATABASE_URL
  if (!adminUrl) {
    cluster = path.join(dir, 'pg')
    fs.mkdirSync(cluster, { mode: 0o755 })
    fs.chmodSync(dir, 0o755)
    adminUrl = execFileSync('bash', ['scripts/pg-cluster.sh', 'start', path.join(cluster, 'c')], { encoding: 'utf8' }).trim()
  }
  const name = `ty_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const postgres = await openDatabase({ databaseUrl: url.toString() })
  await migrateDatabase(postgres)
  const onPostgres = await timeImport(postgres, file)
  await postgres.close()
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
  await admin.end()
  emitTiming('postgres', onPostgres)
  emit('postgres_over_pglite', onPostgres.importRate / onPglite.importRate, 'ratio')
} finally {
  if (cluster) execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', path.join(cluster, 'c')])
  fs.rmSync(dir, { recursive: true, force: true })
}
