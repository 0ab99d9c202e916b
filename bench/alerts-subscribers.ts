// Web Push recipient selection (issue 5): N synthetic subscribers over China, 500 km circles around cities,
// the spatial index against a brute-force great-circle scan of the same points in the same run. One JSON line
// per figure; throws if any selection differs from the brute force by a single id.
//
// The generator: 80 % of the subscribers are drawn around 40 provincial capitals and large cities, each city
// weighted by its urban population (millions, rounded) with a Gaussian spread σ = 12 + 10·√population km; 20 %
// fall uniformly in China's bounding box (73.5–135.1° E, 18.2–53.6° N, so some land in neighbouring countries
// and at sea: a harsher test, not a map). Seeded, so every run draws the same points. Coordinates are on the
// index's 1e-7° grid.
//
// BENCH_SUBSCRIBERS (default 10 000 000), BENCH_RESOLUTION (default the index's), BENCH_QUERIES_PER_CITY (20).
import v8 from 'node:v8'
import vm from 'node:vm'
import { EARTH_RADIUS_KM, fromE7, haversineKm } from '../src/modules/alerts/push/geo.ts'
import { seededRandom } from '../src/modules/alerts/push/testing/random.ts'
import type { PointColumns } from '../src/modules/alerts/push/point-buffer.ts'
import { DEFAULT_RESOLUTION, SubscriberIndex, type SelectionTrace } from '../src/modules/alerts/push/spatial-index.ts'

// [name, lat, lon, urban population in millions]
const CITIES: [string, number, number, number][] = [
  ['Shanghai', 31.23, 121.47, 25],
  ['Beijing', 39.9, 116.41, 22],
  ['Chongqing', 29.56, 106.55, 17],
  ['Guangzhou', 23.13, 113.26, 19],
  ['Shenzhen', 22.54, 114.06, 18],
  ['Chengdu', 30.57, 104.07, 17],
  ['Tianjin', 39.13, 117.2, 12],
  ['Wuhan', 30.59, 114.31, 12],
  ['Xi’an', 34.34, 108.94, 11],
  ['Hangzhou', 30.27, 120.16, 11],
  ['Zhengzhou', 34.75, 113.63, 10],
  ['Suzhou', 31.3, 120.62, 10],
  ['Dongguan', 23.02, 113.75, 10],
  ['Nanjing', 32.06, 118.8, 9],
  ['Shenyang', 41.81, 123.43, 8],
  ['Foshan', 23.02, 113.12, 9],
  ['Harbin', 45.8, 126.53, 7],
  ['Changsha', 28.23, 112.94, 8],
  ['Jinan', 36.65, 117.12, 8],
  ['Qingdao', 36.07, 120.38, 8],
  ['Hefei', 31.82, 117.23, 8],
  ['Shijiazhuang', 38.04, 114.51, 7],
  ['Changchun', 43.82, 125.32, 6],
  ['Kunming', 25.04, 102.71, 6],
  ['Fuzhou', 26.07, 119.3, 6],
  ['Nanning', 22.82, 108.32, 6],
  ['Ningbo', 29.87, 121.55, 7],
  ['Wenzhou', 28.0, 120.67, 6],
  ['Dalian', 38.91, 121.61, 6],
  ['Xiamen', 24.48, 118.09, 5],
  ['Nanchang', 28.68, 115.86, 5],
  ['Guiyang', 26.65, 106.63, 5],
  ['Taiyuan', 37.87, 112.55, 5],
  ['Urumqi', 43.83, 87.62, 4],
  ['Lanzhou', 36.06, 103.83, 4],
  ['Hohhot', 40.84, 111.75, 3],
  ['Haikou', 20.04, 110.2, 3],
  ['Yinchuan', 38.49, 106.23, 2],
  ['Xining', 36.62, 101.78, 2],
  ['Lhasa', 29.65, 91.14, 1],
]
const QUERY_CITIES = ['Beijing', 'Shanghai', 'Guangzhou', 'Chengdu', 'Wuhan', 'Xi’an', 'Harbin', 'Kunming', 'Urumqi', 'Lhasa']
const BOX = { south: 18.2, north: 53.6, west: 73.5, east: 135.1 }
const CITY_SHARE = 0.8
const RADIUS_KM = 500
const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM

export interface BenchFigure {
  bench: 'alerts'
  metric: string
  value: number
  unit: string
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

/** N subscribers as the index's columns (ids 0 … N−1); see the generator described at the top. */
export function syntheticSubscribers(count: number, seed = 20260501): PointColumns {
  const random = seededRandom(seed)
  const ids = new Uint32Array(count)
  const latE7 = new Int32Array(count)
  const lonE7 = new Int32Array(count)
  const totalWeight = CITIES.reduce((sum, c) => sum + c[3], 0)
  const cumulative = CITIES.map((_, i) => CITIES.slice(0, i + 1).reduce((sum, c) => sum + c[3], 0) / totalWeight)
  for (let i = 0; i < count; i++) {
    let lat: number
    let lon: number
    if (random() < CITY_SHARE) {
      const pick = random()
      const [, cLat, cLon, population] = CITIES[cumulative.findIndex((c) => pick <= c)]
      const sigmaKm = 12 + 10 * Math.sqrt(population)
      lat = Math.max(-90, Math.min(90, cLat + (gaussian(random) * sigmaKm) / KM_PER_DEGREE))
      lon = cLon + (gaussian(random) * sigmaKm) / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180))
    } else {
      lat = BOX.south + random() * (BOX.north - BOX.south)
      lon = BOX.west + random() * (BOX.east - BOX.west)
    }
    ids[i] = i
    latE7[i] = Math.round(lat * 1e7)
    lonE7[i] = Math.round(lon * 1e7)
  }
  return { ids, latE7, lonE7, count }
}

/** Every id within the radius, by testing every subscriber: the definition the index must match. */
function bruteForce(points: PointColumns, lat: number, lon: number, radiusKm: number, removed?: Uint8Array): Uint32Array {
  const found: number[] = []
  for (let i = 0; i < points.count; i++) {
    if (removed?.[i]) continue
    if (haversineKm(lat, lon, fromE7(points.latE7[i]), fromE7(points.lonE7[i])) <= radiusKm) found.push(points.ids[i])
  }
  return Uint32Array.from(found)
}

function sameSet(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false
  const x = Uint32Array.from(a).sort()
  const y = Uint32Array.from(b).sort()
  return x.every((v, i) => v === y[i])
}

const collectGarbage = (() => {
  if (!globalThis.gc) v8.setFlagsFromString('--expose-gc')
  return (globalThis.gc ?? vm.runInNewContext('gc')) as () => void
})()

function memoryInUse(): number {
  collectGarbage()
  collectGarbage()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
const cityCentre = (name: string) => CITIES.find((c) => c[0] === name)!

/**
 * Builds the index over `count` synthetic subscribers and measures it: build time, memory, selection times for
 * 500 km circles against a brute-force scan, and the cost of compacting after churn. Throws on any difference.
 */
export function runSubscriberBench(
  count: number,
  options: { resolution?: number; queriesPerCity?: number; print?: boolean } = {},
): BenchFigure[] {
  const figures: BenchFigure[] = []
  const emit = (metric: string, value: number, unit: string) => {
    const figure: BenchFigure = { bench: 'alerts', metric: `subscribers.${metric}`, value: Math.round(value * 1000) / 1000, unit }
    figures.push(figure)
    if (options.print !== false) process.stdout.write(`${JSON.stringify(figure)}\n`)
  }
  const resolution = options.resolution ?? DEFAULT_RESOLUTION
  const points = syntheticSubscribers(count)
  emit('count', count, 'subscribers')
  emit('h3_resolution', resolution, 'resolution')

  const before = memoryInUse()
  let started = performance.now()
  const index = SubscriberIndex.fromColumns(points, { resolution })
  emit('build_time', (performance.now() - started) / 1000, 's')
  const held = memoryInUse() - before
  emit('memory_per_subscriber', held / count, 'bytes')
  emit('index_arrays_per_subscriber', index.byteLength / count, 'bytes')
  emit('cells', index.cellCount, 'cells')

  measureSelections(index, points, options.queriesPerCity ?? 20, emit)

  // Churn: 1 % leave, 1 % join (near the same cities), then one compaction and a check that nothing was lost.
  const churn = Math.max(1, Math.floor(count / 100))
  const removed = new Uint8Array(count)
  const random = seededRandom(7)
  started = performance.now()
  for (let k = 0; k < churn; k++) {
    const i = Math.floor(random() * count)
    if (removed[i]) continue
    removed[i] = 1
    index.remove({ id: points.ids[i], lat: fromE7(points.latE7[i]), lon: fromE7(points.lonE7[i]) })
  }
  const joining = syntheticSubscribers(churn, 99)
  for (let k = 0; k < churn; k++) {
    joining.ids[k] = count + k
    index.add({ id: joining.ids[k], lat: fromE7(joining.latE7[k]), lon: fromE7(joining.lonE7[k]) })
  }
  emit('churn_2pct_with_compactions', performance.now() - started, 'ms')
  started = performance.now()
  index.compact()
  emit('compaction', performance.now() - started, 'ms')
  const [, lat, lon] = cityCentre('Shanghai')
  const expected = new Uint32Array([...bruteForce(points, lat, lon, RADIUS_KM, removed), ...bruteForce(joining, lat, lon, RADIUS_KM)])
  if (!sameSet(index.selectWithin(lat, lon, RADIUS_KM), expected)) throw new Error('after churn the index differs from brute force')
  emit('same_set_after_churn', 1, 'boolean')
  return figures
}

/** 500 km circles around each query city, the city centre first, then shifted up to ±0.3°. */
function queryCircles(perCity: number): { name: string; lat: number; lon: number }[] {
  const random = seededRandom(42)
  return QUERY_CITIES.flatMap((name) => {
    const [, lat, lon] = cityCentre(name)
    return Array.from({ length: perCity }, (_, q) =>
      q === 0 ? { name, lat, lon } : { name, lat: lat + (random() - 0.5) * 0.6, lon: lon + (random() - 0.5) * 0.6 },
    )
  })
}

// Timings first, on their own, then the brute-force comparison (whose garbage would otherwise land in the
// timings as collector pauses).
function measureSelections(index: SubscriberIndex, points: PointColumns, perCity: number, emit: (m: string, v: number, u: string) => void) {
  const circles = queryCircles(perCity)
  const times: number[] = []
  const sizes: number[] = []
  const tested: number[] = []
  for (const { lat, lon } of circles.slice(0, 10)) index.selectWithin(lat, lon, RADIUS_KM) // warm-up
  for (const { lat, lon } of circles) {
    const trace: SelectionTrace = { groupsWhole: 0, groupsSplit: 0, cellsWhole: 0, cellsTested: 0, pointsTested: 0 }
    const started = performance.now()
    const selected = index.selectWithin(lat, lon, RADIUS_KM, trace)
    times.push(performance.now() - started)
    sizes.push(selected.length)
    tested.push(trace.pointsTested)
  }
  const bruteTimes: number[] = []
  const checkedCircles = circles.filter((_, i) => i % perCity < 2)
  for (const { name, lat, lon } of checkedCircles) {
    const started = performance.now()
    const expected = bruteForce(points, lat, lon, RADIUS_KM)
    bruteTimes.push(performance.now() - started)
    const selected = index.selectWithin(lat, lon, RADIUS_KM)
    if (!sameSet(selected, expected)) {
      throw new Error(`index and brute force differ around ${name} (${lat}, ${lon}): ${selected.length} vs ${expected.length}`)
    }
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
  const t = sorted(times)
  emit('select_500km_median', quantile(t, 0.5), 'ms')
  emit('select_500km_p99', quantile(t, 0.99), 'ms')
  emit('select_500km_max', t[t.length - 1], 'ms')
  emit('selected_median', quantile(sorted(sizes), 0.5), 'subscribers')
  emit('selected_max', Math.max(...sizes), 'subscribers')
  emit('tested_one_by_one_median', quantile(sorted(tested), 0.5), 'subscribers')
  const brute = quantile(sorted(bruteTimes), 0.5)
  emit('brute_force_500km_median', brute, 'ms')
  emit('speedup_vs_brute_force', brute / quantile(t, 0.5), 'x')
  emit('same_set_as_brute_force', checkedCircles.length, 'circles')
}

if (import.meta.main) {
  const count = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000_000)
  const resolution = process.env.BENCH_RESOLUTION ? Number(process.env.BENCH_RESOLUTION) : undefined
  const queriesPerCity = Number(process.env.BENCH_QUERIES_PER_CITY ?? 20)
  runSubscriberBench(count, { resolution, queriesPerCity })
}
