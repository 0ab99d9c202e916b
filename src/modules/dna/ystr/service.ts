import { eq, gt, asc } from 'drizzle-orm'
import type { Ctx } from '../../../platform/context.ts'
import { authorize } from '../../../platform/auth/authorize.ts'
import { conflict, invalid, notFound } from '../../../platform/errors.ts'
import { getUnitForRead } from '../../identity/index.ts'
import { toHaplotypeAlleles } from '../catalogue/ystr.ts'
import { dnaResource } from '../persons.ts'
import { dnaYstrHaplotype } from '../tables.ts'
import type { HaplotypeCreate, HaplotypeView, LineageQuery, LineageResult } from '../schema.ts'
import {
  compareHaplotypes,
  DEFAULT_LINEAGE_CRITERIA,
  isLineageCandidate,
  LINEAGE_CAVEAT,
  rankComparisons,
  type Haplotype,
} from './match.ts'

type HaplotypeRow = typeof dnaYstrHaplotype.$inferSelect

const toView = (row: HaplotypeRow): HaplotypeView => ({
  id: row.id,
  sampleCode: row.sampleCode,
  personId: row.personId,
  kit: row.kit,
  haplotype: row.haplotype,
  locusCount: row.locusCount,
  unitId: row.unitId,
  createdAt: row.createdAt.toISOString(),
})

/** Normalises loci and alleles (aliases, multi-copy pairs); every bad locus is reported at once. */
export function normaliseHaplotype(raw: Record<string, string[]>): Haplotype {
  const haplotype: Haplotype = {}
  const errors: { path: string; message: string }[] = []
  for (const [locus, alleles] of Object.entries(raw)) {
    const parsed = toHaplotypeAlleles(locus, alleles)
    if (!parsed.ok) errors.push({ path: `/haplotype/${locus}`, message: parsed.reason })
    else if (haplotype[parsed.locus]) errors.push({ path: `/haplotype/${locus}`, message: `${parsed.locus} given twice` })
    else haplotype[parsed.locus] = parsed.alleles
  }
  if (errors.length) throw invalid('dna.ystr.invalid_haplotype', `${errors.length} invalid locus entries`, errors)
  return haplotype
}

/** Stores a haplotype for a unit the caller may write DNA data for. */
export async function createHaplotype(ctx: Ctx, input: HaplotypeCreate): Promise<HaplotypeView> {
  const owner = await getUnitForRead(ctx, input.unitId)
  authorize(ctx.actor, 'dna.profile.write', dnaResource('dna_ystr_haplotype', { divisionCode: owner.divisionCode, unitId: owner.id }))
  const haplotype = normaliseHaplotype(input.haplotype)
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dnaYstrHaplotype)
      .values({
        sampleCode: input.sampleCode,
        personId: input.personId ?? null,
        kit: input.kit ?? null,
        haplotype,
        locusCount: Object.keys(haplotype).length,
        unitId: owner.id,
        divisionCode: owner.divisionCode,
        createdAt: ctx.now(),
      })
      .onConflictDoNothing({ target: dnaYstrHaplotype.sampleCode })
      .returning()
    if (!row) throw conflict('dna.ystr.sample_code_taken', `a haplotype for sample ${input.sampleCode} exists`)
    await ctx.audit({ action: 'dna.ystr.create', resource: { type: 'dna_ystr_haplotype', id: row.id } }, tx)
    return toView(row)
  })
}

const PAGE = 5000

/**
 * Lists the haplotypes within the criteria of a stored one, across the whole database (lineage
 * search crosses jurisdictions by nature), ranked, with the lineage caveat. The query is audited.
 */
export async function searchLineage(ctx: Ctx, query: LineageQuery): Promise<LineageResult> {
  const [source] = await ctx.db.select().from(dnaYstrHaplotype).where(eq(dnaYstrHaplotype.id, query.haplotypeId))
  if (!source) throw notFound('dna_ystr_haplotype.not_found', `haplotype ${query.haplotypeId} not found`)
  authorize(ctx.actor, 'dna.search', dnaResource('dna_ystr_haplotype', source))
  const criteria = {
    maxMismatches: query.maxMismatches ?? DEFAULT_LINEAGE_CRITERIA.maxMismatches,
    maxSteps: query.maxSteps ?? DEFAULT_LINEAGE_CRITERIA.maxSteps,
    minComparedLoci: query.minComparedLoci ?? DEFAULT_LINEAGE_CRITERIA.minComparedLoci,
  }
  const matches: LineageResult['matches'] = []
  let searched = 0
  let after = ''
  for (;;) {
    const rows = await ctx.db
      .select({
        id: dnaYstrHaplotype.id,
        sampleCode: dnaYstrHaplotype.sampleCode,
        unitId: dnaYstrHaplotype.unitId,
        haplotype: dnaYstrHaplotype.haplotype,
      })
      .from(dnaYstrHaplotype)
      .where(gt(dnaYstrHaplotype.sampleCode, after))
      .orderBy(asc(dnaYstrHaplotype.sampleCode))
      .limit(PAGE)
    for (const row of rows) {
      if (row.id === source.id) continue
      searched++
      const comparison = compareHaplotypes(source.haplotype, row.haplotype)
      if (isLineageCandidate(comparison, criteria))
        matches.push({ haplotypeId: row.id, sampleCode: row.sampleCode, unitId: row.unitId, ...comparison })
    }
    if (rows.length < PAGE) break
    after = rows[rows.length - 1].sampleCode
  }
  matches.sort(rankComparisons)
  const shown = matches.slice(0, query.limit ?? 100)
  await ctx.audit({
    action: 'dna.ystr.search',
    resource: { type: 'dna_ystr_haplotype', id: source.id },
    details: { criteria, matches: shown.map((m) => m.haplotypeId) },
  })
  return { caveat: LINEAGE_CAVEAT, criteria, searched, matches: shown }
}
