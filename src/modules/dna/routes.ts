import { createHash } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { createFamilyGroup, getPersonIdentity, registerPerson } from './persons.ts'
import { getProfile, listProfiles } from './profiles.ts'
import { decideHit, getHit, listHits } from './hits.ts'
import { createHaplotype, searchLineage } from './ystr/service.ts'
import { parseYstrCsv } from './ystr/csv.ts'
import { importHaplotypes } from './ystr/import.ts'
import { computeKinshipBatch } from './kinship-service.ts'
import { KinshipBatchInput, KinshipBatchOutput } from './kinship/index.ts'
import {
  HaplotypeCreate,
  HaplotypeUpload,
  HaplotypeView,
  ImportBatchView,
  LineageQuery,
  LineageResult,
  HitDecision,
  HitListQuery,
  HitView,
  FamilyGroupCreate,
  FamilyGroupView,
  PersonCreate,
  PersonIdentity,
  PersonView,
  ProfileListQuery,
  ProfileView,
} from './schema.ts'

const tags = ['dna']
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
// Y-STR exports come from a few hundred samples at a time, not the national database's millions.
const YSTR_UPLOAD_LIMIT = 16 * 1024 * 1024

/** Family groups, sampled persons and profiles. */
export const dnaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/dna/family-groups',
    {
      schema: { tags, operationId: 'createFamilyGroup', body: FamilyGroupCreate, response: { 201: FamilyGroupView } },
      preHandler: app.requirePermission('dna.person.write'),
    },
    async (req, reply) => reply.code(201).send(await createFamilyGroup(req.ctx, req.body)),
  )
  app.post(
    '/api/dna/persons',
    {
      schema: {
        tags,
        operationId: 'registerPerson',
        body: PersonCreate,
        response: { 201: PersonView },
      },
      preHandler: app.requirePermission('dna.person.write'),
    },
    async (req, reply) => reply.code(201).send(await registerPerson(req.ctx, req.body)),
  )
  app.get(
    '/api/dna/persons/:id/identity',
    {
      schema: { tags, operationId: 'getPersonIdentity', params: IdParams, response: { 200: Type.Union([PersonIdentity, Type.Null()]) } },
      preHandler: app.requirePermission('dna.identity.read'),
    },
    async (req) => getPersonIdentity(req.ctx, req.params.id),
  )
  app.get(
    '/api/dna/profiles',
    {
      schema: { tags, operationId: 'listProfiles', querystring: ProfileListQuery, response: { 200: Type.Array(ProfileView) } },
      preHandler: app.requirePermission('dna.profile.read'),
    },
    async (req) => listProfiles(req.ctx, req.query),
  )
  app.get(
    '/api/dna/profiles/:id',
    {
      schema: { tags, operationId: 'getProfile', params: IdParams, response: { 200: ProfileView } },
      preHandler: app.requirePermission('dna.profile.read'),
    },
    async (req) => getProfile(req.ctx, req.params.id),
  )

  app.get(
    '/api/dna/hits',
    {
      schema: { tags, operationId: 'listHits', querystring: HitListQuery, response: { 200: Type.Array(HitView) } },
      preHandler: app.requirePermission('dna.profile.read'),
    },
    async (req) => listHits(req.ctx, req.query),
  )
  app.get(
    '/api/dna/hits/:id',
    {
      schema: { tags, operationId: 'getHit', params: IdParams, response: { 200: HitView } },
      preHandler: app.requirePermission('dna.profile.read'),
    },
    async (req) => getHit(req.ctx, req.params.id),
  )
  app.post(
    '/api/dna/hits/:id/decision',
    {
      schema: { tags, operationId: 'decideHit', params: IdParams, body: HitDecision, response: { 200: HitView } },
      preHandler: app.requirePermission('dna.hit.review'),
    },
    async (req) => decideHit(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/dna/ystr',
    {
      schema: { tags, operationId: 'createHaplotype', body: HaplotypeCreate, response: { 201: HaplotypeView } },
      preHandler: app.requirePermission('dna.profile.write'),
    },
    async (req, reply) => reply.code(201).send(await createHaplotype(req.ctx, req.body)),
  )
  app.post(
    '/api/dna/ystr/imports',
    {
      bodyLimit: YSTR_UPLOAD_LIMIT,
      schema: { tags, operationId: 'importHaplotypes', body: HaplotypeUpload, response: { 200: ImportBatchView } },
      preHandler: app.requirePermission('dna.profile.write'),
    },
    async (req) => {
      const { content, fileName, unitId, kit } = req.body
      const digest = createHash('sha256').update(content).digest('hex')
      return importHaplotypes(req.ctx, parseYstrCsv([content]), { fileName, digest, unitId, kit })
    },
  )
  app.post(
    '/api/dna/ystr/search',
    {
      schema: { tags, operationId: 'searchLineage', body: LineageQuery, response: { 200: LineageResult } },
      preHandler: app.requirePermission('dna.search'),
    },
    async (req) => searchLineage(req.ctx, req.body),
  )
  app.post(
    '/api/dna/kinship',
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: { tags, operationId: 'computeKinship', body: KinshipBatchInput, response: { 200: KinshipBatchOutput } },
      preHandler: app.requirePermission('dna.kinship'),
    },
    async (req) => computeKinshipBatch(req.ctx, req.body),
  )
}
