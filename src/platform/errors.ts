/**
 * Domain errors: services throw these with a stable `code` (`<module>.<reason>`); only
 * `http/problem.ts` and the CLI turn them into statuses and exit codes.
 */
export type DomainErrorKind = 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'unauthenticated' | 'locked' | 'too_many'

export interface FieldError {
  path: string
  message: string
  /** A stable reason, for clients that translate (e.g. a row of an import file); `message` stays English. */
  code?: string
}

export class DomainError extends Error {
  readonly kind: DomainErrorKind
  readonly code: string
  readonly errors: FieldError[] | undefined
  constructor(kind: DomainErrorKind, code: string, detail: string, errors?: FieldError[]) {
    super(detail)
    this.name = 'DomainError'
    this.kind = kind
    this.code = code
    this.errors = errors
  }
}

export const notFound = (code: string, detail: string) => new DomainError('not_found', code, detail)
export const forbidden = (code: string, detail: string) => new DomainError('forbidden', code, detail)
export const conflict = (code: string, detail: string) => new DomainError('conflict', code, detail)
export const invalid = (code: string, detail: string, errors?: FieldError[]) => new DomainError('invalid', code, detail, errors)
export const unauthenticated = (code: string, detail: string) => new DomainError('unauthenticated', code, detail)
export const locked = (code: string, detail: string) => new DomainError('locked', code, detail)

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError
