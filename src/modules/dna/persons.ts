import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { authorize } from '../../platform/auth/authorize.ts'
import { conflict, invalid, notFound } from '../../platform/errors.ts'
import { getUnitForRead } from '../identity/index.ts'
import { getCaseRow } from '../cases/index.ts'
import { dnaFamilyGroup, dnaPerson, dnaPersonIdentity, dnaSampleRegistration } from './tables.ts'
import {
  REFERENCE_CATEGORIES,
  type FamilyGroupCreate,
  type FamilyGroupView,
  type PersonCreate,
  type PersonIdentity,
  type PersonView,
} from './schema.ts'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

function toFamilyGroupView(row: typeof dnaFamilyGroup.$inferSelect): FamilyGroupView {
  return { ...row, createdAt: row.createdAt.toISOString() }
}

export function toPersonView(row: typeof dnaPerson.$inferSelect): PersonView {
  return {
    id: row.id,
    category: row.category,
    relation: row.relation,
    familyGroupId: row.familyGroupId,
    unitId: row.unitId,
    divisionCode: row.divisionCode,
    consentGivenAt: iso(row.consentGivenAt),
    createdAt: row.createdAt.toISOString(),
  }
}

/** Resource descriptor of a DNA record for the authoriser: always DNA-classed. */
export const dnaResource = (type: string, row: { id?: string; divisionCode: string; unitId: string }) => ({
  type,
  id: row.id,
  divisionCode: row.divisionCode,
  owningUnitId: row.unitId,
  sensitivity: 'dna' as const,
})

/** Opens a family group for the relatives of one missing child, owned by a unit the caller belongs above. */
export async function createFamilyGroup(ctx: Ctx, input: FamilyGroupCreate): Promise<FamilyGroupView> {
  const owner = await getUnitForRead(ctx, input.unitId)
  authorize(ctx.actor, 'dna.person.write', dnaResource('dna_family_group', { divisionCode: owner.divisionCode, unitId: owner.id }))
  // The linker must be able to see the case (404 otherwise, as for any case outside one's jurisdiction).
  if (input.caseId) await getCaseRow(ctx, input.caseId)
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dnaFamilyGroup)
      .values({
        label: input.label,
        missingCaseRef: input.missingCaseRef ?? null,
        caseId: input.caseId ?? null,
        unitId: owner.id,
        divisionCode: owner.divisionCode,
        createdAt: ctx.now(),
      })
      .returning()
    await ctx.audit({ action: 'dna.family_group.create', resource: { type: 'dna_family_group', id: row.id } }, tx)
    return toFamilyGroupView(row)
  })
}

export async function getFamilyGroupForWrite(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(dnaFamilyGroup).where(eq(dnaFamilyGroup.id, id))
  if (!row) throw notFound('dna_family_group.not_found', `family group ${id} not found`)
  authorize(ctx.actor, 'dna.person.write', dnaResource('dna_family_group', row))
  return row
}

/**
 * Registers a sampled person, with their identity kept in a separate record. Relatives and
 * volunteers are compared only with recorded consent; relatives belong to a family group.
 */
export async function registerPerson(ctx: Ctx, input: PersonCreate): Promise<PersonView> {
  const sampleCodes = input.sampleCodes ?? []
  const owner = await getUnitForRead(ctx, input.unitId)
  authorize(ctx.actor, 'dna.person.write', dnaResource('dna_person', { divisionCode: owner.divisionCode, unitId: owner.id }))
  if (REFERENCE_CATEGORIES.includes(input.category) && !input.consent) {
    throw invalid('dna.consent_required', `a ${input.category} is compared only with recorded consent`, [
      { path: '/consent', message: 'required' },
    ])
  }
  if (input.category === 'relative_of_missing' && (!input.familyGroupId || !input.relation)) {
    throw invalid('dna.family_group_required', 'a relative of a missing child needs a family group and a relation', [
      { path: input.familyGroupId ? '/relation' : '/familyGroupId', message: 'required' },
    ])
  }
  if (input.familyGroupId) await getFamilyGroupForWrite(ctx, input.familyGroupId)
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dnaPerson)
      .values({
        category: input.category,
        relation: input.relation ?? null,
        familyGroupId: input.familyGroupId ?? null,
        unitId: owner.id,
        divisionCode: owner.divisionCode,
        consentGivenAt: input.consent ? new Date(input.consent.givenAt) : null,
        consentDocumentRef: input.consent?.documentRef ?? null,
        createdAt: ctx.now(),
      })
      .returning()
    if (input.identity) await tx.insert(dnaPersonIdentity).values({ personId: row.id, ...input.identity })
    for (const sampleCode of sampleCodes) {
      const [registered] = await tx
        .insert(dnaSampleRegistration)
        .values({ sampleCode, personId: row.id, registeredAt: ctx.now() })
        .onConflictDoNothing()
        .returning()
      if (!registered) throw conflict('dna.sample_code_taken', `sample code ${sampleCode} is already registered`)
    }
    await ctx.audit(
      { action: 'dna.person.create', resource: { type: 'dna_person', id: row.id }, details: { category: row.category, sampleCodes } },
      tx,
    )
    return toPersonView(row)
  })
}

/** Who a sampled person is: investigators only, and every read is audited. */
export async function getPersonIdentity(ctx: Ctx, personId: string): Promise<PersonIdentity | null> {
  const [row] = await ctx.db
    .select({ person: dnaPerson, identity: dnaPersonIdentity })
    .from(dnaPerson)
    .leftJoin(dnaPersonIdentity, eq(dnaPersonIdentity.personId, dnaPerson.id))
    .where(eq(dnaPerson.id, personId))
  if (!row) throw notFound('dna_person.not_found', `person ${personId} not found`)
  authorize(ctx.actor, 'dna.identity.read', { ...dnaResource('dna_person', row.person), sensitivity: 'personal' })
  await ctx.audit({ action: 'dna.identity.read', resource: { type: 'dna_person', id: personId } })
  if (!row.identity) return null
  const { personId: _personId, ...identity } = row.identity
  return Object.fromEntries(Object.entries(identity).filter(([, v]) => v !== null)) as PersonIdentity
}
