import { describe, expect, it } from 'vitest'
import { Circle, EARTH_RADIUS_KM, haversineKm, toE7, fromE7 } from './geo.ts'
import { seededRandom } from './testing/random.ts'

/** The largest double below x (x > 0). */
function nextDown(x: number): number {
  const f = new Float64Array([x])
  new BigInt64Array(f.buffer)[0] -= 1n
  return f[0]
}

/** The spherical law of cosines: another formula for the same distance, to check haversineKm against. */
function lawOfCosinesKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180
  const c = Math.sin(lat1 * r) * Math.sin(lat2 * r) + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lon2 - lon1) * r)
  return EARTH_RADIUS_KM * Math.acos(Math.min(1, c))
}

describe('haversineKm', () => {
  it('gives 111.19508 km for one degree along a meridian and along the equator, also across 180°', () => {
    // π/180 × 6371.0088 km = 111.195080 km
    expect(haversineKm(30, 110, 31, 110)).toBeCloseTo(111.19508, 5)
    expect(haversineKm(0, 179.5, 0, -179.5)).toBeCloseTo(111.19508, 5)
  })

  it('agrees with the law of cosines between Chinese cities (Beijing–Shanghai about 1068 km)', () => {
    const km = haversineKm(39.9042, 116.4074, 31.2304, 121.4737)
    expect(km).toBeGreaterThan(1060)
    expect(km).toBeLessThan(1075)
    expect(km).toBeCloseTo(lawOfCosinesKm(39.9042, 116.4074, 31.2304, 121.4737), 6)
    expect(haversineKm(43.83, 87.62, 22.54, 114.06)).toBeCloseTo(lawOfCosinesKm(43.83, 87.62, 22.54, 114.06), 6)
  })

  it('stores positions to 1e-7°, about a centimetre', () => {
    expect(fromE7(toE7(31.230416789))).toBe(31.2304168)
    expect(haversineKm(31.230416789, 121.4737, fromE7(toE7(31.230416789)), 121.4737) * 1e5).toBeLessThan(1)
  })
})

describe('Circle.contains', () => {
  it('is exactly haversineKm <= radius, including points exactly on the boundary', () => {
    const random = seededRandom(3)
    for (let k = 0; k < 20_000; k++) {
      const lat = 15 + random() * 40
      const lon = 75 + random() * 60
      const pLat = lat + (random() - 0.5) * 10
      const pLon = lon + (random() - 0.5) * 10
      const onBoundary = haversineKm(lat, lon, pLat, pLon)
      expect(new Circle(lat, lon, onBoundary).contains(pLat, pLon)).toBe(true)
      expect(new Circle(lat, lon, nextDown(onBoundary)).contains(pLat, pLon)).toBe(false)
      const radius = random() * 600
      expect(new Circle(lat, lon, radius).contains(pLat, pLon)).toBe(haversineKm(lat, lon, pLat, pLon) <= radius)
    }
  })

  it('refuses a radius outside 0–10 000 km and positions off the globe', () => {
    expect(() => new Circle(30, 120, -1)).toThrow(RangeError)
    expect(() => new Circle(30, 120, Number.NaN)).toThrow(RangeError)
    expect(() => new Circle(91, 120, 10)).toThrow(RangeError)
    expect(new Circle(30, 120, 0).contains(30, 120)).toBe(true)
  })
})
