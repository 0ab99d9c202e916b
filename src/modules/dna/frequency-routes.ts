import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { FrequencyTableMeta } from './frequencies/meta.ts'
import { listFrequencyTables, loadFrequencyTable, setDefaultFrequencyTable } from './frequency-tables.ts'

const tags = ['dna']

const Summary = Type.Object({
  name: Type.String(),
  population: Type.String(),
  sampleSize: Type.Union([Type.Integer(), Type.Null()]),
  source: Type.String(),
  licence: Type.String(),
  loci: Type.Integer(),
  disabledLoci: Type.Record(Type.String(), Type.String()),
  minimumFrequency: Type.Number(),
  isDefault: Type.Boolean(),
})

const Upload = Type.Object(
  { meta: FrequencyTableMeta, format: Type.Enum(['csv', 'json']), content: Type.String({ minLength: 1, maxLength: 5_000_000 }) },
  { additionalProperties: false },
)

/** Allele frequency tables: list, load (CSV/JSON with metadata), choose the database's default. */
export const frequencyTableRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/dna/frequency-tables',
    {
      schema: { tags, operationId: 'listFrequencyTables', response: { 200: Type.Array(Summary) } },
      preHandler: app.requirePermission('unit.read'),
    },
    async (req) => listFrequencyTables(req.ctx),
  )
  app.post(
    '/api/dna/frequency-tables',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        operationId: 'loadFrequencyTable',
        body: Upload,
        response: {
          201: Type.Object({
            table: Summary,
            warnings: Type.Array(Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true })),
          }),
        },
      },
      preHandler: app.requirePermission('frequency_table.manage'),
    },
    async (req, reply) => reply.code(201).send(await loadFrequencyTable(req.ctx, req.body)),
  )
  app.post(
    '/api/dna/frequency-tables/:name/default',
    {
      schema: {
        tags,
        operationId: 'setDefaultFrequencyTable',
        params: Type.Object({ name: Type.String({ maxLength: 63 }) }),
        response: { 200: Summary },
      },
      preHandler: app.requirePermission('frequency_table.manage'),
    },
    async (req) => setDefaultFrequencyTable(req.ctx, req.params.name),
  )
}
