import { randomBytes } from 'node:crypto'
import { and, asc, eq } from 'drizzle-orm'
import type { Ctx } from '../../../platform/context.ts'
import type { Db } from '../../../platform/db/client.ts'
import { authorize } from '../../../platform/auth/authorize.ts'
import { actorUnit } from '../../../platform/auth/actor.ts'
import { HOUR } from '../../../platform/clock.ts'
import { conflict, forbidden, notFound } from '../../../platform/errors.ts'
import { alertDelivery, alertPartner } from '../tables.ts'
import { checkEndpointUrl } from './endpoint-url.ts'
import type { PartnerCreate, PartnerUpdate, PartnerView, PartnerWithSecret } from './schema.ts'

export const MANAGE_PARTNERS = 'alert.partner.manage'
/** How long a rotated-out secret still signs deliveries: a day for the partner to deploy the new one. */
export const ROTATION_GRACE_MS = 24 * HOUR

type PartnerRow = typeof alertPartner.$inferSelect

export function toPartnerView(row: PartnerRow): PartnerView {
  return {
    id: row.id,
    name: row.name,
    endpointUrl: row.endpointUrl,
    active: row.active,
    previousSecretExpiresAt: row.previousSecretExpiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** A new signing secret in the form the Standard Webhooks libraries read. */
export const generateSecret = () => `whsec_${randomBytes(32).toString('base64')}`

/**
 * Partners receive every alert in the country, so only the national level manages them: a provincial admin
 * could otherwise send every province's alerts to an endpoint of its choosing.
 */
function assertMayManage(ctx: Ctx) {
  authorize(ctx.actor, MANAGE_PARTNERS)
  if (ctx.actor.kind !== 'system' && actorUnit(ctx.actor)?.divisionCode !== '000000') {
    throw forbidden('alert_partner.national_only', 'alert partners are managed by the national level')
  }
}

const endpointPolicy = (ctx: Ctx) => ({ allowLoopback: ctx.config.alerts.allowHttpWebhooks })

async function getRow(db: Db, id: string): Promise<PartnerRow> {
  const [row] = await db.select().from(alertPartner).where(eq(alertPartner.id, id))
  if (!row) throw notFound('alert_partner.not_found', `alert partner ${id} not found`)
  return row
}

/** Users and API keys have uuids; the system (CLI, demo seeding) is written as the nil uuid. */
const createdBy = (ctx: Ctx) =>
  ctx.actor.kind === 'user' || ctx.actor.kind === 'api_key' ? ctx.actor.id : '00000000-0000-0000-0000-000000000000'

/** Registers a partner app and returns its signing secret, once. */
export async function createPartner(ctx: Ctx, input: PartnerCreate): Promise<PartnerWithSecret> {
  assertMayManage(ctx)
  const endpointUrl = checkEndpointUrl(input.endpointUrl, endpointPolicy(ctx))
  const secret = generateSecret()
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now()
    const [row] = await tx
      .insert(alertPartner)
      .values({ name: input.name.trim(), endpointUrl, secret, createdBy: createdBy(ctx), createdAt: now, updatedAt: now })
      .returning()
    await ctx.audit(
      { action: 'alert.partner.create', resource: { type: 'alert_partner', id: row.id }, details: { name: row.name, endpointUrl } },
      tx,
    )
    return { partner: toPartnerView(row), secret }
  })
}

export async function listPartners(ctx: Ctx): Promise<PartnerView[]> {
  assertMayManage(ctx)
  const rows = await ctx.db.select().from(alertPartner).orderBy(asc(alertPartner.name), asc(alertPartner.createdAt))
  return rows.map(toPartnerView)
}

export async function getPartner(ctx: Ctx, id: string): Promise<PartnerView> {
  assertMayManage(ctx)
  return toPartnerView(await getRow(ctx.db, id))
}

/** Renames a partner, moves its endpoint, or turns its deliveries off and on. */
export async function updatePartner(ctx: Ctx, id: string, input: PartnerUpdate): Promise<PartnerView> {
  assertMayManage(ctx)
  const endpointUrl = input.endpointUrl === undefined ? undefined : checkEndpointUrl(input.endpointUrl, endpointPolicy(ctx))
  return ctx.db.transaction(async (tx) => {
    const before = await getRow(tx, id)
    const changes = {
      ...(input.name === undefined ? {} : { name: input.name.trim() }),
      ...(endpointUrl === undefined ? {} : { endpointUrl }),
      ...(input.active === undefined ? {} : { active: input.active }),
    }
    const [row] = await tx
      .update(alertPartner)
      .set({ ...changes, updatedAt: ctx.now() })
      .where(eq(alertPartner.id, id))
      .returning()
    const changed = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, { from: before[k as keyof typeof changes], to: v }]))
    await ctx.audit({ action: 'alert.partner.update', resource: { type: 'alert_partner', id }, details: { changed } }, tx)
    return toPartnerView(row)
  })
}

/**
 * Issues a new secret and returns it, once. The old one keeps signing alongside it (Standard Webhooks sends
 * several signatures) for `ROTATION_GRACE_MS`, so the partner can switch without missing an alert.
 */
export async function rotatePartnerSecret(ctx: Ctx, id: string): Promise<PartnerWithSecret> {
  assertMayManage(ctx)
  const secret = generateSecret()
  return ctx.db.transaction(async (tx) => {
    const before = await getRow(tx, id)
    const now = ctx.now()
    const [row] = await tx
      .update(alertPartner)
      .set({ secret, previousSecret: before.secret, previousSecretExpiresAt: new Date(now.getTime() + ROTATION_GRACE_MS), updatedAt: now })
      .where(eq(alertPartner.id, id))
      .returning()
    await ctx.audit({ action: 'alert.partner.rotate_secret', resource: { type: 'alert_partner', id } }, tx)
    return { partner: toPartnerView(row), secret }
  })
}

/**
 * Removes a partner that has never been sent anything. One with deliveries stays, so that the delivery log keeps
 * saying whom it reached: deactivate it instead.
 */
export async function deletePartner(ctx: Ctx, id: string): Promise<void> {
  assertMayManage(ctx)
  await ctx.db.transaction(async (tx) => {
    const row = await getRow(tx, id)
    const [used] = await tx
      .select({ id: alertDelivery.id })
      .from(alertDelivery)
      .where(and(eq(alertDelivery.channel, 'webhook'), eq(alertDelivery.recipientId, id)))
      .limit(1)
    if (used) throw conflict('alert_partner.has_deliveries', `alert partner ${id} has deliveries in the log: deactivate it instead`)
    await tx.delete(alertPartner).where(eq(alertPartner.id, id))
    await ctx.audit({ action: 'alert.partner.delete', resource: { type: 'alert_partner', id }, details: { name: row.name } }, tx)
  })
}

/** The partners a new message goes to: the recipients of its webhook deliveries. */
export async function listActivePartnerIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: alertPartner.id }).from(alertPartner).where(eq(alertPartner.active, true))
  return rows.map((r) => r.id)
}
