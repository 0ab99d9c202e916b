import { createHash } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { parseLabCsv } from './import/lab-csv.ts'
import { ProfileSubmission, validateProfileSubmission } from './import/profile-json.ts'
import { importProfiles, type ImportEvent } from './import-profiles.ts'
import { ImportBatchView, ImportUpload, PERSON_CATEGORIES, DNA_INDEXES } from './schema.ts'

const tags = ['dna']
const UPLOAD_LIMIT = 64 * 1024 * 1024

const ProfileBatch = Type.Object(
  {
    unitId: Type.String({ format: 'uuid' }),
    category: Type.Optional(Type.Enum(PERSON_CATEGORIES)),
    index: Type.Optional(Type.Enum(DNA_INDEXES)),
    acceptPartial: Type.Optional(Type.Boolean()),
    profiles: Type.Array(ProfileSubmission, { minItems: 1, maxItems: 10_000 }),
  },
  { additionalProperties: false },
)

/** The submitted profiles in order; a sample code given twice is dropped if identical and reported if not (as in CSV). */
async function* fromSubmissions(body: { profiles: ProfileSubmission[] }): AsyncGenerator<ImportEvent> {
  const seen = new Map<string, { at: number; genotypes: string }>()
  for (const [i, submission] of body.profiles.entries()) {
    const { profile, problems } = validateProfileSubmission(submission)
    const genotypes = profile && JSON.stringify(Object.entries(profile.genotypes).sort())
    const earlier = profile && seen.get(profile.sampleCode)
    if (profile && earlier) {
      if (earlier.genotypes === genotypes) continue
      const reason = `sample already given at /profiles/${earlier.at} appears again with different genotypes; this occurrence is left out`
      const problem = { line: null, sample: profile.sampleCode, code: 'duplicate_sample_conflict', severity: 'error', reason } as const
      yield { type: 'problem', problem: { ...problem, path: `/profiles/${i}` } }
      continue
    }
    for (const problem of problems) yield { type: 'problem', problem: { ...problem, path: `/profiles/${i}${problem.path ?? ''}` } }
    if (!profile) continue
    seen.set(profile.sampleCode, { at: i, genotypes: genotypes! })
    yield { type: 'sample', sample: profile }
  }
}

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex')

/** Lab exports and JSON profiles in; the batch report out (status imported, unchanged or rejected). */
export const dnaImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/dna/imports',
    {
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, operationId: 'importLabExport', body: ImportUpload, response: { 200: ImportBatchView } },
      preHandler: app.requirePermission('dna.profile.write'),
    },
    async (req) => {
      const { content, fileName, unitId } = req.body
      const events = parseLabCsv([content]) as AsyncIterable<ImportEvent>
      return importProfiles(req.ctx, events, {
        fileName,
        digest: digestOf(content),
        unitId,
        index: req.body.index ?? 'anti_trafficking',
        category: req.body.category ?? 'unknown_origin_child',
        acceptPartial: req.body.acceptPartial,
      })
    },
  )
  app.post(
    '/api/dna/profiles',
    {
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, operationId: 'submitProfiles', body: ProfileBatch, response: { 200: ImportBatchView } },
      preHandler: app.requirePermission('dna.profile.write'),
    },
    async (req) =>
      importProfiles(req.ctx, fromSubmissions(req.body), {
        fileName: 'api',
        digest: digestOf(JSON.stringify(req.body)),
        unitId: req.body.unitId,
        index: req.body.index ?? 'anti_trafficking',
        category: req.body.category ?? 'unknown_origin_child',
        acceptPartial: req.body.acceptPartial,
      }),
  )
}
