import { formatCapDateTime } from './time.ts'
import type { CapReference } from './types.ts'

// CAP 1.2 §3.2.1: identifier and sender "MUST NOT include spaces, commas or restricted characters (< and &)".
const CAP_TOKEN = /^[^\s,<&]+$/u

export const isCapToken = (value: string): boolean => CAP_TOKEN.test(value)

/** Drops trailing zeros and never prints "-0", so the same point is always spelt the same way. */
function formatDecimal(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)) + 0)
}

/**
 * A CAP circle, "lat,lon radius" in WGS 84 degrees and kilometres. Four decimals put the centre within 6 m,
 * far below what a radius of kilometres resolves; the radius is rounded up to 0.1 km so that the published
 * area never shrinks below the one the approver chose.
 */
export function formatCircle(center: { lat: number; lon: number }, radiusKm: number): string {
  // The epsilon keeps float noise (0.3 * 10 = 3.0000000000000004) from bumping a round radius up.
  const radius = Math.ceil(radiusKm * 10 - 1e-9) / 10
  return `${formatDecimal(center.lat, 4)},${formatDecimal(center.lon, 4)} ${formatDecimal(radius, 1)}`
}

/** The radius as printed in the circle, for area descriptions that must agree with it. */
export function displayRadiusKm(radiusKm: number): string {
  return formatCircle({ lat: 0, lon: 0 }, radiusKm).split(' ')[1]
}

/** CAP `references`: whitespace-separated "sender,identifier,sent" triples, each earlier message once. */
export function formatReferences(references: readonly CapReference[]): string {
  const triples = references.map((r) => `${r.sender},${r.identifier},${formatCapDateTime(r.sent)}`)
  return [...new Set(triples)].join(' ')
}

const PHOTO_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
}

/**
 * The MIME type CAP's `resource` requires, read from the photo URL's extension; an unknown extension gets
 * the generic octet-stream rather than a guess that could be wrong.
 */
export function photoMimeType(photoUrl: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(photoUrl).pathname)?.[1]?.toLowerCase()
  return (extension && PHOTO_TYPES[extension]) || 'application/octet-stream'
}
