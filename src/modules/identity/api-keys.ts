import { and, desc, eq, isNull } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import type { Actor } from '../../platform/auth/actor.ts'
import { authorize, jurisdictionFilter } from '../../platform/auth/authorize.ts'
import { ALL_PERMISSIONS, isDnaPermission } from '../../platform/auth/permissions.ts'
import { invalid, notFound } from '../../platform/errors.ts'
import { apiKey, unit } from './tables.ts'
import { getUnitForRead } from './units.ts'
import { randomToken, sha256 } from './session-store.ts'
import { timingSafeEqual } from 'node:crypto'

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
import type { ApiKeyCreate, ApiKeyCreated, ApiKeyView } from './schema.ts'

/** Keys look like `ty_<prefix>_<secret>`: the prefix finds the row, the secret proves possession. */
export const API_KEY_PATTERN = /^ty_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/

function toApiKeyView(row: typeof apiKey.$inferSelect, unitName: string): ApiKeyView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null)
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    unitId: row.unitId,
    unitName,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
  }
}

/** Issues a key for a machine client of a unit the caller administers; the secret is shown once. */
export async function createApiKey(ctx: Ctx, input: ApiKeyCreate): Promise<ApiKeyCreated> {
  const owner = await getUnitForRead(ctx, input.unitId, 'apikey.manage')
  const unknown = input.scopes.filter((s) => !ALL_PERMISSIONS.includes(s))
  if (unknown.length)
    throw invalid('apikey.unknown_scope', `unknown scopes: ${unknown.join(', ')}`, [{ path: '/scopes', message: 'unknown scope' }])
  if (owner.type !== 'public_security' && input.scopes.some(isDnaPermission)) {
    throw invalid('apikey.dna_scope_needs_police_unit', 'DNA scopes are only for public-security units', [
      { path: '/scopes', message: 'DNA scopes need a police unit' },
    ])
  }
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null
  if (expiresAt && expiresAt <= ctx.now())
    throw invalid('apikey.expired', 'expiry is in the past', [{ path: '/expiresAt', message: 'in the past' }])
  const prefix = randomToken(9).replace(/[-_]/g, 'x').slice(0, 12)
  const secret = randomToken(32)
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKey)
      .values({
        name: input.name,
        prefix,
        secretHash: sha256(secret),
        unitId: input.unitId,
        scopes: input.scopes,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        createdAt: ctx.now(),
        expiresAt,
      })
      .returning()
    await ctx.audit(
      {
        action: 'apikey.create',
        resource: { type: 'api_key', id: row.id },
        details: { name: row.name, scopes: row.scopes, unitId: row.unitId },
      },
      tx,
    )
    return { apiKey: toApiKeyView(row, owner.name), secret: `ty_${prefix}_${secret}` }
  })
}

export async function listApiKeys(ctx: Ctx): Promise<ApiKeyView[]> {
  const scope = jurisdictionFilter(ctx.actor, 'apikey.manage', { divisionCode: unit.divisionCode, owningUnitId: unit.id })
  const rows = await ctx.db
    .select({ k: apiKey, unitName: unit.name })
    .from(apiKey)
    .innerJoin(unit, eq(unit.id, apiKey.unitId))
    .where(scope)
    .orderBy(desc(apiKey.createdAt))
  return rows.map((r) => toApiKeyView(r.k, r.unitName))
}

export async function revokeApiKey(ctx: Ctx, id: string): Promise<void> {
  const [row] = await ctx.db
    .select({ k: apiKey, divisionCode: unit.divisionCode })
    .from(apiKey)
    .innerJoin(unit, eq(unit.id, apiKey.unitId))
    .where(eq(apiKey.id, id))
  if (!row) throw notFound('api_key.not_found', `API key ${id} not found`)
  authorize(ctx.actor, 'apikey.manage', { type: 'api_key', id, divisionCode: row.divisionCode, owningUnitId: row.k.unitId })
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(apiKey)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(apiKey.id, id), isNull(apiKey.revokedAt)))
    await ctx.audit({ action: 'apikey.revoke', resource: { type: 'api_key', id } }, tx)
  })
}

/** The actor behind a bearer key, or null when the key is unknown, wrong, revoked or expired. */
export async function authenticateApiKey(db: Db, presented: string, now: Date): Promise<Actor | null> {
  const match = API_KEY_PATTERN.exec(presented)
  if (!match) return null
  const [row] = await db
    .select({ k: apiKey, unit })
    .from(apiKey)
    .innerJoin(unit, eq(unit.id, apiKey.unitId))
    .where(eq(apiKey.prefix, match[1]))
  if (!row || !sameHash(row.k.secretHash, sha256(match[2])) || row.k.revokedAt || (row.k.expiresAt && row.k.expiresAt <= now)) return null
  if (!row.k.lastUsedAt || now.getTime() - row.k.lastUsedAt.getTime() > 60_000) {
    await db.update(apiKey).set({ lastUsedAt: now }).where(eq(apiKey.id, row.k.id))
  }
  const u = row.unit
  return {
    kind: 'api_key',
    id: row.k.id,
    name: `apikey:${row.k.name}`,
    unit: { id: u.id, name: u.name, type: u.type, level: u.level, divisionCode: u.divisionCode },
    scopes: row.k.scopes,
  }
}
