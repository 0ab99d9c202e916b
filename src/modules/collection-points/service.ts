import { and, asc, eq, ne } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { authorize, jurisdictionFilter } from '../../platform/auth/authorize.ts'
import { conflict, notFound } from '../../platform/errors.ts'
import { divisionRef, unitRef } from '../identity/index.ts'
import { collectionPoint } from './tables.ts'
import { MANAGE, assertPlacement, normaliseText, ownerDivision, resolveOwningUnit } from './placement.ts'
import type {
  CollectionPointCreate,
  CollectionPointFields,
  CollectionPointListQuery,
  CollectionPointUpdate,
  CollectionPointView,
} from './schema.ts'

type PointRow = typeof collectionPoint.$inferSelect

export function toCollectionPointView(row: PointRow, unitName: string, divisionName: string): CollectionPointView {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName,
    name: row.name,
    address: row.address,
    divisionCode: row.divisionCode,
    divisionName,
    latitude: row.latitude,
    longitude: row.longitude,
    phone: row.phone,
    hours: row.hours,
    notes: row.notes,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export interface StoredPoint {
  name: string
  address: string
  divisionCode: string
  latitude: number
  longitude: number
  phone: string | null
  hours: string | null
  notes: string | null
}

const optionalText = (value: string | null) => (value === null ? null : normaliseText(value) || null)

/** The stored form of changed fields: text normalised, empty or null optional text as null. */
export function toStoredChanges(input: CollectionPointUpdate): Partial<StoredPoint> {
  return {
    ...(input.name === undefined ? {} : { name: normaliseText(input.name) }),
    ...(input.address === undefined ? {} : { address: normaliseText(input.address) }),
    ...(input.divisionCode === undefined ? {} : { divisionCode: input.divisionCode }),
    ...(input.latitude === undefined ? {} : { latitude: input.latitude }),
    ...(input.longitude === undefined ? {} : { longitude: input.longitude }),
    ...(input.phone === undefined ? {} : { phone: optionalText(input.phone) }),
    ...(input.hours === undefined ? {} : { hours: optionalText(input.hours) }),
    // Notes may run over lines: only their ends are trimmed.
    ...(input.notes === undefined ? {} : { notes: input.notes?.trim() || null }),
  }
}

/** The stored form of a whole point. */
export function toStoredPoint(input: CollectionPointFields): StoredPoint {
  return { phone: null, hours: null, notes: null, ...(toStoredChanges(input) as Omit<StoredPoint, 'phone' | 'hours' | 'notes'>) }
}

const selectWithNames = (db: Db) =>
  db
    .select({ point: collectionPoint, unitName: unitRef.name, divisionName: divisionRef.name })
    .from(collectionPoint)
    .innerJoin(unitRef, eq(unitRef.id, collectionPoint.unitId))
    .innerJoin(divisionRef, eq(divisionRef.code, collectionPoint.divisionCode))

async function readView(db: Db, id: string): Promise<CollectionPointView> {
  const [row] = await selectWithNames(db).where(eq(collectionPoint.id, id))
  return toCollectionPointView(row.point, row.unitName, row.divisionName)
}

const pointResource = (row: PointRow) => ({
  type: 'collection_point',
  id: row.id,
  divisionCode: row.divisionCode,
  owningUnitId: row.unitId,
})

/** One point the caller may manage (its division or its unit's); others are "not found". */
export async function getCollectionPointForWrite(ctx: Ctx, id: string): Promise<PointRow> {
  const [row] = await ctx.db.select().from(collectionPoint).where(eq(collectionPoint.id, id))
  if (!row) throw notFound('collection_point.not_found', `collection point ${id} not found`)
  authorize(ctx.actor, MANAGE, pointResource(row))
  return row
}

/** The points of the caller's jurisdiction (or of one unit in it), by division and name. */
export async function listCollectionPoints(ctx: Ctx, query: CollectionPointListQuery): Promise<CollectionPointView[]> {
  const scope = jurisdictionFilter(ctx.actor, MANAGE, { divisionCode: collectionPoint.divisionCode, owningUnitId: collectionPoint.unitId })
  const rows = await selectWithNames(ctx.db)
    .where(
      and(
        scope,
        query.unitId ? eq(collectionPoint.unitId, query.unitId) : undefined,
        query.active === undefined ? undefined : eq(collectionPoint.active, query.active),
      ),
    )
    .orderBy(asc(collectionPoint.divisionCode), asc(collectionPoint.name))
  return rows.map((r) => toCollectionPointView(r.point, r.unitName, r.divisionName))
}

async function assertNameFree(db: Db, divisionCode: string, name: string, exceptId?: string) {
  const [taken] = await db
    .select({ id: collectionPoint.id })
    .from(collectionPoint)
    .where(
      and(
        eq(collectionPoint.divisionCode, divisionCode),
        eq(collectionPoint.name, name),
        exceptId ? ne(collectionPoint.id, exceptId) : undefined,
      ),
    )
  if (taken) {
    throw conflict('collection_point.duplicate', `a collection point named ${name} already exists in ${divisionCode}`)
  }
}

/**
 * Creates a point owned by a police unit the caller manages (the caller's own by default), in a
 * county within that unit's division.
 */
export async function createCollectionPoint(ctx: Ctx, input: CollectionPointCreate): Promise<CollectionPointView> {
  const owner = await resolveOwningUnit(ctx, input.unitId)
  await assertPlacement(ctx.db, input.divisionCode, owner.divisionCode)
  const { unitId: _unitId, ...fields } = input
  const point = toStoredPoint(fields)
  return ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, point.divisionCode, point.name)
    const now = ctx.now()
    const [row] = await tx
      .insert(collectionPoint)
      .values({ ...point, unitId: owner.id, createdAt: now, updatedAt: now })
      .returning()
    await ctx.audit(
      {
        action: 'collection_point.create',
        resource: { type: 'collection_point', id: row.id },
        details: { name: row.name, divisionCode: row.divisionCode, unitId: row.unitId },
      },
      tx,
    )
    return readView(tx, row.id)
  })
}

/** Changes a point's details; a new division must still lie within the owning unit's. */
export async function updateCollectionPoint(ctx: Ctx, id: string, input: CollectionPointUpdate): Promise<CollectionPointView> {
  const current = await getCollectionPointForWrite(ctx, id)
  if (input.divisionCode !== undefined && input.divisionCode !== current.divisionCode) {
    await assertPlacement(ctx.db, input.divisionCode, await ownerDivision(ctx.db, current.unitId))
    authorize(ctx.actor, MANAGE, { ...pointResource(current), divisionCode: input.divisionCode })
  }
  const fields = toStoredChanges(input)
  const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((key) => fields[key] !== current[key])
  if (changed.length === 0) return readView(ctx.db, id)
  return ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, fields.divisionCode ?? current.divisionCode, fields.name ?? current.name, id)
    await tx
      .update(collectionPoint)
      .set({ ...fields, updatedAt: ctx.now() })
      .where(eq(collectionPoint.id, id))
    await ctx.audit({ action: 'collection_point.update', resource: { type: 'collection_point', id }, details: { changed } }, tx)
    return readView(tx, id)
  })
}

async function setActive(ctx: Ctx, id: string, active: boolean): Promise<CollectionPointView> {
  const current = await getCollectionPointForWrite(ctx, id)
  if (current.active === active) return readView(ctx.db, id)
  return ctx.db.transaction(async (tx) => {
    await tx.update(collectionPoint).set({ active, updatedAt: ctx.now() }).where(eq(collectionPoint.id, id))
    await ctx.audit(
      { action: active ? 'collection_point.activate' : 'collection_point.deactivate', resource: { type: 'collection_point', id } },
      tx,
    )
    return readView(tx, id)
  })
}

/** Hides a point from the public page and search; it stays listed in the console and can come back. */
export const deactivateCollectionPoint = (ctx: Ctx, id: string) => setActive(ctx, id, false)

/** Shows a deactivated point to the public again. */
export const activateCollectionPoint = (ctx: Ctx, id: string) => setActive(ctx, id, true)
