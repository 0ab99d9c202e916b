// The public directory: anyone, signed in or not, may find the active points near them or in a division.
// Families of missing children use it, so it asks for nothing and records nothing about the searcher.
import { and, asc, between, eq, like, lte, sql, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { jurisdictionPrefix } from '../../platform/auth/authorize.ts'
import { invalid } from '../../platform/errors.ts'
import { divisionRef, unitRef } from '../identity/index.ts'
import { collectionPoint } from './tables.ts'
import type { PublicCollectionPointQuery, PublicCollectionPointView } from './schema.ts'

/** IUGG mean Earth radius. */
export const EARTH_RADIUS_KM = 6371.0088
const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM

/** Search radii, widened in turn until enough points lie within one; the last is the whole Earth. */
const RADII_KM = [25, 100, 400, 1600, Infinity]
/** A division as large as a province holds a few hundred points at most; this bounds the answer. */
export const DIVISION_LIMIT = 500

export interface BoundingBox {
  minLatitude: number
  maxLatitude: number
  /** Null when the box spans every longitude (near a pole or across the antimeridian). */
  minLongitude: number | null
  maxLongitude: number | null
}

/**
 * The latitude–longitude box holding every point within `radiusKm` of (lat, lon). Its width is taken at the
 * box's edge farthest from the equator, where a degree of longitude is shortest, so that it never cuts a
 * point off.
 */
export function boundingBox(lat: number, lon: number, radiusKm: number): BoundingBox {
  const dLat = radiusKm / KM_PER_DEGREE
  const minLatitude = Math.max(-90, lat - dLat)
  const maxLatitude = Math.min(90, lat + dLat)
  const widest = Math.max(Math.abs(minLatitude), Math.abs(maxLatitude))
  if (widest >= 90) return { minLatitude, maxLatitude, minLongitude: null, maxLongitude: null }
  const dLon = radiusKm / (KM_PER_DEGREE * Math.cos((widest * Math.PI) / 180))
  if (dLon >= 180 || lon - dLon < -180 || lon + dLon > 180) return { minLatitude, maxLatitude, minLongitude: null, maxLongitude: null }
  return { minLatitude, maxLatitude, minLongitude: lon - dLon, maxLongitude: lon + dLon }
}

/** Great-circle distance in km from (lat, lon) to each point, by the haversine formula. */
function distanceKm(lat: number, lon: number): SQL<number> {
  const phi = sql`radians(${collectionPoint.latitude})`
  const phi0 = sql`radians(${lat}::double precision)`
  const dPhi = sql`radians(${collectionPoint.latitude} - ${lat}::double precision)`
  const dLambda = sql`radians(${collectionPoint.longitude} - ${lon}::double precision)`
  // least(1, …) keeps rounding from handing asin a value just above 1 for antipodal points.
  return sql<number>`(2 * ${EARTH_RADIUS_KM}::double precision * asin(least(1, sqrt(
    power(sin(${dPhi} / 2), 2) + cos(${phi0}) * cos(${phi}) * power(sin(${dLambda} / 2), 2)))))`
}

const columns = (distance: SQL<number> | null) => ({
  id: collectionPoint.id,
  name: collectionPoint.name,
  unitName: unitRef.name,
  address: collectionPoint.address,
  divisionCode: collectionPoint.divisionCode,
  divisionName: divisionRef.name,
  latitude: collectionPoint.latitude,
  longitude: collectionPoint.longitude,
  phone: collectionPoint.phone,
  hours: collectionPoint.hours,
  notes: collectionPoint.notes,
  distanceKm: distance ?? sql<null>`null`,
})

function query(ctx: Ctx, distance: SQL<number> | null, where: (SQL | undefined)[]) {
  return ctx.db
    .select(columns(distance))
    .from(collectionPoint)
    .innerJoin(unitRef, eq(unitRef.id, collectionPoint.unitId))
    .innerJoin(divisionRef, eq(divisionRef.code, collectionPoint.divisionCode))
    .where(and(eq(collectionPoint.active, true), ...where))
}

const rounded = (rows: PublicCollectionPointView[]) =>
  rows.map((r) => ({ ...r, distanceKm: r.distanceKm === null ? null : Math.round(Number(r.distanceKm) * 1000) / 1000 }))

/**
 * The `limit` active points nearest to (lat, lon), nearest first, with their distance in km. Each round
 * prefilters by a bounding box (an index range) and keeps only points within the box's radius, where
 * no point outside the box can be nearer; the radius grows until `limit` points are found.
 */
async function findNearest(ctx: Ctx, lat: number, lon: number, limit: number): Promise<PublicCollectionPointView[]> {
  const distance = distanceKm(lat, lon)
  for (const radius of RADII_KM) {
    const where: SQL[] = []
    if (Number.isFinite(radius)) {
      const box = boundingBox(lat, lon, radius)
      where.push(between(collectionPoint.latitude, box.minLatitude, box.maxLatitude), lte(distance, radius))
      if (box.minLongitude !== null && box.maxLongitude !== null) {
        where.push(between(collectionPoint.longitude, box.minLongitude, box.maxLongitude))
      }
    }
    const rows = await query(ctx, distance, where).orderBy(asc(distance), asc(collectionPoint.id)).limit(limit)
    if (rows.length === limit || !Number.isFinite(radius)) return rounded(rows)
  }
  return []
}

/** The active points of a province, city or county (by code prefix): nearest first given a location, else by division and name. */
async function findInDivision(ctx: Ctx, division: string, lat?: number, lon?: number): Promise<PublicCollectionPointView[]> {
  const distance = lat !== undefined && lon !== undefined ? distanceKm(lat, lon) : null
  const order = distance ? [asc(distance), asc(collectionPoint.id)] : [asc(collectionPoint.divisionCode), asc(collectionPoint.name)]
  const rows = await query(ctx, distance, [like(collectionPoint.divisionCode, `${jurisdictionPrefix(division)}%`)])
    .orderBy(...order)
    .limit(DIVISION_LIMIT)
  return rounded(rows)
}

/** Public search: by division when one is given, otherwise the nearest to lat/lon. Needs no sign-in. */
export async function searchPublicCollectionPoints(ctx: Ctx, q: PublicCollectionPointQuery): Promise<PublicCollectionPointView[]> {
  if ((q.lat === undefined) !== (q.lon === undefined)) {
    throw invalid('collection_point.search_needs_place', 'give both lat and lon', [
      { path: q.lat === undefined ? '/querystring/lat' : '/querystring/lon', message: 'required with the other coordinate' },
    ])
  }
  if (q.division) return findInDivision(ctx, q.division, q.lat, q.lon)
  if (q.lat === undefined || q.lon === undefined) {
    throw invalid('collection_point.search_needs_place', 'give lat and lon, or a division', [
      { path: '/querystring/division', message: 'give lat and lon, or a division' },
    ])
  }
  return findNearest(ctx, q.lat, q.lon, q.limit ?? 10)
}
