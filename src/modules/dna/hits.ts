import { DEFAULT_DECISION_POLICY, KINSHIP_RULE, decideByRule } from './kinship/decision.ts'
import { RELATIONSHIPS, type Conclusion, type Relationship } from './kinship/types.ts'
import { and, desc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { authorize, isAuthorized, jurisdictionFilter } from '../../platform/auth/authorize.ts'
import { conflict, invalid, notFound } from '../../platform/errors.ts'
import { completeDeadlines, createDeadline } from '../../platform/deadlines/service.ts'
import { deadline } from '../../platform/deadlines/tables.ts'
import { unitRef } from '../identity/index.ts'
import { appendCaseEvent } from '../cases/index.ts'
import { dnaFamilyGroup, dnaHit, dnaPerson, dnaProfile } from './tables.ts'
import { dnaResource } from './persons.ts'
import type { HitDecision, HitListQuery, HitMode, HitSide, HitView } from './schema.ts'

/** Hits are reviewed within three days (the seeds: 比中结果3日内复核). */
export const HIT_REVIEW_TERM = { days: 3 }
export const HIT_REVIEW_KIND = 'dna.hit_review'

type ProfileRow = typeof dnaProfile.$inferSelect
type HitRow = typeof dnaHit.$inferSelect

export interface HitCandidate {
  mode: HitMode
  relationship: string
  references: ProfileRow[]
  familyGroupId: string | null
  candidate: ProfileRow
  log10Lr: number
  perLocus: Record<string, number>
  inconsistentLoci: string[]
  frequencyTable: string
  engineVersion: string
}

/** Modes where neither side is the parent: A↔B and B↔A are one comparison. */
const SYMMETRIC_MODES: readonly HitMode[] = ['identity', 'full_siblings', 'half_siblings']

export function pairKeyOf(mode: HitMode, referenceIds: string[], candidateId: string): string {
  if (SYMMETRIC_MODES.includes(mode) && referenceIds.length === 1) return `${mode}:${[referenceIds[0], candidateId].sort().join('+')}`
  return `${mode}:${[...referenceIds].sort().join('+')}:${candidateId}`
}

/**
 * Stores a hit once (a re-run finds the same key and changes nothing) and opens its review
 * deadline for the unit owning the relatives' profile. Returns null when it was already known.
 */
export async function recordHit(ctx: Ctx, tx: Db, hit: HitCandidate): Promise<HitRow | null> {
  const reviewer = hit.references[0]
  const [row] = await tx
    .insert(dnaHit)
    .values({
      pairKey: pairKeyOf(
        hit.mode,
        hit.references.map((r) => r.id),
        hit.candidate.id,
      ),
      mode: hit.mode,
      relationship: hit.relationship,
      referenceProfileIds: hit.references.map((r) => r.id),
      familyGroupId: hit.familyGroupId,
      candidateProfileId: hit.candidate.id,
      log10Lr: hit.log10Lr,
      perLocus: hit.perLocus,
      inconsistentLoci: hit.inconsistentLoci,
      frequencyTable: hit.frequencyTable,
      engineVersion: hit.engineVersion,
      unitId: reviewer.unitId,
      divisionCode: reviewer.divisionCode,
      otherUnitId: hit.candidate.unitId,
      otherDivisionCode: hit.candidate.divisionCode,
      status: 'pending',
      createdAt: ctx.now(),
    })
    .onConflictDoNothing({ target: dnaHit.pairKey })
    .returning()
  if (!row) return null
  await createDeadline(
    ctx,
    {
      kind: HIT_REVIEW_KIND,
      title: `DNA比中复核 ${hit.references.map((r) => r.sampleCode).join('+')} ↔ ${hit.candidate.sampleCode}`,
      subject: { type: 'dna_hit', id: row.id },
      unitId: reviewer.unitId,
      due: { after: HIT_REVIEW_TERM },
    },
    tx,
  )
  await ctx.audit(
    { action: 'dna.hit.create', resource: { type: 'dna_hit', id: row.id }, details: { mode: row.mode, log10Lr: row.log10Lr } },
    tx,
  )
  return row
}

const candidateProfile = alias(dnaProfile, 'candidate_profile')
const candidateUnit = alias(unitRef, 'candidate_unit')
const referenceProfile = alias(dnaProfile, 'reference_profile')
const referenceUnit = alias(unitRef, 'reference_unit')

/**
 * A profile's sample code where the caller may read that profile, null elsewhere: a hit is seen by both sides,
 * but each side's sample codes stay as visible as its profiles, as when the list fetched them one by one.
 */
function visibleSampleCode(ctx: Ctx, profile: typeof candidateProfile | typeof referenceProfile): SQL<string | null> {
  const readable = jurisdictionFilter(ctx.actor, 'dna.profile.read', { divisionCode: profile.divisionCode, owningUnitId: profile.unitId })
  return sql<string | null>`CASE WHEN ${readable} THEN ${profile.sampleCode} END`
}

/** The reference sides of the hit in the row, as a JSON array in the order the hit lists them. */
function referenceSides(ctx: Ctx): SQL<HitSide[]> {
  return sql<HitSide[]>`(
    SELECT coalesce(jsonb_agg(jsonb_build_object(
      'profileId', ${referenceProfile.id},
      'sampleCode', ${visibleSampleCode(ctx, referenceProfile)},
      'category', ${referenceProfile.category},
      'unitId', ${referenceProfile.unitId},
      'unitName', ${referenceUnit.name}) ORDER BY listed.ord), '[]'::jsonb)
    FROM jsonb_array_elements_text(${dnaHit.referenceProfileIds}) WITH ORDINALITY AS listed(id, ord)
    JOIN ${dnaProfile} AS ${referenceProfile} ON ${referenceProfile.id} = listed.id::uuid
    LEFT JOIN ${unitRef} AS ${referenceUnit} ON ${referenceUnit.id} = ${referenceProfile.unitId})`
}

const reviewDeadline = and(
  eq(deadline.subjectType, 'dna_hit'),
  sql`${deadline.subjectId} = ${dnaHit.id}::text`,
  eq(deadline.kind, HIT_REVIEW_KIND),
)

/** Hits with their review date and both sides' sample codes, in one query whatever the number of rows. */
function selectHitViews(ctx: Ctx, db: Db) {
  return db
    .select({
      hit: dnaHit,
      dueAt: deadline.dueAt,
      references: referenceSides(ctx),
      candidateCode: visibleSampleCode(ctx, candidateProfile),
      candidateCategory: candidateProfile.category,
      candidateUnitId: candidateProfile.unitId,
      candidateUnitName: candidateUnit.name,
      caseId: dnaFamilyGroup.caseId,
    })
    .from(dnaHit)
    .innerJoin(candidateProfile, eq(candidateProfile.id, dnaHit.candidateProfileId))
    .leftJoin(dnaFamilyGroup, eq(dnaFamilyGroup.id, dnaHit.familyGroupId))
    .leftJoin(candidateUnit, eq(candidateUnit.id, candidateProfile.unitId))
    .leftJoin(deadline, reviewDeadline)
}

type HitViewRow = Awaited<ReturnType<typeof selectHitViews>>[number]

function toHitView({ hit: row, dueAt, references, caseId, ...candidate }: HitViewRow): HitView {
  return {
    id: row.id,
    mode: row.mode,
    relationship: row.relationship,
    referenceProfileIds: row.referenceProfileIds,
    familyGroupId: row.familyGroupId,
    caseId,
    candidateProfileId: row.candidateProfileId,
    references,
    candidate: {
      profileId: row.candidateProfileId,
      sampleCode: candidate.candidateCode,
      category: candidate.candidateCategory,
      unitId: candidate.candidateUnitId,
      unitName: candidate.candidateUnitName,
    },
    lr: 10 ** row.log10Lr,
    log10Lr: row.log10Lr,
    conclusion: conclusionOf(row.relationship, row.log10Lr, row.inconsistentLoci),
    perLocus: row.perLocus,
    inconsistentLoci: row.inconsistentLoci,
    frequencyTable: row.frequencyTable,
    engineVersion: row.engineVersion,
    unitId: row.unitId,
    otherUnitId: row.otherUnitId,
    status: row.status,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    reviewDueAt: dueAt ? dueAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  }
}

/**
 * What the hit's LR supports by the default decision rules (GB/T 37223-2018 for parentage): a screening hit below
 * CPI 10⁴ is `inconclusive`, i.e. more loci should be typed before it is confirmed. The engine scores mutations,
 * so 1–2 inconsistent loci lower the index instead of excluding.
 */
function conclusionOf(relationship: string, log10Lr: number, inconsistentLoci: string[]): Conclusion {
  const isNamed = (RELATIONSHIPS as readonly string[]).includes(relationship)
  const rule = isNamed ? DEFAULT_DECISION_POLICY[relationship as Relationship] : KINSHIP_RULE
  return decideByRule(rule, { lr: 10 ** log10Lr, inconsistentLoci, isMutationScored: true })
}

/** Either side of a hit may see it: the relatives' unit and the candidate's unit (and those above them). */
function hitScope(ctx: Ctx): SQL {
  const reviewSide = jurisdictionFilter(ctx.actor, 'dna.profile.read', { divisionCode: dnaHit.divisionCode, owningUnitId: dnaHit.unitId })
  const otherSide = jurisdictionFilter(ctx.actor, 'dna.profile.read', {
    divisionCode: dnaHit.otherDivisionCode,
    owningUnitId: dnaHit.otherUnitId,
  })
  return or(reviewSide, otherSide)!
}

/**
 * Hits the caller's jurisdiction is party to, newest first, with both sides' sample codes; `overdue` lists those
 * past their review date. The list is audited once, with the hits it returned.
 */
export async function listHits(ctx: Ctx, query: HitListQuery): Promise<HitView[]> {
  const rows = await selectHitViews(ctx, ctx.db)
    .where(
      and(
        hitScope(ctx),
        query.status ? eq(dnaHit.status, query.status) : undefined,
        query.unitId ? or(eq(dnaHit.unitId, query.unitId), eq(dnaHit.otherUnitId, query.unitId)) : undefined,
        query.overdue ? and(eq(dnaHit.status, 'pending'), isNotNull(deadline.overdueAt)) : undefined,
      ),
    )
    .orderBy(desc(dnaHit.createdAt))
    .limit(query.limit ?? 100)
  await ctx.audit({ action: 'dna.hit.list', details: { ...query, returned: rows.map((r) => r.hit.id) } })
  return rows.map(toHitView)
}

async function loadHit(ctx: Ctx, id: string): Promise<HitRow> {
  const [row] = await ctx.db.select().from(dnaHit).where(eq(dnaHit.id, id))
  if (!row) throw notFound('dna_hit.not_found', `hit ${id} not found`)
  return row
}

export async function getHit(ctx: Ctx, id: string): Promise<HitView> {
  const [row] = await selectHitViews(ctx, ctx.db).where(eq(dnaHit.id, id))
  if (!row) throw notFound('dna_hit.not_found', `hit ${id} not found`)
  const sides = [
    dnaResource('dna_hit', row.hit),
    dnaResource('dna_hit', { id, divisionCode: row.hit.otherDivisionCode, unitId: row.hit.otherUnitId }),
  ]
  if (!sides.some((side) => isAuthorized(ctx.actor, 'dna.profile.read', side))) authorize(ctx.actor, 'dna.profile.read', sides[0])
  await ctx.audit({ action: 'dna.hit.read', resource: { type: 'dna_hit', id } })
  return toHitView(row)
}

/**
 * The reviewing unit confirms, rejects (with a reason) or asks for re-sampling. A confirmed hit
 * ties the candidate person to the missing child's family group; the review deadline closes.
 */
export async function decideHit(ctx: Ctx, id: string, input: HitDecision): Promise<HitView> {
  const hit = await loadHit(ctx, id)
  authorize(ctx.actor, 'dna.hit.review', dnaResource('dna_hit', hit))
  if (hit.status !== 'pending') throw conflict('dna_hit.already_decided', `hit ${id} was already decided (${hit.status})`)
  if (input.decision !== 'confirm' && !input.reason) {
    throw invalid('dna_hit.reason_required', 'a rejection or re-sampling request needs a reason', [
      { path: '/reason', message: 'required' },
    ])
  }
  const status = ({ confirm: 'confirmed', reject: 'rejected', request_resample: 'resample_requested' } as const)[input.decision]
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(dnaHit)
      .set({
        status,
        decisionReason: input.reason ?? null,
        decidedAt: ctx.now(),
        decidedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      })
      .where(and(eq(dnaHit.id, id), eq(dnaHit.status, 'pending')))
      .returning()
    if (!row) throw conflict('dna_hit.already_decided', `hit ${id} was decided meanwhile`)
    await completeDeadlines(ctx, { type: 'dna_hit', id, kind: HIT_REVIEW_KIND }, tx)
    if (status === 'confirmed' && row.familyGroupId) {
      await linkCandidate(tx, row)
      await noteOnCase(ctx, tx, row)
    }
    await ctx.audit(
      { action: `dna.hit.${input.decision}`, resource: { type: 'dna_hit', id }, details: { reason: input.reason ?? null } },
      tx,
    )
    const [view] = await selectHitViews(ctx, tx).where(eq(dnaHit.id, id))
    return toHitView(view)
  })
}

/**
 * A confirmed hit for relatives linked to a missing case goes on the case's timeline: the investigators see
 * that the child has probably been identified. Pseudonymous: the hit, its mode and LR, no sample or name.
 */
async function noteOnCase(ctx: Ctx, tx: Db, hit: HitRow) {
  const [group] = await tx.select({ caseId: dnaFamilyGroup.caseId }).from(dnaFamilyGroup).where(eq(dnaFamilyGroup.id, hit.familyGroupId!))
  if (!group?.caseId) return
  await appendCaseEvent(ctx, tx, group.caseId, {
    kind: 'dna.hit_confirmed',
    summary: `DNA比中已确认（${hit.mode}，log10 LR ${hit.log10Lr.toFixed(1)}）/ DNA hit confirmed`,
    details: { hitId: hit.id, mode: hit.mode, log10Lr: hit.log10Lr },
  })
}

async function linkCandidate(tx: Db, hit: HitRow) {
  const [candidate] = await tx.select({ personId: dnaProfile.personId }).from(dnaProfile).where(eq(dnaProfile.id, hit.candidateProfileId))
  if (!candidate?.personId) return
  await tx
    .update(dnaPerson)
    .set({ matchedFamilyGroupId: hit.familyGroupId, matchedByHitId: hit.id })
    .where(and(eq(dnaPerson.id, candidate.personId), isNull(dnaPerson.matchedFamilyGroupId)))
}
