import { Ajv, type Options } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

const BASE: Options = {
  removeAdditional: false,
  useDefaults: true,
  // More than the first error lets a crafted body make validation slow (ajv's advice).
  allErrors: false,
  strict: false,
}

/**
 * Bodies are validated as sent: a number where a string belongs is an error, not coerced.
 * Query strings and path parameters arrive as text, so they are coerced to the schema's types.
 */
const strict = addFormats(new Ajv({ ...BASE, coerceTypes: false }))
const coercing = addFormats(new Ajv({ ...BASE, coerceTypes: 'array' }))

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strict : coercing).compile(schema) as ReturnType<FastifySchemaCompiler<object>>
