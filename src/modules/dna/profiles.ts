import { and, desc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { authorize, jurisdictionFilter } from '../../platform/auth/authorize.ts'
import { notFound } from '../../platform/errors.ts'
import { dnaProfile } from './tables.ts'
import { dnaResource } from './persons.ts'
import type { ProfileListQuery, ProfileView } from './schema.ts'

export function toProfileView(row: typeof dnaProfile.$inferSelect): ProfileView {
  return {
    id: row.id,
    sampleCode: row.sampleCode,
    personId: row.personId,
    category: row.category,
    index: row.index,
    kit: row.kit,
    lab: row.lab,
    collectedAt: row.collectedAt ? row.collectedAt.toISOString() : null,
    amelogenin: row.amelogenin,
    genotypes: row.genotypes,
    locusCount: row.locusCount,
    resampleNeeded: row.resampleNeeded,
    flags: row.flags,
    unitId: row.unitId,
    createdAt: row.createdAt.toISOString(),
  }
}

/** One profile, for the police DNA roles of its jurisdiction; the read is audited. */
export async function getProfile(ctx: Ctx, id: string): Promise<ProfileView> {
  const [row] = await ctx.db.select().from(dnaProfile).where(eq(dnaProfile.id, id))
  if (!row) throw notFound('dna_profile.not_found', `profile ${id} not found`)
  authorize(ctx.actor, 'dna.profile.read', dnaResource('dna_profile', row))
  await ctx.audit({ action: 'dna.profile.read', resource: { type: 'dna_profile', id } })
  return toProfileView(row)
}

/**
 * Profiles in the caller's jurisdiction, newest first; `resampleNeeded` lists those with too few
 * loci for reliable search. The list is audited with the ids it returned.
 */
export async function listProfiles(ctx: Ctx, query: ProfileListQuery): Promise<ProfileView[]> {
  const scope = jurisdictionFilter(ctx.actor, 'dna.profile.read', {
    divisionCode: dnaProfile.divisionCode,
    owningUnitId: dnaProfile.unitId,
  })
  const rows = await ctx.db
    .select()
    .from(dnaProfile)
    .where(
      and(
        scope,
        query.unitId ? eq(dnaProfile.unitId, query.unitId) : undefined,
        query.resampleNeeded === undefined ? undefined : eq(dnaProfile.resampleNeeded, query.resampleNeeded),
        query.index ? eq(dnaProfile.index, query.index) : undefined,
      ),
    )
    .orderBy(desc(dnaProfile.createdAt))
    .limit(query.limit ?? 100)
  await ctx.audit({ action: 'dna.profile.list', details: { ...query, returned: rows.map((r) => r.id) } })
  return rows.map(toProfileView)
}
