import { and, eq, inArray } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { authorize } from '../../platform/auth/authorize.ts'
import { getUnitForRead } from '../identity/index.ts'
import type { UnitView } from '../identity/schema.ts'
import { dnaImportBatch, dnaPerson, dnaProfile, dnaSampleRegistration, dnaSearchQueue } from './tables.ts'
import { dnaResource } from './persons.ts'
import type { BuiltProfile, ImportProblem } from './import/rules.ts'
import { REFERENCE_CATEGORIES, type DnaIndex, type ImportBatchView, type PersonCategory } from './schema.ts'

/** What arrives from a parser: samples and problems, in file order. */
export type ImportEvent =
  | { type: 'sample'; sample: BuiltProfile & { kit?: string; lab?: string; collectedAt?: string } }
  | { type: 'problem'; problem: ImportProblem }
  | { type: 'layout' }

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

const BATCH = 1000

class Rejected extends Error {}

interface Tally {
  samples: number
  imported: number
  resampleNeeded: number
  problems: ImportProblem[]
}

const hasErrors = (problems: ImportProblem[]) => problems.some((p) => p.severity === 'error')
const sameGenotypes = (a: Record<string, string[]>, b: Record<string, string[]>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort())

/**
 * Imports a stream of parsed samples into one unit's profiles, in one transaction: all or nothing
 * unless `acceptPartial`. Idempotent by file digest and by sample code (a sample already stored with
 * the same genotypes is skipped; with different ones it is a conflict). Every problem is kept with
 * the batch, so a rejected file's report can be read afterwards.
 */
export async function importProfiles(ctx: Ctx, events: AsyncIterable<ImportEvent>, request: ImportRequest): Promise<ImportBatchView> {
  const owner = await getUnitForRead(ctx, request.unitId)
  authorize(ctx.actor, 'dna.profile.write', dnaResource('dna_import_batch', { divisionCode: owner.divisionCode, unitId: owner.id }))
  const [done] = await ctx.db
    .select()
    .from(dnaImportBatch)
    .where(and(eq(dnaImportBatch.digest, request.digest), eq(dnaImportBatch.status, 'imported')))
  if (done) return { ...toBatchView(done), status: 'unchanged' }
  const tally: Tally = { samples: 0, imported: 0, resampleNeeded: 0, problems: [] }
  try {
    return await ctx.db.transaction(async (tx) => {
      let pending: ImportEvent[] = []
      for await (const event of events) {
        if (event.type === 'problem') tally.problems.push(event.problem)
        if (event.type !== 'sample') continue
        pending.push(event)
        if (pending.length >= BATCH) pending = await flush(ctx, tx, owner, request, pending, tally)
      }
      await flush(ctx, tx, owner, request, pending, tally)
      if (hasErrors(tally.problems) && !request.acceptPartial) throw new Rejected()
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

async function flush(
  ctx: Ctx,
  tx: Db,
  owner: UnitView,
  request: ImportRequest,
  events: ImportEvent[],
  tally: Tally,
): Promise<ImportEvent[]> {
  const samples = events.flatMap((e) => (e.type === 'sample' ? [e.sample] : []))
  if (samples.length === 0) return []
  tally.samples += samples.length
  const codes = samples.map((s) => s.sampleCode)
  const existing = new Map(
    (
      await tx
        .select({ code: dnaProfile.sampleCode, genotypes: dnaProfile.genotypes })
        .from(dnaProfile)
        .where(and(eq(dnaProfile.index, request.index), inArray(dnaProfile.sampleCode, codes)))
    ).map((r) => [r.code, r.genotypes]),
  )
  const registered = new Map(
    (
      await tx
        .select({ code: dnaSampleRegistration.sampleCode, personId: dnaPerson.id, category: dnaPerson.category })
        .from(dnaSampleRegistration)
        .innerJoin(dnaPerson, eq(dnaPerson.id, dnaSampleRegistration.personId))
        .where(inArray(dnaSampleRegistration.sampleCode, codes))
    ).map((r) => [r.code, r]),
  )
  const fresh: { sample: (typeof samples)[number]; personId: string | null; category: PersonCategory }[] = []
  for (const sample of samples) {
    const stored = existing.get(sample.sampleCode)
    if (stored) {
      if (!sameGenotypes(stored, sample.genotypes)) {
        tally.problems.push({
          line: sample.line,
          sample: sample.sampleCode,
          code: 'duplicate_sample_conflict',
          severity: 'error',
          reason: 'already stored with different genotypes: sample rejected',
        })
      }
      continue
    }
    const person = registered.get(sample.sampleCode)
    if (!person && REFERENCE_CATEGORIES.includes(request.category)) {
      tally.problems.push({
        line: sample.line,
        sample: sample.sampleCode,
        code: 'unregistered_reference',
        severity: 'error',
        reason: `a ${request.category} sample must be registered with consent before its profile is imported`,
      })
      continue
    }
    fresh.push({ sample, personId: person?.personId ?? null, category: person?.category ?? request.category })
  }
  await insertProfiles(ctx, tx, owner, request, fresh)
  tally.imported += fresh.length
  tally.resampleNeeded += fresh.filter((f) => f.sample.flags.resampleNeeded).length
  request.onProgress?.({ samples: tally.samples, imported: tally.imported, problems: tally.problems.length })
  return []
}

async function insertProfiles(
  ctx: Ctx,
  tx: Db,
  owner: UnitView,
  request: ImportRequest,
  fresh: {
    sample: BuiltProfile & { kit?: string; lab?: string; collectedAt?: string }
    personId: string | null
    category: PersonCategory
  }[],
) {
  if (fresh.length === 0) return
  const needPerson = fresh.filter((f) => f.personId === null)
  if (needPerson.length) {
    const persons = await tx
      .insert(dnaPerson)
      .values(needPerson.map((f) => ({ category: f.category, unitId: owner.id, divisionCode: owner.divisionCode, createdAt: ctx.now() })))
      .returning({ id: dnaPerson.id })
    needPerson.forEach((f, i) => (f.personId = persons[i].id))
  }
  const inserted = await tx
    .insert(dnaProfile)
    .values(
      fresh.map(({ sample, personId, category }) => ({
        sampleCode: sample.sampleCode,
        personId,
        category,
        index: request.index,
        kit: sample.kit ?? null,
        lab: sample.lab ?? null,
        collectedAt: sample.collectedAt ? new Date(sample.collectedAt) : null,
        amelogenin: sample.amelogenin ?? null,
        genotypes: sample.genotypes,
        locusCount: Object.keys(sample.genotypes).length,
        resampleNeeded: sample.flags.resampleNeeded,
        flags: { triAllelic: sample.flags.triAllelic, offLadder: sample.flags.offLadder },
        unitId: owner.id,
        divisionCode: owner.divisionCode,
        createdAt: ctx.now(),
      })),
    )
    .returning({ searchNo: dnaProfile.searchNo })
  // Queued in the same transaction: every stored profile will be searched exactly once.
  await tx.insert(dnaSearchQueue).values(inserted.map(({ searchNo }) => ({ searchNo, reason: 'import' as const, enqueuedAt: ctx.now() })))
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

function toBatchView(row: typeof dnaImportBatch.$inferSelect): ImportBatchView {
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
