// The Y-STR importer: a lab file's haplotypes into one unit's, all or nothing, idempotent by file digest and by
// sample code. Its batches share `dna_import_batch` (and its report shape) with the autosomal importer, as kind `ystr`.
import { and, eq, inArray } from 'drizzle-orm'
import type { Ctx } from '../../../platform/context.ts'
import type { Db } from '../../../platform/db/client.ts'
import { authorize } from '../../../platform/auth/authorize.ts'
import { getUnitForRead } from '../../identity/index.ts'
import type { UnitView } from '../../identity/schema.ts'
import { dnaResource } from '../persons.ts'
import { dnaImportBatch, dnaSampleRegistration, dnaYstrHaplotype } from '../tables.ts'
import type { ImportBatchView } from '../schema.ts'
import type { ParsedHaplotype, YstrCsvEvent, YstrProblem } from './csv.ts'
import { haplotypeKey } from './locus.ts'
import { toBatchView } from '../import-profiles.ts'

export interface HaplotypeImportRequest {
  fileName: string
  /** SHA-256 of the submitted bytes: the same file twice imports once. */
  digest: string
  unitId: string
  /** The kit the lab typed with, kept with every haplotype of the file. */
  kit?: string
  onProgress?: (progress: { samples: number; imported: number; problems: number }) => void
}

const BATCH = 500

class Rejected extends Error {}

interface Tally {
  samples: number
  imported: number
  problems: YstrProblem[]
}

/**
 * Imports a parsed Y-STR file into one unit's haplotypes in one transaction: any error leaves nothing of the file
 * stored. A file already imported changes nothing; a sample code already stored with the same haplotype is
 * skipped, with a different one it is a conflict. The batch and its full report are kept either way, and audited.
 */
export async function importHaplotypes(
  ctx: Ctx,
  events: AsyncIterable<YstrCsvEvent>,
  request: HaplotypeImportRequest,
): Promise<ImportBatchView> {
  const owner = await getUnitForRead(ctx, request.unitId)
  authorize(ctx.actor, 'dna.profile.write', dnaResource('dna_import_batch', { divisionCode: owner.divisionCode, unitId: owner.id }))
  const [done] = await ctx.db
    .select()
    .from(dnaImportBatch)
    .where(and(eq(dnaImportBatch.kind, 'ystr'), eq(dnaImportBatch.digest, request.digest), eq(dnaImportBatch.status, 'imported')))
  if (done) return { ...toBatchView(done), status: 'unchanged' }
  const tally: Tally = { samples: 0, imported: 0, problems: [] }
  try {
    return await ctx.db.transaction(async (tx) => {
      let pending: ParsedHaplotype[] = []
      for await (const event of events) {
        if (event.type === 'problem') tally.problems.push(event.problem)
        if (event.type !== 'haplotype') continue
        pending.push(event.haplotype)
        if (pending.length >= BATCH) pending = await store(ctx, tx, owner, request, pending, tally)
      }
      await store(ctx, tx, owner, request, pending, tally)
      if (tally.problems.some((p) => p.severity === 'error')) throw new Rejected()
      return finish(ctx, tx, owner, request, tally, 'imported')
    })
  } catch (error) {
    if (!(error instanceof Rejected)) throw error
    // Nothing of the file was kept; its report was, so that the lab can fix the file and send it again.
    return ctx.db.transaction((tx) => finish(ctx, tx, owner, request, { ...tally, imported: 0 }, 'rejected'))
  }
}

/** Stores the new haplotypes of a batch of samples; returns an empty batch to go on with. */
async function store(
  ctx: Ctx,
  tx: Db,
  owner: UnitView,
  request: HaplotypeImportRequest,
  parsed: ParsedHaplotype[],
  tally: Tally,
): Promise<ParsedHaplotype[]> {
  if (parsed.length === 0) return []
  tally.samples += parsed.length
  const codes = parsed.map((p) => p.sampleCode)
  const stored = new Map(
    (
      await tx
        .select({ code: dnaYstrHaplotype.sampleCode, haplotype: dnaYstrHaplotype.haplotype })
        .from(dnaYstrHaplotype)
        .where(inArray(dnaYstrHaplotype.sampleCode, codes))
    ).map((r) => [r.code, haplotypeKey(r.haplotype)]),
  )
  const fresh: ParsedHaplotype[] = []
  for (const sample of parsed) {
    const known = stored.get(sample.sampleCode)
    if (known === undefined) fresh.push(sample)
    else if (known !== haplotypeKey(sample.haplotype)) tally.problems.push(conflict(sample, 'already stored with a different haplotype'))
  }
  await insertHaplotypes(ctx, tx, owner, request, fresh, tally)
  request.onProgress?.({ samples: tally.samples, imported: tally.imported, problems: tally.problems.length })
  return []
}

const conflict = (sample: ParsedHaplotype, reason: string): YstrProblem => ({
  line: sample.line,
  sample: sample.sampleCode,
  code: 'duplicate_sample_conflict',
  severity: 'error',
  reason,
})

async function insertHaplotypes(
  ctx: Ctx,
  tx: Db,
  owner: UnitView,
  request: HaplotypeImportRequest,
  fresh: ParsedHaplotype[],
  tally: Tally,
) {
  if (fresh.length === 0) return
  // A sample registered at collection belongs to its person, so that a lineage lead finds who was sampled.
  const persons = new Map(
    (
      await tx
        .select({ code: dnaSampleRegistration.sampleCode, personId: dnaSampleRegistration.personId })
        .from(dnaSampleRegistration)
        .where(
          inArray(
            dnaSampleRegistration.sampleCode,
            fresh.map((f) => f.sampleCode),
          ),
        )
    ).map((r) => [r.code, r.personId]),
  )
  const inserted = await tx
    .insert(dnaYstrHaplotype)
    .values(
      fresh.map(({ sampleCode, haplotype }) => ({
        sampleCode,
        personId: persons.get(sampleCode) ?? null,
        kit: request.kit ?? null,
        haplotype,
        locusCount: Object.keys(haplotype).length,
        unitId: owner.id,
        divisionCode: owner.divisionCode,
        createdAt: ctx.now(),
      })),
    )
    // Another import may have stored the same sample code since we looked: that is a conflict to report.
    .onConflictDoNothing({ target: dnaYstrHaplotype.sampleCode })
    .returning({ code: dnaYstrHaplotype.sampleCode })
  const stored = new Set(inserted.map((r) => r.code))
  for (const sample of fresh)
    if (!stored.has(sample.sampleCode)) tally.problems.push(conflict(sample, 'stored meanwhile by another import'))
  tally.imported += inserted.length
}

async function finish(
  ctx: Ctx,
  tx: Db,
  owner: UnitView,
  request: HaplotypeImportRequest,
  tally: Tally,
  status: 'imported' | 'rejected',
): Promise<ImportBatchView> {
  const [row] = await tx
    .insert(dnaImportBatch)
    .values({
      kind: 'ystr',
      fileName: request.fileName,
      digest: request.digest,
      status,
      samples: tally.samples,
      imported: tally.imported,
      resampleNeeded: 0,
      // In file order: a sample's own problems are found only once the sample is complete, after later rows'.
      problems: tally.problems.map(({ line, sample, code, reason }) => ({ line, sample, code, reason })).sort((a, b) => a.line - b.line),
      unitId: owner.id,
      createdAt: ctx.now(),
    })
    .returning()
  await ctx.audit(
    {
      action: 'dna.ystr.import',
      resource: { type: 'dna_import_batch', id: row.id },
      outcome: status === 'rejected' ? 'failure' : 'success',
      details: { fileName: request.fileName, imported: tally.imported, problems: tally.problems.length },
    },
    tx,
  )
  return toBatchView(row)
}
