import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { queryRows, type Db } from '../../platform/db/client.ts'
import { copyRows } from '../../platform/db/copy.ts'
import { authorize } from '../../platform/auth/authorize.ts'
import { getUnitForRead } from '../identity/index.ts'
import type { UnitView } from '../identity/schema.ts'
import { dnaImportBatch } from './tables.ts'
import { dnaResource } from './persons.ts'
import type { BuiltProfile, ImportProblem } from './import/rules.ts'
import { indexIntake, kindOf, type FreshProfile, type IndexIntake } from './search-service.ts'
import { REFERENCE_CATEGORIES, type DnaIndex, type ImportBatchView, type PersonCategory } from './schema.ts'

type ImportedSample = BuiltProfile & { kit?: string; lab?: string; collectedAt?: string }

/** What arrives from a parser: samples and problems, in file order. */
export type ImportEvent = { type: 'sample'; sample: ImportedSample } | { type: 'problem'; problem: ImportProblem } | { type: 'layout' }

export interface ImportRequest {
  fileName: string
  /** SHA-256 of the submitted bytes: the same file twice imports once. */
  digest: string
  unitId: string
  index: DnaIndex
  /** Category of samples not registered at collection (their persons are created with it). */
  category: PersonCategory
  /** Import the valid samples even when some were rejected (the default is all or nothing). */
  acceptPartial?: boolean
  onProgress?: (progress: { samples: number; imported: number; problems: number }) => void
}

// Samples per round of writes: large enough that round trips do not count, small enough to keep memory flat.
const BATCH = 5000

class Rejected extends Error {}

interface Tally {
  /** Written profiles, encoded for this process's search index, handed to it once the transaction commits. */
  fresh: FreshProfile[]
  samples: number
  imported: number
  resampleNeeded: number
  problems: ImportProblem[]
  /** An error has been reported: an all-or-nothing import only checks the rest, writing nothing more. */
  failed: boolean
}

const sameGenotypes = (a: Record<string, string[]>, b: Record<string, string[]>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort())

/**
 * Imports a stream of parsed samples into one unit's profiles, in one transaction: all or nothing
 * unless `acceptPartial`. Idempotent by file digest and by sample code (a sample already stored with
 * the same genotypes is skipped; with different ones it is a conflict). Every problem is kept with
 * the batch, in file order, so a rejected file's report can be read afterwards.
 */
export async function importProfiles(ctx: Ctx, events: AsyncIterable<ImportEvent>, request: ImportRequest): Promise<ImportBatchView> {
  const owner = await getUnitForRead(ctx, request.unitId)
  authorize(ctx.actor, 'dna.profile.write', dnaResource('dna_import_batch', { divisionCode: owner.divisionCode, unitId: owner.id }))
  const [done] = await ctx.db
    .select()
    .from(dnaImportBatch)
    .where(and(eq(dnaImportBatch.kind, 'profiles'), eq(dnaImportBatch.digest, request.digest), eq(dnaImportBatch.status, 'imported')))
  if (done) return { ...toBatchView(done), status: 'unchanged' }
  const intake = indexIntake(ctx.db)
  const tally: Tally = { fresh: [], samples: 0, imported: 0, resampleNeeded: 0, problems: [], failed: false }
  try {
    const batch = await ctx.db.transaction(async (tx) => {
      await readAndWrite(ctx, tx, owner, request, events, tally, intake)
      if (tally.failed && !request.acceptPartial) throw new Rejected()
      const batch = await recordBatch(ctx, tx, owner, request, tally, 'imported')
      await ctx.audit(
        {
          action: 'dna.import',
          resource: { type: 'dna_import_batch', id: batch.id },
          details: { fileName: request.fileName, imported: tally.imported },
        },
        tx,
      )
      return batch
    })
    intake?.offer(tally.fresh)
    return batch
  } catch (error) {
    if (!(error instanceof Rejected)) throw error
    // Nothing of the file was kept; the report was, so the lab can fix the file and send it again.
    return ctx.db.transaction(async (tx) => {
      const batch = await recordBatch(ctx, tx, owner, request, { ...tally, imported: 0 }, 'rejected')
      await ctx.audit(
        {
          action: 'dna.import',
          resource: { type: 'dna_import_batch', id: batch.id },
          outcome: 'failure',
          details: { fileName: request.fileName, problems: tally.problems.length },
        },
        tx,
      )
      return batch
    })
  }
}

/**
 * Reads the events and writes them batch by batch. A batch is written while the next one is being parsed (the
 * database works on its own core meanwhile); the next write starts only once the previous one is done, so the
 * transaction sees one statement at a time.
 */
async function readAndWrite(
  ctx: Ctx,
  tx: Db,
  owner: UnitView,
  request: ImportRequest,
  events: AsyncIterable<ImportEvent>,
  tally: Tally,
  intake: IndexIntake | null,
) {
  let writing: Promise<void> = Promise.resolve()
  let pending: ImportedSample[] = []
  const next = async () => {
    await writing
    writing = flush(ctx, tx, owner, request, pending, tally, intake)
    // Awaited at the next batch or at the end; until then a failure must not count as unhandled.
    writing.catch(() => undefined)
    pending = []
  }
  try {
    for await (const event of events) {
      if (event.type === 'problem') {
        tally.problems.push(event.problem)
        if (event.problem.severity === 'error') tally.failed = true
      }
      if (event.type !== 'sample') continue
      pending.push(event.sample)
      if (pending.length >= BATCH) await next()
    }
    await next()
  } finally {
    await writing.catch(() => undefined)
  }
  await writing
  // Problems found by the database come in after the parser's for the same lines: report them in file order.
  tally.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}

interface Stored {
  code: string
  genotypes: Record<string, string[]> | null
  personId: string | null
  category: PersonCategory | null
  relation: string | null
  familyGroupId: string | null
}

/** Profiles already stored under these sample codes, and the persons the codes were registered for: one query. */
async function lookUp(tx: Db, index: DnaIndex, codes: string[]): Promise<Map<string, Stored>> {
  const rows = await queryRows<Stored>(
    tx,
    sql`SELECT c.code, p.genotypes, r.person_id AS "personId", person.category, person.relation,
               person.family_group_id AS "familyGroupId"
        FROM json_array_elements_text(${JSON.stringify(codes)}::json) AS c(code)
        LEFT JOIN dna_profile p ON p.index = ${index} AND p.sample_code = c.code
        LEFT JOIN dna_sample_registration r ON r.sample_code = c.code
        LEFT JOIN dna_person person ON person.id = r.person_id
        WHERE p.id IS NOT NULL OR person.id IS NOT NULL`,
  )
  return new Map(rows.map((row) => [row.code, row]))
}

interface Fresh {
  sample: ImportedSample
  personId: string | null
  category: PersonCategory
  relation: string | null
  familyGroupId: string | null
}

async function flush(
  ctx: Ctx,
  tx: Db,
  owner: UnitView,
  request: ImportRequest,
  samples: ImportedSample[],
  tally: Tally,
  intake: IndexIntake | null,
): Promise<void> {
  if (samples.length === 0) return
  tally.samples += samples.length
  const stored = await lookUp(
    tx,
    request.index,
    samples.map((s) => s.sampleCode),
  )
  const fresh = sortOut(samples, stored, request, tally)
  // All or nothing and already failed: the rest is only checked, since nothing of it would be kept.
  if (!(tally.failed && !request.acceptPartial)) await insertProfiles(ctx, tx, owner, request, fresh, intake ? { intake, tally } : null)
  tally.imported += fresh.length
  tally.resampleNeeded += fresh.filter((f) => f.sample.flags.resampleNeeded).length
  request.onProgress?.({ samples: tally.samples, imported: tally.imported, problems: tally.problems.length })
}

/** The samples to store, with their registered person if any; the others are skipped or reported. */
function sortOut(samples: ImportedSample[], stored: Map<string, Stored>, request: ImportRequest, tally: Tally): Fresh[] {
  const fresh: Fresh[] = []
  const problem = (sample: ImportedSample, code: ImportProblem['code'], reason: string) => {
    tally.problems.push({ line: sample.line, sample: sample.sampleCode, code, severity: 'error', reason })
    tally.failed = true
  }
  for (const sample of samples) {
    const known = stored.get(sample.sampleCode)
    if (known?.genotypes) {
      if (!sameGenotypes(known.genotypes, sample.genotypes))
        problem(sample, 'duplicate_sample_conflict', 'already stored with different genotypes: sample rejected')
      continue
    }
    const person = known?.personId && known.category ? { ...known, id: known.personId, category: known.category } : null
    if (!person && REFERENCE_CATEGORIES.includes(request.category)) {
      const reason = `a ${request.category} sample must be registered with consent before its profile is imported`
      problem(sample, 'unregistered_reference', reason)
      continue
    }
    fresh.push({
      sample,
      personId: person?.id ?? null,
      category: person?.category ?? request.category,
      relation: person?.relation ?? null,
      familyGroupId: person?.familyGroupId ?? null,
    })
  }
  return fresh
}

const PERSON_COLUMNS = ['id', 'category', 'unit_id', 'division_code', 'created_at']
const PROFILE_COLUMNS = [
  'search_no',
  'sample_code',
  'person_id',
  'category',
  'index',
  'kit',
  'lab',
  'collected_at',
  'amelogenin',
  'genotypes',
  'locus_count',
  'resample_needed',
  'flags',
  'unit_id',
  'division_code',
  'created_at',
]
const QUEUE_COLUMNS = ['search_no', 'reason', 'enqueued_at']

/** Search numbers drawn ahead from the profiles' identity sequence, so the queue rows can be written with them. */
async function reserveSearchNos(tx: Db, count: number): Promise<number[]> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`SELECT nextval(pg_get_serial_sequence('dna_profile', 'search_no'))::int AS n FROM generate_series(1, ${count})`,
  )
  return rows.map((r) => r.n)
}

async function insertProfiles(
  ctx: Ctx,
  tx: Db,
  owner: UnitView,
  request: ImportRequest,
  fresh: Fresh[],
  toIndex: { intake: IndexIntake; tally: Tally } | null,
) {
  if (fresh.length === 0) return
  const now = ctx.now()
  // Samples not registered at collection get a person of their own, as every profile has one (a confirmed hit
  // records the match on the candidate's person).
  const persons = fresh.flatMap((f) => {
    if (f.personId !== null) return []
    f.personId = randomUUID()
    return [[f.personId, f.category, owner.id, owner.divisionCode, now]]
  })
  await copyRows(tx, 'dna_person', PERSON_COLUMNS, persons)
  const searchNos = await reserveSearchNos(tx, fresh.length)
  const writing = copyRows(
    tx,
    'dna_profile',
    PROFILE_COLUMNS,
    fresh.map(({ sample, personId, category }, i) => [
      searchNos[i],
      sample.sampleCode,
      personId,
      category,
      request.index,
      sample.kit ?? null,
      sample.lab ?? null,
      sample.collectedAt ? new Date(sample.collectedAt) : null,
      sample.amelogenin ?? null,
      sample.genotypes,
      Object.keys(sample.genotypes).length,
      sample.flags.resampleNeeded,
      { triAllelic: sample.flags.triAllelic, offLadder: sample.flags.offLadder },
      owner.id,
      owner.divisionCode,
      now,
    ]),
  )
  // Encoded while the database writes: the index then adds these without reading them back.
  if (toIndex) toIndex.tally.fresh.push(...fresh.map((f, i) => toFreshProfile(f, searchNos[i], request.index, toIndex.intake)))
  await writing
  // Queued in the same transaction: every stored profile will be searched exactly once.
  await copyRows(
    tx,
    'dna_search_queue',
    QUEUE_COLUMNS,
    searchNos.map((searchNo) => [searchNo, 'import', now]),
  )
}

function toFreshProfile(f: Fresh, searchNo: number, index: DnaIndex, intake: IndexIntake): FreshProfile {
  const { relation, familyGroupId } = f
  return { searchNo, kind: kindOf(f.category, index), codes: intake.encode(f.sample.genotypes), relation, familyGroupId }
}

async function recordBatch(
  ctx: Ctx,
  tx: Db,
  owner: UnitView,
  request: ImportRequest,
  tally: Tally,
  status: 'imported' | 'rejected',
): Promise<ImportBatchView> {
  const [row] = await tx
    .insert(dnaImportBatch)
    .values({
      fileName: request.fileName,
      digest: request.digest,
      status,
      samples: tally.samples,
      imported: tally.imported,
      resampleNeeded: tally.resampleNeeded,
      problems: tally.problems.map((p) => ({ line: p.line ?? 0, sample: p.sample, code: p.code, reason: p.reason })),
      unitId: owner.id,
      createdAt: ctx.now(),
    })
    .returning()
  return toBatchView(row)
}

/** An import batch as the API shows it, autosomal or Y-STR. */
export function toBatchView(row: typeof dnaImportBatch.$inferSelect): ImportBatchView {
  return {
    id: row.id,
    fileName: row.fileName,
    digest: row.digest,
    status: row.status,
    samples: row.samples,
    imported: row.imported,
    resampleNeeded: row.resampleNeeded,
    problems: row.problems,
    createdAt: row.createdAt.toISOString(),
  }
}
