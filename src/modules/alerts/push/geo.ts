// Distances for Web Push recipient selection. One function, `haversineKm`, defines "inside the radius"; the
// index and every brute-force check call the same arithmetic, so both give the same answer to the last bit.

/** Mean Earth radius (IUGG R1), in km. */
export const EARTH_RADIUS_KM = 6371.0088

/** The largest radius a selection accepts: beyond a quarter of the globe "inside" stops meaning anything useful. */
export const MAX_RADIUS_KM = 10_000

const RAD = Math.PI / 180

/**
 * Degrees to the index's fixed point, 1e-7° (about 1 cm). A subscriber's location is this rounded value from
 * the moment it enters the index; every distance is measured from `fromE7` of it.
 */
export function toE7(degrees: number): number {
  return Math.round(degrees * 1e7)
}

export function fromE7(e7: number): number {
  return e7 / 1e7
}

/** Throws unless (lat, lon) is a finite WGS-84 position. */
export function assertPosition(lat: number, lon: number): void {
  if (!(Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
    throw new RangeError(`not a position: ${lat}, ${lon}`)
  }
}

function kmFrom(phi1: number, cosPhi1: number, lambda1: number, lat2: number, lon2: number): number {
  const phi2 = lat2 * RAD
  const sinHalfDPhi = Math.sin((phi2 - phi1) / 2)
  const sinHalfDLambda = Math.sin((lon2 * RAD - lambda1) / 2)
  const h = sinHalfDPhi * sinHalfDPhi + cosPhi1 * Math.cos(phi2) * sinHalfDLambda * sinHalfDLambda
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Great-circle distance in km by the haversine formula on a sphere of radius EARTH_RADIUS_KM. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const phi1 = lat1 * RAD
  return kmFrom(phi1, Math.cos(phi1), lon1 * RAD, lat2, lon2)
}

/**
 * A circle on the sphere, prepared for testing many points: `contains(lat, lon)` is exactly
 * `haversineKm(centre, point) <= radiusKm` (inclusive, float64, no tolerance), only faster.
 */
export class Circle {
  readonly lat: number
  readonly lon: number
  readonly radiusKm: number
  private readonly phi: number
  private readonly cosPhi: number
  private readonly lambda: number
  // The haversine term h grows with distance, so h well below (above) the radius's own h is inside (outside)
  // without the square root and arcsine; only the band between them is decided by the full formula. The band
  // (±1e-9 relative) is millions of times wider than float64 rounding, so the shortcut never disagrees.
  private readonly hSurelyIn: number
  private readonly hSurelyOut: number

  constructor(lat: number, lon: number, radiusKm: number) {
    assertPosition(lat, lon)
    if (!(radiusKm >= 0 && radiusKm <= MAX_RADIUS_KM)) throw new RangeError(`radius must be 0–${MAX_RADIUS_KM} km, got ${radiusKm}`)
    this.lat = lat
    this.lon = lon
    this.radiusKm = radiusKm
    this.phi = lat * RAD
    this.cosPhi = Math.cos(this.phi)
    this.lambda = lon * RAD
    const hRadius = Math.sin(radiusKm / (2 * EARTH_RADIUS_KM)) ** 2
    this.hSurelyIn = hRadius * (1 - 1e-9)
    this.hSurelyOut = hRadius * (1 + 1e-9)
  }

  /** Distance from the centre, the same value haversineKm(centre, point) gives. */
  distanceKm(lat: number, lon: number): number {
    return kmFrom(this.phi, this.cosPhi, this.lambda, lat, lon)
  }

  contains(lat: number, lon: number): boolean {
    const phi2 = lat * RAD
    const sinHalfDPhi = Math.sin((phi2 - this.phi) / 2)
    const sinHalfDLambda = Math.sin((lon * RAD - this.lambda) / 2)
    const h = sinHalfDPhi * sinHalfDPhi + this.cosPhi * Math.cos(phi2) * sinHalfDLambda * sinHalfDLambda
    if (h < this.hSurelyIn) return true
    if (h > this.hSurelyOut) return false
    return kmFrom(this.phi, this.cosPhi, this.lambda, lat, lon) <= this.radiusKm
  }
}
