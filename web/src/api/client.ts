// The one door to the server: same-origin cookies, the CSRF header on writes, problem+json as ApiError.

export interface FieldError {
  path: string
  message: string
  /** A stable reason, when the server gives one (rows of an import file). */
  code?: string
}

/** An RFC 9457 problem from the server, or a stand-in for a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly detail: string
  readonly errors: FieldError[]
  readonly requestId: string | null

  constructor(status: number, code: string, detail: string, errors: FieldError[] = [], requestId: string | null = null) {
    super(detail)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.detail = detail
    this.errors = errors
    this.requestId = requestId
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError

type Query = Record<string, string | number | boolean | null | undefined>

interface RequestOptions {
  query?: Query
  /** Sent as JSON, or as it is when a Blob (a photo, a PDF: the file is the request body, with its own type). */
  body?: unknown
  /** Extra request headers, e.g. a public submission's proof of work. */
  headers?: Record<string, string>
  /** A public submission: no session cookie and no CSRF token go with it. */
  anonymous?: boolean
}

// Kept in memory only: a token in localStorage would outlive the session and be readable by any script.
let csrfToken: string | null = null
let unauthenticatedListener: (() => void) | null = null

export function setCsrfToken(token: string | null) {
  csrfToken = token
}

/** Called when a signed-in request finds the session gone (expired, revoked elsewhere). */
export function onUnauthenticated(listener: (() => void) | null) {
  unauthenticatedListener = listener
}

export async function refreshCsrfToken(): Promise<string> {
  const { csrfToken: token } = await send<{ csrfToken: string }>('GET', '/api/auth/csrf', {})
  csrfToken = token
  return token
}

function buildUrl(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<{ code: string; detail: string; errors: FieldError[]; requestId: string }>
      return new ApiError(
        response.status,
        body.code ?? `http.${response.status}`,
        body.detail ?? response.statusText,
        Array.isArray(body.errors) ? body.errors : [],
        body.requestId ?? response.headers.get('x-request-id'),
      )
    } catch {
      // Fall through: a proxy may have sent broken JSON.
    }
  }
  return new ApiError(response.status, `http.${response.status}`, response.statusText, [], response.headers.get('x-request-id'))
}

async function send<T>(method: string, path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
  const isFile = options.body instanceof Blob
  if (options.body !== undefined)
    headers['content-type'] = isFile ? (options.body as Blob).type || 'application/octet-stream' : 'application/json'
  if (method !== 'GET' && csrfToken && !options.anonymous) headers['x-csrf-token'] = csrfToken
  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: options.anonymous ? 'omit' : 'same-origin',
      body: options.body === undefined ? undefined : isFile ? (options.body as Blob) : JSON.stringify(options.body),
    })
  } catch (error) {
    throw new ApiError(0, 'network.unreachable', error instanceof Error ? error.message : String(error))
  }
  if (!response.ok) throw await toApiError(response)
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T
  return (await response.json()) as T
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(method, path, options)
  } catch (error) {
    if (!isApiError(error)) throw error
    // The CSRF secret cookie may have been replaced (another tab signed out): fetch a fresh token and retry once.
    if (error.code === 'auth.csrf' && method !== 'GET') {
      await refreshCsrfToken()
      return send<T>(method, path, options)
    }
    if (error.code === 'auth.unauthenticated') unauthenticatedListener?.()
    throw error
  }
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  /** A file as the request body (photo and attachment endpoints take no multipart). */
  upload: <T>(method: 'POST' | 'PUT', path: string, file: Blob) => request<T>(method, path, { body: file }),
  /** A submission from the public (a tip, an alert subscription): JSON or a file, with its solved proof of work. */
  submitPublic: <T>(path: string, body: unknown, proof: Record<string, string>) =>
    request<T>('POST', path, { body, headers: proof, anonymous: true }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
}
