import { inArray, sql } from 'drizzle-orm'
import type { Db } from '../../platform/db/client.ts'
import { divisionRef } from '../identity/index.ts'

export interface DivisionInfo {
  name: string
  level: 'country' | 'province' | 'city' | 'county'
  /** A county, or a city without counties (东莞市): the most specific division there is. */
  isLeaf: boolean
}

/** Names, levels and leafness of GB/T 2260 divisions, by code; unknown codes are absent. */
export async function divisionLookup(db: Db, codes: readonly string[]): Promise<Map<string, DivisionInfo>> {
  if (codes.length === 0) return new Map()
  const rows = await db
    .select({
      code: divisionRef.code,
      name: divisionRef.name,
      level: divisionRef.level,
      // Spelled out: inside the subquery an unqualified column would be read as the subquery's own.
      hasChildren: sql<boolean>`exists (select 1 from division c where c.parent_code = division.code)`,
    })
    .from(divisionRef)
    .where(inArray(divisionRef.code, [...new Set(codes)]))
  return new Map(
    rows.map((r) => [r.code, { name: r.name, level: r.level, isLeaf: r.level !== 'country' && r.level !== 'province' && !r.hasChildren }]),
  )
}

/** The name of a division, or the code itself when the data does not know it. */
export async function divisionNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  const known = await divisionLookup(db, codes)
  return new Map(codes.map((c) => [c, known.get(c)?.name ?? c]))
}
