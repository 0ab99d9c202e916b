import { cellToBoundary, latLngToCell } from 'h3-js'
import { describe, expect, it } from 'vitest'
import { fromE7, haversineKm, toE7 } from './geo.ts'
import { SubscriberIndex, type Subscriber } from './spatial-index.ts'
import { seededRandom } from './testing/random.ts'

/** The definition: every subscriber tested with haversineKm, sorted ids. */
function bruteForce(subscribers: Iterable<Subscriber>, lat: number, lon: number, radiusKm: number): number[] {
  const ids: number[] = []
  for (const s of subscribers) if (haversineKm(lat, lon, s.lat, s.lon) <= radiusKm) ids.push(s.id)
  return ids.sort((a, b) => a - b)
}

const sorted = (ids: Uint32Array) => Array.from(ids).sort((a, b) => a - b)
/** Positions on the index's 1e-7° grid, so that the brute force sees exactly what the index stores. */
const onGrid = (degrees: number) => fromE7(toE7(degrees))

/**
 * Subscribers around a few cities, a uniform background, and some sitting exactly on H3 cell corners (the
 * boundary between cells at the resolution under test and its neighbours) or a few metres from them.
 */
function population(count: number, resolution: number, seed: number): Subscriber[] {
  const random = seededRandom(seed)
  const cities = [
    [31.23, 121.47],
    [39.9, 116.41],
    [30.57, 104.07],
    [23.13, 113.26],
  ]
  const subscribers: Subscriber[] = []
  for (let id = 0; id < count; id++) {
    const kind = random()
    let lat: number
    let lon: number
    if (kind < 0.6) {
      const [cLat, cLon] = cities[Math.floor(random() * cities.length)]
      lat = cLat + (random() - 0.5) * 3
      lon = cLon + (random() - 0.5) * 3
    } else if (kind < 0.8) {
      lat = 18 + random() * 35
      lon = 74 + random() * 60
    } else {
      const near = subscribers[Math.floor(random() * subscribers.length)] ?? { lat: 31, lon: 121 }
      const corners = cellToBoundary(latLngToCell(near.lat, near.lon, resolution))
      ;[lat, lon] = corners[Math.floor(random() * corners.length)]
      if (kind > 0.9) {
        lat += (random() - 0.5) * 1e-4
        lon += (random() - 0.5) * 1e-4
      }
    }
    subscribers.push({ id, lat: onGrid(lat), lon: onGrid(lon) })
  }
  return subscribers
}

/** Centres and radii that stress the proof: cell corners, circles through a subscriber, tiny and large ones. */
function circles(subscribers: Subscriber[], resolution: number, seed: number): [number, number, number][] {
  const random = seededRandom(seed)
  const pick = () => subscribers[Math.floor(random() * subscribers.length)]
  const result: [number, number, number][] = []
  for (let k = 0; k < 25; k++) {
    const a = pick()
    const b = pick()
    const corners = cellToBoundary(latLngToCell(a.lat, a.lon, resolution))
    const corner = corners[k % corners.length]
    result.push([a.lat, a.lon, random() * 20])
    result.push([a.lat + (random() - 0.5), a.lon + (random() - 0.5), 50 + random() * 450])
    result.push([a.lat, a.lon, 500])
    result.push([corner[0], corner[1], haversineKm(corner[0], corner[1], b.lat, b.lon)])
    result.push([a.lat, a.lon, haversineKm(a.lat, a.lon, b.lat, b.lon)])
    result.push([a.lat, a.lon, 0])
  }
  return result
}

describe('SubscriberIndex.selectWithin', () => {
  for (const resolution of [3, 4, 5]) {
    it(`returns exactly the brute-force set at H3 resolution ${resolution}`, () => {
      const subscribers = population(20_000, resolution, resolution)
      const index = SubscriberIndex.build(subscribers, { resolution })
      expect(index.size).toBe(20_000)
      let nonEmpty = 0
      for (const [lat, lon, radiusKm] of circles(subscribers, resolution, 100 + resolution)) {
        const expected = bruteForce(subscribers, lat, lon, radiusKm)
        expect(sorted(index.selectWithin(lat, lon, radiusKm)), `${lat}, ${lon}, ${radiusKm} km`).toEqual(expected)
        if (expected.length > 0) nonEmpty++
      }
      expect(nonEmpty).toBeGreaterThan(100)
    })
  }

  it('includes a subscriber exactly on the boundary and leaves it out of a circle a micrometre smaller', () => {
    const subscribers = [
      { id: 1, lat: 31.2304, lon: 121.4737 },
      { id: 2, lat: 31.2304, lon: 126.7 },
    ]
    const index = SubscriberIndex.build(subscribers)
    const d = haversineKm(31.2304, 121.4737, 31.2304, 126.7)
    expect(sorted(index.selectWithin(31.2304, 121.4737, d))).toEqual([1, 2])
    expect(sorted(index.selectWithin(31.2304, 121.4737, d - 1e-9))).toEqual([1])
  })

  it('answers an empty index and a circle far from everyone with nothing', () => {
    expect(new SubscriberIndex().selectWithin(30, 120, 500)).toHaveLength(0)
    const index = SubscriberIndex.build(population(1000, 5, 1))
    expect(index.selectWithin(-40, -60, 500)).toHaveLength(0)
  })
})

describe('SubscriberIndex add and remove', () => {
  for (const compactEvery of [50, 1_000_000]) {
    it(`matches brute force through churn (compacting every ${compactEvery} changes)`, () => {
      const random = seededRandom(compactEvery)
      const initial = population(5000, 5, 11)
      const live = new Map(initial.map((s) => [s.id, s]))
      const index = SubscriberIndex.build(initial, { compactAfter: () => compactEvery })
      const joining = population(4000, 5, 12).map((s) => ({ ...s, id: s.id + 10_000 }))
      for (let round = 0; round < 8; round++) {
        for (let k = 0; k < 500; k++) {
          const ids = [...live.keys()]
          const leaving = live.get(ids[Math.floor(random() * ids.length)])!
          expect(index.remove(leaving)).toBe(true)
          live.delete(leaving.id)
          const newcomer = joining[round * 500 + k]
          index.add(newcomer)
          live.set(newcomer.id, newcomer)
        }
        expect(index.size).toBe(live.size)
        const centre = initial[Math.floor(random() * initial.length)]
        for (const radiusKm of [5, 120, 500]) {
          expect(sorted(index.selectWithin(centre.lat, centre.lon, radiusKm))).toEqual(
            bruteForce(live.values(), centre.lat, centre.lon, radiusKm),
          )
        }
      }
      index.compact()
      expect(sorted(index.selectWithin(31.23, 121.47, 3000))).toEqual(bruteForce(live.values(), 31.23, 121.47, 3000))
    })
  }

  it('removes only the subscriber added with that id and location, once', () => {
    const index = SubscriberIndex.build([
      { id: 7, lat: 30.5, lon: 114.3 },
      { id: 8, lat: 30.5, lon: 114.3 },
    ])
    expect(index.remove({ id: 7, lat: 30.6, lon: 114.3 })).toBe(false)
    expect(index.remove({ id: 9, lat: 30.5, lon: 114.3 })).toBe(false)
    expect(index.remove({ id: 7, lat: 30.5, lon: 114.3 })).toBe(true)
    expect(index.remove({ id: 7, lat: 30.5, lon: 114.3 })).toBe(false)
    expect(sorted(index.selectWithin(30.5, 114.3, 1))).toEqual([8])
    index.add({ id: 7, lat: 30.5, lon: 114.3 })
    expect(sorted(index.selectWithin(30.5, 114.3, 1))).toEqual([7, 8])
    expect(index.remove({ id: 7, lat: 30.5, lon: 114.3 })).toBe(true)
    expect(index.size).toBe(1)
  })

  it('refuses ids that are not 32-bit unsigned integers and positions off the globe', () => {
    const index = new SubscriberIndex()
    expect(() => index.add({ id: -1, lat: 30, lon: 120 })).toThrow(RangeError)
    expect(() => index.add({ id: 2 ** 32, lat: 30, lon: 120 })).toThrow(RangeError)
    expect(() => index.add({ id: 1, lat: 95, lon: 120 })).toThrow(RangeError)
    expect(() => new SubscriberIndex({ resolution: 9 })).toThrow(RangeError)
  })
})
