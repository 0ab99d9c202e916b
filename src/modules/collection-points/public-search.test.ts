import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { anonymous } from '../../platform/auth/actor.ts'
import { makeUnit } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import { boundingBox, EARTH_RADIUS_KM, searchPublicCollectionPoints } from './public-search.ts'
import { deactivateCollectionPoint } from './service.ts'
import { makeCollectionPoint } from './testing.ts'

let t: TestPlatform
const units: Record<string, UnitView> = {}
const ids: Record<string, string> = {}
const rad = (degrees: number) => (degrees * Math.PI) / 180

// The searcher stands at 22.5°N 114.0°E. Distances worked out by hand from the haversine formula:
// along a meridian d = R·Δφ; along a parallel d = 2R·asin(cos φ · sin(Δλ/2)).
const HERE = { lat: 22.5, lon: 114.0 }
const NORTH_0_1 = EARTH_RADIUS_KM * rad(0.1) // 22.6°N 114.0°E: 11.1195 km
const EAST_0_2 = 2 * EARTH_RADIUS_KM * Math.asin(Math.cos(rad(22.5)) * Math.sin(rad(0.1))) // 22.5°N 114.2°E: 20.5462 km
const SOUTH_0_2 = EARTH_RADIUS_KM * rad(0.2) // 22.3°N 114.0°E: 22.2390 km
const CHENGDU = 1340.6129 // 30.6°N 104.0°E, by the full formula

beforeAll(async () => {
  t = await testPlatform()
  const ctx = t.ctx()
  units.nation = await makeUnit(ctx, { divisionCode: '000000' })
  units.sz = await makeUnit(ctx, { divisionCode: '440300', parentId: units.nation.id })
  units.futian = await makeUnit(ctx, { divisionCode: '440304', parentId: units.sz.id })
  units.nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: units.sz.id })
  units.wuhou = await makeUnit(ctx, { divisionCode: '510107', parentId: units.nation.id })
  const place = async (key: string, unit: UnitView, latitude: number, longitude: number) => {
    ids[key] = (await makeCollectionPoint(ctx, unit, { name: key, latitude, longitude })).id
  }
  // Created out of order, so that the answer's order comes from the distances.
  await place('south', units.nanshan, 22.3, 114.0)
  await place('chengdu', units.wuhou, 30.6, 104.0)
  await place('north', units.futian, 22.6, 114.0)
  await place('east', units.futian, 22.5, 114.2)
  await place('closed', units.futian, 22.51, 114.0)
  await deactivateCollectionPoint(ctx, ids.closed)
})
afterAll(() => t?.close())

const publicCtx = () => t.ctx(anonymous)

describe('nearest points', () => {
  it('orders active points by the haversine distance, without signing in', async () => {
    const found = await searchPublicCollectionPoints(publicCtx(), { ...HERE, limit: 4 })
    expect(found.map((p) => p.name)).toEqual(['north', 'east', 'south', 'chengdu'])
    const distances = found.map((p) => p.distanceKm!)
    expect(distances[0]).toBeCloseTo(NORTH_0_1, 3)
    expect(distances[1]).toBeCloseTo(EAST_0_2, 3)
    expect(distances[2]).toBeCloseTo(SOUTH_0_2, 3)
    expect(distances[3]).toBeCloseTo(CHENGDU, 2)
    expect(found[0]).toMatchObject({ unitName: units.futian.name, divisionName: '福田区', latitude: 22.6, longitude: 114 })
  })

  it('stops at the limit, and widens the box only as far as needed', async () => {
    expect((await searchPublicCollectionPoints(publicCtx(), { ...HERE, limit: 2 })).map((p) => p.name)).toEqual(['north', 'east'])
    // From Chengdu the next point is over 1 300 km away (north 1 332.87, east 1 355.38, south 1 356.24 by
    // the full formula): found only by widening the box, and still in order.
    const fromChengdu = await searchPublicCollectionPoints(publicCtx(), { lat: 30.6, lon: 104.0, limit: 3 })
    expect(fromChengdu.map((p) => p.name)).toEqual(['chengdu', 'north', 'east'])
    expect(fromChengdu.map((p) => p.distanceKm)).toEqual([0, 1332.869, 1355.381])
  })

  it('never returns a deactivated point', async () => {
    const all = await searchPublicCollectionPoints(publicCtx(), { ...HERE, limit: 50 })
    expect(all.map((p) => p.id)).not.toContain(ids.closed)
    expect(all).toHaveLength(4)
  })

  it('needs both coordinates or a division', async () => {
    await expect(searchPublicCollectionPoints(publicCtx(), { lat: 22.5 })).rejects.toMatchObject({
      code: 'collection_point.search_needs_place',
    })
    await expect(searchPublicCollectionPoints(publicCtx(), {})).rejects.toMatchObject({ code: 'collection_point.search_needs_place' })
  })
})

describe('points in a division', () => {
  it('finds a county’s, a city’s and a province’s points by code prefix', async () => {
    const names = async (division: string) => (await searchPublicCollectionPoints(publicCtx(), { division })).map((p) => p.name)
    expect(await names('440304')).toEqual(['east', 'north'])
    expect((await names('440300')).sort()).toEqual(['east', 'north', 'south'])
    expect((await names('440000')).sort()).toEqual(['east', 'north', 'south'])
    expect(await names('510000')).toEqual(['chengdu'])
    expect(await names('110000')).toEqual([])
  })

  it('orders them by distance when a location is given too', async () => {
    const found = await searchPublicCollectionPoints(publicCtx(), { division: '440300', ...HERE })
    expect(found.map((p) => p.name)).toEqual(['north', 'east', 'south'])
    expect(found[0].distanceKm).toBeCloseTo(NORTH_0_1, 3)
  })
})

describe('bounding box', () => {
  it('holds the whole circle, taking the width at the edge farthest from the equator', () => {
    const box = boundingBox(45, 100, 111.19508)
    expect(box.minLatitude).toBeCloseTo(44, 4)
    expect(box.maxLatitude).toBeCloseTo(46, 4)
    // At 46°N a degree of longitude is 111.195·cos 46° km.
    expect(box.maxLongitude! - 100).toBeCloseTo(1 / Math.cos(rad(46)), 4)
    expect(boundingBox(89.5, 0, 200)).toMatchObject({ maxLatitude: 90, minLongitude: null })
  })
})
