import { createHash } from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { authorize } from '../../platform/auth/authorize.ts'
import { invalid } from '../../platform/errors.ts'
import { collectionPoint } from './tables.ts'
import { MANAGE, lookUpDivisions, placementProblem, resolveOwningUnit, type DivisionInfo } from './placement.ts'
import { parseRows, rowProblem, type ParsedRow, type RowProblem } from './import-rows.ts'
import { readTable } from './read-table.ts'
import { toStoredPoint, type StoredPoint } from './service.ts'
import { IMPORT_MAX_BYTES, type CollectionPointImport, type CollectionPointImportResult } from './schema.ts'

type PointRow = typeof collectionPoint.$inferSelect

const DETAIL_FIELDS = ['address', 'latitude', 'longitude', 'phone', 'hours', 'notes'] as const
const INSERT_BATCH = 500

const keyOf = (point: { divisionCode: string; name: string }) => `${point.divisionCode}\u0000${point.name}`

function decodeFile(input: CollectionPointImport): Buffer {
  const bytes = Buffer.from(input.contentBase64, 'base64')
  if (bytes.length === 0)
    throw invalid('collection_point.import_empty', 'the file is empty', [{ path: '/contentBase64', message: 'empty' }])
  if (bytes.length > IMPORT_MAX_BYTES) {
    throw invalid('collection_point.import_too_large', `the file is larger than ${IMPORT_MAX_BYTES} bytes`, [
      { path: '/contentBase64', message: 'too large' },
    ])
  }
  return bytes
}

/** Rows whose division is wrong for the owning unit, and rows that repeat an earlier row's name and division. */
function placementProblems(rows: CheckedRow[], divisions: Map<string, DivisionInfo>, unitDivision: string) {
  const problems: RowProblem[] = []
  const firstLine = new Map<string, number>()
  for (const { line, point } of rows) {
    const problem = placementProblem(divisions, point.divisionCode, unitDivision)
    if (problem) problems.push(rowProblem(line, 'divisionCode', problem.reason, problem.message))
    const earlier = firstLine.get(keyOf(point))
    if (earlier !== undefined) {
      problems.push(rowProblem(line, 'name', 'duplicate_in_file', `same name and division as line ${earlier}`))
    } else firstLine.set(keyOf(point), line)
  }
  return problems
}

const isSame = (row: PointRow, point: StoredPoint) => DETAIL_FIELDS.every((field) => row[field] === point[field])

interface CheckedRow {
  line: number
  point: StoredPoint
}

/** The file's rows as points, or the invalid-error that lists every bad row with its line and reason. */
async function checkFile(ctx: Ctx, input: CollectionPointImport, bytes: Buffer, unitDivision: string): Promise<CheckedRow[]> {
  const parsed = parseRows(await readTable(input.fileName, bytes))
  const rows = parsed.rows.map((r: ParsedRow) => ({ line: r.line, point: toStoredPoint(r.fields) }))
  const divisions = await lookUpDivisions(
    ctx.db,
    rows.map((r) => r.point.divisionCode),
  )
  const problems = [...parsed.problems, ...placementProblems(rows, divisions, unitDivision)]
  if (problems.length === 0) return rows
  const lineOf = (problem: RowProblem) => Number(problem.path.split('/')[2])
  problems.sort((a, b) => lineOf(a) - lineOf(b))
  const lines = new Set(problems.map(lineOf)).size
  throw invalid('collection_point.import_rejected', `${lines} rows have problems; nothing was imported`, problems)
}

interface Written {
  created: string[]
  updated: string[]
  unchanged: number
  inactive: number
}

/** Inserts the new points and updates the changed ones, in `tx`; unchanged points are not touched. */
async function writeRows(ctx: Ctx, tx: Db, rows: CheckedRow[], ownerId: string): Promise<Written> {
  const written: Written = { created: [], updated: [], unchanged: 0, inactive: 0 }
  if (rows.length === 0) return written
  const existing = new Map<string, PointRow>()
  const found = await tx
    .select()
    .from(collectionPoint)
    .where(
      and(
        inArray(collectionPoint.divisionCode, [...new Set(rows.map((r) => r.point.divisionCode))]),
        inArray(collectionPoint.name, [...new Set(rows.map((r) => r.point.name))]),
      ),
    )
  for (const row of found) existing.set(keyOf(row), row)
  const now = ctx.now()
  const inserts: (StoredPoint & { unitId: string; createdAt: Date; updatedAt: Date })[] = []
  for (const { point } of rows) {
    const current = existing.get(keyOf(point))
    if (!current) {
      inserts.push({ ...point, unitId: ownerId, createdAt: now, updatedAt: now })
      continue
    }
    // The point may belong to another unit of the division; the caller must reach it too.
    authorize(ctx.actor, MANAGE, {
      type: 'collection_point',
      id: current.id,
      divisionCode: current.divisionCode,
      owningUnitId: current.unitId,
    })
    if (!current.active) written.inactive++
    if (isSame(current, point)) {
      written.unchanged++
      continue
    }
    await tx
      .update(collectionPoint)
      .set({ ...point, updatedAt: now })
      .where(eq(collectionPoint.id, current.id))
    written.updated.push(current.id)
  }
  for (let i = 0; i < inserts.length; i += INSERT_BATCH) {
    const batch = await tx
      .insert(collectionPoint)
      .values(inserts.slice(i, i + INSERT_BATCH))
      .returning({ id: collectionPoint.id })
    written.created.push(...batch.map((r) => r.id))
  }
  return written
}

/**
 * Imports a CSV or XLSX directory of points for a police unit (the caller's own by default). All or
 * nothing: any bad row refuses the whole file, and the problem lists every bad row with its line and
 * reason. A point is known by its name within its division, so importing the same file again changes
 * nothing, and a corrected file updates the points it names. Deactivated points stay deactivated.
 */
export async function importCollectionPoints(ctx: Ctx, input: CollectionPointImport): Promise<CollectionPointImportResult> {
  const owner = await resolveOwningUnit(ctx, input.unitId)
  const bytes = decodeFile(input)
  const rows = await checkFile(ctx, input, bytes, owner.divisionCode)
  return ctx.db.transaction(async (tx) => {
    const { created, updated, unchanged, inactive } = await writeRows(ctx, tx, rows, owner.id)
    const result = { fileName: input.fileName, rows: rows.length, created: created.length, updated: updated.length, unchanged, inactive }
    await ctx.audit(
      {
        action: 'collection_point.import',
        resource: { type: 'unit', id: owner.id },
        details: { ...result, sha256: createHash('sha256').update(bytes).digest('hex'), createdIds: created, updatedIds: updated },
      },
      tx,
    )
    return result
  })
}
