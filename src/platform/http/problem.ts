import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { isDomainError, type DomainErrorKind, type FieldError } from '../errors.ts'

/** RFC 9457 body. `type` is stable per error kind: clients may switch on it or on `code`. */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  instance: string
  code: string
  requestId: string
  errors?: FieldError[]
}

const STATUS: Record<DomainErrorKind, [number, string]> = {
  invalid: [400, 'Bad Request'],
  unauthenticated: [401, 'Unauthorized'],
  forbidden: [403, 'Forbidden'],
  not_found: [404, 'Not Found'],
  conflict: [409, 'Conflict'],
  locked: [423, 'Locked'],
  too_many: [429, 'Too Many Requests'],
}

function problem(request: FastifyRequest, status: number, title: string, code: string, detail: string, errors?: FieldError[]): Problem {
  return {
    type: `/problems/${code}`,
    title,
    status,
    detail,
    instance: request.url.split('?')[0],
    code,
    requestId: String(request.id),
    ...(errors?.length ? { errors } : {}),
  }
}

/** Fastify's own errors that a client can cause, with the code we give them. */
function frameworkProblem(request: FastifyRequest, error: FastifyError): Problem | null {
  if (error.validation) {
    const errors = error.validation.map((v) => ({
      path: `${error.validationContext === 'body' ? '' : `/${error.validationContext}`}${v.instancePath || ''}${
        v.keyword === 'required' ? `/${(v.params as { missingProperty?: string }).missingProperty}` : ''
      }${v.keyword === 'additionalProperties' ? `/${(v.params as { additionalProperty?: string }).additionalProperty}` : ''}`,
      message: v.keyword === 'additionalProperties' ? 'unknown field' : (v.message ?? 'invalid'),
    }))
    return problem(request, 400, 'Bad Request', 'request.invalid', `the ${error.validationContext ?? 'request'} is not valid`, errors)
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(request, 413, 'Content Too Large', 'request.too_large', 'the request body is too large')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(request, 415, 'Unsupported Media Type', 'request.media_type', 'send application/json')
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(request, 400, 'Bad Request', 'request.malformed_json', 'the body is not valid JSON')
    case 'FST_CSRF_MISSING_SECRET':
    case 'FST_CSRF_INVALID_TOKEN':
      return problem(request, 403, 'Forbidden', 'auth.csrf', 'missing or invalid CSRF token: send the x-csrf-token header')
    case 'FST_ERR_RATE_LIMIT':
      return problem(request, 429, 'Too Many Requests', 'request.rate_limited', 'too many requests; slow down')
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return problem(request, 400, 'Bad Request', 'request.malformed', 'the request could not be read')
  }
  return null
}

/** The only place that maps errors to HTTP. Nothing but the problem body ever reaches the client. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  let body: Problem | null = null
  if (isDomainError(error)) {
    const [status, title] = STATUS[error.kind]
    body = problem(request, status, title, error.code, error.message, error.errors)
  } else if (error && typeof error === 'object') {
    body = frameworkProblem(request, error as FastifyError)
  }
  if (!body) {
    request.log.error({ err: error }, 'unhandled error')
    body = problem(request, 500, 'Internal Server Error', 'server.error', `something went wrong; quote request id ${request.id}`)
  } else if (body.status >= 500) {
    request.log.error({ err: error }, 'server error')
  }
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body)
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  const body = problem(request, 404, 'Not Found', 'route.not_found', `no route ${request.method} ${request.url.split('?')[0]}`)
  return reply.code(404).type('application/problem+json; charset=utf-8').send(body)
}
