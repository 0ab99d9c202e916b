import { isDomainError } from '../platform/errors.ts'
import { DataDirBusyError } from '../platform/db/lock.ts'

/** Exit codes a script can rely on (sysexits-style). */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 64,
  invalid: 65,
  notFound: 66,
  unavailable: 69,
  software: 70,
  conflict: 75,
  denied: 77,
} as const

export interface OutputOptions {
  json?: boolean
}

export function print(value: unknown, options: OutputOptions, text: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`)
}

/** Prints a table of rows with the given columns, aligned for a terminal (CJK counts double). */
export function table(rows: Record<string, unknown>[], columns: string[]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0)
  const cells = rows.map((r) => columns.map((c) => formatCell(r[c])))
  const widths = columns.map((c, i) => Math.max(width(c), ...cells.map((row) => width(row[i]))))
  const line = (values: string[]) =>
    values
      .map((v, i) => v + ' '.repeat(widths[i] - width(v)))
      .join('  ')
      .trimEnd()
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.join(',')
  return String(value)
}

/** The one place that turns an error into a message and an exit code. */
export function exitCodeFor(error: unknown): { code: number; message: string } {
  if (error instanceof DataDirBusyError) return { code: EXIT.unavailable, message: error.message }
  if (isDomainError(error)) {
    const code = {
      invalid: EXIT.invalid,
      not_found: EXIT.notFound,
      conflict: EXIT.conflict,
      forbidden: EXIT.denied,
      unauthenticated: EXIT.denied,
      locked: EXIT.denied,
      too_many: EXIT.unavailable,
    }[error.kind]
    const fields = error.errors?.map((e) => `\n  ${e.path}: ${e.message}`).join('') ?? ''
    return { code, message: `${error.message} [${error.code}]${fields}` }
  }
  return { code: EXIT.failure, message: describe(error) }
}

/** Drizzle wraps driver errors as "Failed query: <sql> params: <values>"; the values may be secrets. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  if (error.message.startsWith('Failed query') && error.cause instanceof Error) return `database error: ${error.cause.message}`
  return error.message
}
