import { asc, eq, gt, inArray, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { dnaPerson, dnaProfile, dnaSearchQueue } from './tables.ts'
import { getDefaultFrequencyTable } from './frequency-tables.ts'
import { usableLoci } from './frequencies/table.ts'
import { recordHit } from './hits.ts'
import { SearchIndex } from './search/profile-index.ts'
import { searchMany, type SearchHit, type SearchRequest } from './search/query.ts'
import { ALLOWED_MODES } from './search/rules.ts'
import {
  DEFAULT_MUTATION,
  SEARCH_MODES,
  STANDARD_LOCI,
  type Genotypes,
  type ProfileKind,
  type ScoreModel,
  type SearchMode,
} from './search/model.ts'
import type { ScanExecutor } from './search/executor.ts'
import { REFERENCE_CATEGORIES, type HitMode, type PersonCategory } from './schema.ts'

export const ENGINE_VERSION = 'tuanyuan-search/1'

type ProfileRow = typeof dnaProfile.$inferSelect

/** One process's in-memory index over the database's profiles, caught up by search number before each use. */
interface Engine {
  index: SearchIndex
  model: ScoreModel
  tableName: string
  loadedUpTo: number
  /** Reference parents per family group, to declare a pair once both are present. */
  parents: Map<string, { mother?: number; father?: number; paired?: boolean }>
  executor?: ScanExecutor
  /** Profiles this process has just written, already encoded: the catch-up takes their codes instead of re-reading. */
  offered: Map<number, FreshProfile>
}

/** A profile written by this process, encoded by the engine's own index (codes are only valid in that index). */
export interface FreshProfile {
  searchNo: number
  kind: ProfileKind
  codes: Uint16Array
  relation: string | null
  familyGroupId: string | null
}

/** Hands freshly written profiles to this process's engine: `encode` while writing, `offer` once committed. */
export interface IndexIntake {
  encode(genotypes: Genotypes): Uint16Array
  offer(profiles: FreshProfile[]): void
}

const engines = new WeakMap<Db, Engine>()
const executors = new WeakMap<Db, ScanExecutor>()
const floors = new WeakMap<Db, Partial<Record<SearchMode, number>>>()

/**
 * Sets this database's search floors (log10 LR per mode) over the engine's defaults, e.g. a lower duo floor
 * for a deployment that prefers recall over review load (src/modules/dna/search/README.md, "Thresholds").
 */
export function useSearchThresholds(db: Db, thresholds: Record<string, number>): void {
  const unknown = Object.keys(thresholds).filter((mode) => !(SEARCH_MODES as readonly string[]).includes(mode))
  if (unknown.length) throw new Error(`unknown DNA search mode ${unknown.join(', ')}: the modes are ${SEARCH_MODES.join(', ')}`)
  const invalid = Object.entries(thresholds).filter(([, floor]) => !(floor >= 0))
  if (invalid.length) throw new Error(`a DNA search threshold must be a log10 LR of at least 0: ${invalid.map(([m]) => m).join(', ')}`)
  floors.set(db, thresholds)
}

/** Lets a server scan with its worker threads (a WorkerPool); without one, scans run on the calling thread. */
export function useSearchExecutor(db: Db, executor: ScanExecutor): void {
  executors.set(db, executor)
  const engine = engines.get(db)
  if (engine) engine.executor = executor
}

export function kindOf(category: PersonCategory, index: ProfileRow['index']): ProfileKind {
  if (index === 'general') return 'general'
  return REFERENCE_CATEGORIES.includes(category) ? 'reference' : 'candidate'
}

const PAGE = 50_000

/**
 * The intake for profiles about to be written through `db`, or null when this process has no engine for it yet
 * (its first use will read everything). Encoding is tied to this engine: after a reset, its offers are dropped.
 */
export function indexIntake(db: Db): IndexIntake | null {
  const engine = engines.get(db)
  if (!engine) return null
  return {
    encode: (genotypes) => engine.index.encode(genotypes),
    offer(profiles) {
      if (engines.get(db) !== engine) return
      for (const profile of profiles) if (profile.searchNo > engine.loadedUpTo) engine.offered.set(profile.searchNo, profile)
    },
  }
}

/**
 * Adds every profile stored since the last call; declares family pairs as both parents arrive. The database says
 * which profiles exist (another process or a rolled-back write may have taken numbers in between); genotypes
 * are read only for those this process has not offered.
 */
async function catchUp(db: Db, engine: Engine): Promise<void> {
  for (;;) {
    const rows = engine.offered.size ? await pageWithOffers(db, engine) : await page(db, engine.loadedUpTo)
    for (const row of rows) {
      const kind = kindOf(row.category, row.index)
      const offered = engine.offered.get(row.searchNo)
      if (offered) engine.index.addEncoded(row.searchNo, kind, offered.codes)
      else engine.index.add({ key: row.searchNo, kind, genotypes: row.genotypes! })
      if (kind === 'reference' && row.familyGroupId && (row.relation === 'mother' || row.relation === 'father'))
        notePair(engine, row.familyGroupId, row.relation, row.searchNo)
      engine.loadedUpTo = row.searchNo
    }
    for (const searchNo of engine.offered.keys()) if (searchNo <= engine.loadedUpTo) engine.offered.delete(searchNo)
    if (rows.length < PAGE) return
  }
}

interface IndexRow {
  searchNo: number
  category: PersonCategory
  index: ProfileRow['index']
  genotypes: ProfileRow['genotypes'] | null
  relation: string | null
  familyGroupId: string | null
}

/** The next profiles after `after`, with only what the index needs (a whole row costs as much to read as to import). */
async function page(db: Db, after: number, withGenotypes = true): Promise<IndexRow[]> {
  return db
    .select({
      searchNo: dnaProfile.searchNo,
      category: dnaProfile.category,
      index: dnaProfile.index,
      genotypes: withGenotypes ? dnaProfile.genotypes : sql<null>`NULL`,
      relation: dnaPerson.relation,
      familyGroupId: dnaPerson.familyGroupId,
    })
    .from(dnaProfile)
    .leftJoin(dnaPerson, eq(dnaPerson.id, dnaProfile.personId))
    .where(gt(dnaProfile.searchNo, after))
    .orderBy(asc(dnaProfile.searchNo))
    .limit(PAGE)
}

/** A page without genotypes, then the genotypes of the profiles nobody offered. */
async function pageWithOffers(db: Db, engine: Engine): Promise<IndexRow[]> {
  const rows = await page(db, engine.loadedUpTo, false)
  const missing = rows.filter((row) => !engine.offered.has(row.searchNo)).map((row) => row.searchNo)
  if (missing.length === 0) return rows
  const read = await db
    .select({ searchNo: dnaProfile.searchNo, genotypes: dnaProfile.genotypes })
    .from(dnaProfile)
    .where(sql`${dnaProfile.searchNo} = ANY(${`{${missing.join(',')}}`}::int[])`)
  const genotypes = new Map(read.map((r) => [r.searchNo, r.genotypes]))
  for (const row of rows) if (!engine.offered.has(row.searchNo)) row.genotypes = genotypes.get(row.searchNo)!
  return rows
}

function notePair(engine: Engine, groupId: string, relation: 'mother' | 'father', key: number) {
  const parents = engine.parents.get(groupId) ?? {}
  parents[relation] ??= key
  engine.parents.set(groupId, parents)
  if (parents.mother && parents.father && !parents.paired) {
    engine.index.addFamilyPair(parents.mother, parents.father)
    parents.paired = true
  }
}

/** The engine for this database, built from the default frequency table on first use. */
export async function searchEngine(root: Db, reader: Db = root): Promise<Engine> {
  let engine = engines.get(root)
  if (!engine) {
    const table = await getDefaultFrequencyTable(reader)
    const loci = STANDARD_LOCI.filter((locus) => usableLoci(table).includes(locus))
    engine = {
      index: new SearchIndex(loci),
      model: { frequencies: table.frequencies, minFrequency: table.minimumFrequency, mutation: DEFAULT_MUTATION },
      tableName: table.meta.id,
      loadedUpTo: 0,
      parents: new Map(),
      executor: executors.get(root),
      offered: new Map(),
    }
    engines.set(root, engine)
  }
  await catchUp(reader, engine)
  return engine
}

/** Forgets the engine (after the default frequency table changed): the next use rebuilds it. */
export function resetSearchEngine(db: Db): void {
  engines.delete(db)
}

const modesFor = (kind: ProfileKind): SearchMode[] =>
  SEARCH_MODES.filter(
    (mode) => Object.values(ALLOWED_MODES[kind]).some((modes) => modes?.includes(mode)) && (mode !== 'trio' || kind === 'candidate'),
  )

const HIT_MODE: Record<SearchMode, { mode: HitMode; relationship: string }> = {
  duo: { mode: 'duo', relationship: 'parent-child' },
  trio: { mode: 'trio', relationship: 'trio' },
  full_siblings: { mode: 'full_siblings', relationship: 'full-siblings' },
  half_siblings: { mode: 'half_siblings', relationship: 'half-siblings' },
  identity: { mode: 'identity', relationship: 'identity' },
}

/**
 * Searches the given profiles (by search number) in every mode the rules allow, and the family pair a new
 * parent completes, and records each hit once. Runs inside the caller's transaction (a durable job's).
 */
export async function searchProfiles(ctx: Ctx, tx: Db, searchNos: number[]): Promise<number> {
  const engine = await searchEngine(ctx.db, tx)
  const rows = await tx
    .select({ p: dnaProfile, relation: dnaPerson.relation, familyGroupId: dnaPerson.familyGroupId })
    .from(dnaProfile)
    .leftJoin(dnaPerson, eq(dnaPerson.id, dnaProfile.personId))
    .where(inArray(dnaProfile.searchNo, searchNos))
  const requests: SearchRequest[] = []
  const subjects: number[][] = []
  for (const { p, relation, familyGroupId } of rows) {
    const kind = kindOf(p.category, p.index)
    requests.push({ subject: { kind, profile: p.genotypes, key: p.searchNo }, modes: modesFor(kind) })
    subjects.push([p.searchNo])
    const parents = familyGroupId && (relation === 'mother' || relation === 'father') ? engine.parents.get(familyGroupId) : undefined
    if (kind === 'reference' && parents?.mother && parents.father) {
      const [mother, father] = [engine.index.genotypesOf(parents.mother)!, engine.index.genotypesOf(parents.father)!]
      requests.push({ subject: { kind: 'reference', mother, father, keys: [parents.mother, parents.father] }, modes: ['trio'] })
      subjects.push([parents.mother, parents.father])
    }
  }
  const context = { index: engine.index, model: engine.model, executor: engine.executor, thresholds: floors.get(ctx.db) }
  const results = await searchMany(context, requests)
  let recorded = 0
  for (const [i, hits] of results.entries()) {
    for (const hit of hits) if (await storeHit(ctx, tx, engine, subjects[i], hit)) recorded++
  }
  return recorded
}

/** A hit between relatives' profiles and a candidate (or two candidates, or a general profile), stored once. */
async function storeHit(ctx: Ctx, tx: Db, engine: Engine, subjectKeys: number[], hit: SearchHit): Promise<boolean> {
  const keys = [...subjectKeys, ...hit.targetKeys]
  const rows = new Map(
    (
      await tx
        .select({ p: dnaProfile, familyGroupId: dnaPerson.familyGroupId })
        .from(dnaProfile)
        .leftJoin(dnaPerson, eq(dnaPerson.id, dnaProfile.personId))
        .where(inArray(dnaProfile.searchNo, keys))
    ).map((r) => [r.p.searchNo, r]),
  )
  const subject = subjectKeys.map((k) => rows.get(k)!)
  const target = hit.targetKeys.map((k) => rows.get(k)!)
  const subjectIsReference = kindOf(subject[0].p.category, subject[0].p.index) === 'reference'
  const references = subjectIsReference ? subject : hit.targetKind === 'reference' ? target : subject
  const candidate = references === subject ? target[0] : subject[0]
  const { mode, relationship } = HIT_MODE[hit.mode]
  const stored = await recordHit(ctx, tx, {
    mode,
    relationship,
    references: references.map((r) => r.p),
    familyGroupId: references[0].familyGroupId,
    candidate: candidate.p,
    log10Lr: hit.log10Lr,
    perLocus: hit.perLocus,
    inconsistentLoci: hit.inconsistentLoci,
    frequencyTable: engine.tableName,
    engineVersion: ENGINE_VERSION,
  })
  return stored !== null
}

const DRAIN_BATCH = 2000

/**
 * Searches every queued profile and empties the queue, batch by batch, each batch in one transaction with
 * the hits it finds. Safe to run from several servers at once (rows are claimed with SKIP LOCKED).
 */
export async function drainSearchQueue(ctx: Ctx): Promise<{ searched: number; hits: number }> {
  const total = { searched: 0, hits: 0 }
  for (;;) {
    const done = await ctx.db.transaction(async (tx) => {
      const claimed = await tx
        .select({ searchNo: dnaSearchQueue.searchNo })
        .from(dnaSearchQueue)
        .orderBy(asc(dnaSearchQueue.enqueuedAt), asc(dnaSearchQueue.searchNo))
        .limit(DRAIN_BATCH)
        .for('update', { skipLocked: true })
      if (claimed.length === 0) return 0
      const nos = claimed.map((c) => c.searchNo)
      total.hits += await searchProfiles(ctx, tx, nos)
      await tx.delete(dnaSearchQueue).where(inArray(dnaSearchQueue.searchNo, nos))
      return nos.length
    })
    if (done === 0) return total
    total.searched += done
  }
}

/**
 * After the default frequency table changed: rebuild the index with the new table and queue every
 * anti-trafficking profile again (hits already stored stay; new ones are added).
 */
export async function queueFullRerun(ctx: Ctx): Promise<number> {
  resetSearchEngine(ctx.db)
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.select({ searchNo: dnaProfile.searchNo }).from(dnaProfile).where(eq(dnaProfile.index, 'anti_trafficking'))
    for (let i = 0; i < rows.length; i += 5000) {
      await tx
        .insert(dnaSearchQueue)
        .values(rows.slice(i, i + 5000).map((r) => ({ searchNo: r.searchNo, reason: 'rerun' as const, enqueuedAt: ctx.now() })))
        .onConflictDoNothing()
    }
    await ctx.audit({ action: 'dna.search.rerun', details: { profiles: rows.length } }, tx)
    return rows.length
  })
}
