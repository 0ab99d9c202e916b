// The rows of an uploaded CSV or XLSX file as text cells, each with the line (sheet row) a person sees.
import { CsvError, parse } from 'csv-parse/sync'
import type { CellValue } from 'exceljs'
import { invalid } from '../../platform/errors.ts'

export interface TableRow {
  /** Line of a CSV file, or row number of the sheet, counting from 1. */
  line: number
  cells: string[]
}

export type TableFormat = 'csv' | 'xlsx'

/** The format named by the file's extension; old binary .xls and anything else are refused with advice. */
export function tableFormat(fileName: string): TableFormat {
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1]
  if (extension === 'csv' || extension === 'xlsx') return extension
  throw invalid('collection_point.import_unsupported_file', `${fileName}: send a .csv or .xlsx file (save an .xls workbook as .xlsx)`, [
    { path: '/fileName', message: 'not a .csv or .xlsx file' },
  ])
}

export async function readTable(fileName: string, bytes: Buffer): Promise<TableRow[]> {
  return tableFormat(fileName) === 'csv' ? readCsv(bytes) : readXlsx(bytes)
}

/**
 * Excel on Chinese Windows saves "CSV" in GB18030 (GBK), elsewhere in UTF-8, often with a BOM: text that is
 * not valid UTF-8 is read as GB18030.
 */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/** Commas, unless the first line has more tabs or semicolons. */
function sniffDelimiter(text: string): string {
  const firstLine = text.split('\n', 1)[0].replace(/"[^"]*"/g, '')
  const count = (d: string) => firstLine.split(d).length - 1
  return [',', '\t', ';'].reduce((best, d) => (count(d) > count(best) ? d : best), ',')
}

function readCsv(bytes: Buffer): TableRow[] {
  const text = decodeText(bytes)
  try {
    const records = parse(text, {
      delimiter: sniffDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as unknown as { record: string[]; info: { lines: number } }[]
    let previousEnd = 0
    return records.map(({ record, info }) => {
      // A quoted cell may run over lines: the row starts just after the previous one ended.
      const row = { line: previousEnd + 1, cells: record }
      previousEnd = info.lines
      return row
    })
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    const line = (error as CsvError & { lines?: number }).lines
    throw invalid('collection_point.import_unreadable', `the CSV file cannot be read: ${error.message}`, [
      { path: line ? `/rows/${line}` : '/contentBase64', message: error.message, code: 'bad_format' },
    ])
  }
}

/** A cell as the text a person sees: rich text joined, formulas by their result, hyperlinks by their text. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString()
  if (typeof value !== 'object') return String(value)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null)
  if ('text' in value) return cellText(value.text as CellValue)
  if ('error' in value) return String(value.error)
  return ''
}

async function readXlsx(bytes: Buffer): Promise<TableRow[]> {
  // A ZIP archive starts "PK\3\4": anything else is not a workbook, whatever its name says.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    throw invalid('collection_point.import_unreadable', 'the file is not an .xlsx workbook', [
      { path: '/contentBase64', message: 'not an .xlsx workbook' },
    ])
  }
  // Loaded on first use: the workbook reader is large and most processes never import a file.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (error) {
    throw invalid('collection_point.import_unreadable', `the workbook cannot be read: ${(error as Error).message}`, [
      { path: '/contentBase64', message: 'unreadable workbook' },
    ])
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0)
  if (!sheet) return []
  const rows: TableRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = []
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value))
    rows.push({ line, cells })
  })
  return rows
}
