// From the rows of a file to checked point fields, or to every problem with its line and reason.
import { Value } from 'typebox/value'
import type { FieldError } from '../../platform/errors.ts'
import { invalid } from '../../platform/errors.ts'
import { CHINA_EXTENT, CollectionPointFields, type ImportReason } from './schema.ts'
import type { TableRow } from './read-table.ts'

type Field = keyof CollectionPointFields

/** Header names, Chinese or English, compared after `headerKey` (case, spaces, brackets and * dropped). */
const HEADERS: Record<Field, string[]> = {
  name: ['名称', '采血点名称', '采血点', 'name'],
  address: ['地址', '详细地址', 'address'],
  divisionCode: ['区划代码', '行政区划代码', '区划', 'divisioncode', 'division'],
  latitude: ['纬度', 'latitude', 'lat'],
  longitude: ['经度', 'longitude', 'lon', 'lng'],
  phone: ['电话', '联系电话', 'phone', 'telephone', 'tel'],
  hours: ['开放时间', '工作时间', 'hours', 'openinghours'],
  notes: ['备注', 'notes', 'note'],
}
const REQUIRED: Field[] = ['name', 'address', 'divisionCode', 'latitude', 'longitude']
const NUMERIC: Field[] = ['latitude', 'longitude']
/** Rows above the header (a title, a date) are skipped; the header is among the first few. */
const HEADER_SEARCH_ROWS = 10
export const MAX_ROWS = 5000

/** "纬度（WGS-84）*" → "纬度"; "Division Code" → "divisioncode". */
export const headerKey = (text: string) =>
  text
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s_*\-:：]/g, '')
    .toLowerCase()

const FIELD_OF_HEADER = new Map(Object.entries(HEADERS).flatMap(([field, names]) => names.map((n) => [headerKey(n), field as Field])))

export interface RowProblem extends FieldError {
  code: ImportReason
}

export const rowProblem = (line: number, field: Field | null, code: ImportReason, message: string): RowProblem => ({
  path: field ? `/rows/${line}/${field}` : `/rows/${line}`,
  message,
  code,
})

export interface ParsedRow {
  line: number
  fields: CollectionPointFields
}

const isBlank = (row: TableRow) => row.cells.every((c) => c.trim() === '')

/** Which column holds which field, from the first row that names at least three known columns. */
function findHeader(rows: TableRow[]): { index: number; columns: Map<Field, number> } {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS)
  for (let index = 0; index < candidates.length; index++) {
    const fields = candidates[index].cells.map((cell) => FIELD_OF_HEADER.get(headerKey(cell)))
    if (fields.filter(Boolean).length < 3) continue
    const columns = new Map<Field, number>()
    const problems: RowProblem[] = []
    const line = rows[index].line
    fields.forEach((field, column) => {
      if (!field) return
      if (columns.has(field)) problems.push(rowProblem(line, field, 'duplicate_column', `two columns hold ${field}`))
      else columns.set(field, column)
    })
    for (const field of REQUIRED) {
      if (!columns.has(field)) problems.push(rowProblem(line, field, 'missing_column', `no ${field} column (${HEADERS[field][0]})`))
    }
    if (problems.length) throw invalid('collection_point.import_bad_header', `the header on line ${line} is incomplete`, problems)
    return { index, columns }
  }
  throw invalid('collection_point.import_bad_header', 'no header row: name the columns 名称, 地址, 区划代码, 纬度, 经度 (or in English)', [
    { path: '/rows', message: 'no header row', code: 'missing_column' },
  ])
}

/** "２２．５" and "22.5°" are numbers as people type them; "22,5" and "N22.5" are not. */
function parseNumber(text: string): number | null {
  const ascii = text.replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/°$/, '')
  return /^-?\d+(\.\d+)?$/.test(ascii) ? Number(ascii) : null
}

const RANGE: Partial<Record<Field, string>> = {
  latitude: `from ${CHINA_EXTENT.minLatitude} to ${CHINA_EXTENT.maxLatitude} (WGS-84, within China; are latitude and longitude swapped?)`,
  longitude: `from ${CHINA_EXTENT.minLongitude} to ${CHINA_EXTENT.maxLongitude} (WGS-84, within China; are latitude and longitude swapped?)`,
}

/** The schema's verdict on a row, as reasons a person can act on. */
function schemaProblems(line: number, candidate: Record<string, unknown>, skip: Set<Field>): RowProblem[] {
  const problems: RowProblem[] = []
  for (const error of Value.Errors(CollectionPointFields, candidate)) {
    if (error.keyword === 'required') {
      const missing = (error.params as { requiredProperties?: string[] }).requiredProperties ?? []
      for (const field of missing as Field[]) {
        if (!skip.has(field)) problems.push(rowProblem(line, field, 'required', `${field} is empty`))
      }
      continue
    }
    const field = error.instancePath.slice(1) as Field
    const value = String(candidate[field])
    const reason: ImportReason =
      error.keyword === 'minimum' || error.keyword === 'maximum'
        ? 'out_of_range'
        : error.keyword === 'minLength'
          ? 'too_short'
          : error.keyword === 'maxLength'
            ? 'too_long'
            : 'bad_format'
    const detail = reason === 'out_of_range' ? `must be ${RANGE[field]}` : error.message
    problems.push(rowProblem(line, field, reason, `${field} "${value.slice(0, 40)}" ${detail}`))
  }
  return problems
}

/**
 * The data rows of a table as point fields. Blank rows are skipped; every other row is checked, and all
 * the problems of all the rows come back together, so that one round of corrections fixes the file.
 */
export function parseRows(table: TableRow[]): { rows: ParsedRow[]; problems: RowProblem[] } {
  const content = table.filter((row) => !isBlank(row))
  const { index, columns } = findHeader(content)
  const data = content.slice(index + 1)
  if (data.length > MAX_ROWS) {
    throw invalid('collection_point.import_too_many_rows', `${data.length} rows; split the file into files of at most ${MAX_ROWS}`)
  }
  const rows: ParsedRow[] = []
  const problems: RowProblem[] = []
  for (const row of data) {
    const candidate: Record<string, unknown> = {}
    const rowProblems: RowProblem[] = []
    const unparsed = new Set<Field>()
    for (const [field, column] of columns) {
      const text = (row.cells[column] ?? '').trim()
      if (text === '') continue
      if (!NUMERIC.includes(field)) {
        candidate[field] = text
        continue
      }
      const number = parseNumber(text)
      if (number === null) {
        unparsed.add(field)
        rowProblems.push(rowProblem(row.line, field, 'not_a_number', `${field} "${text.slice(0, 40)}" is not a number`))
      } else candidate[field] = number
    }
    rowProblems.push(...schemaProblems(row.line, candidate, unparsed))
    if (rowProblems.length) problems.push(...rowProblems)
    else rows.push({ line: row.line, fields: candidate as CollectionPointFields })
  }
  return { rows, problems }
}
