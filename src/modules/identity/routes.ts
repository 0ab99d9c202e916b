import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { listDivisions } from './divisions.ts'
import { createUnit, listUnits } from './units.ts'
import { createUser, listUsers, unlockUser, updateUser } from './users.ts'
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts'
import {
  ApiKeyCreate,
  ApiKeyCreated,
  ApiKeyView,
  DivisionListQuery,
  PublicDivisionListQuery,
  DivisionView,
  IdParams,
  UnitCreate,
  UnitView,
  UserCreate,
  UserListQuery,
  UserUpdate,
  UserView,
} from './schema.ts'

/** Divisions, units, users and API keys. */
export const identityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/divisions',
    {
      schema: {
        tags: ['identity'],
        operationId: 'listDivisions',
        querystring: DivisionListQuery,
        response: { 200: Type.Array(DivisionView) },
      },
      preHandler: app.requirePermission('unit.read'),
    },
    async (req) => listDivisions(req.ctx, req.query),
  )
  // The same reference data for public pages (the collection-point finder): no sign-in, one level at a time.
  app.get(
    '/api/public/divisions',
    {
      schema: {
        tags: ['identity'],
        operationId: 'listPublicDivisions',
        security: [],
        querystring: PublicDivisionListQuery,
        response: { 200: Type.Array(DivisionView) },
      },
      config: { csrf: false },
    },
    async (req) => listDivisions(req.ctx, req.query),
  )

  app.get(
    '/api/units',
    {
      schema: { tags: ['identity'], operationId: 'listUnits', response: { 200: Type.Array(UnitView) } },
      preHandler: app.requirePermission('unit.read'),
    },
    async (req) => listUnits(req.ctx),
  )
  app.post(
    '/api/units',
    {
      schema: { tags: ['identity'], operationId: 'createUnit', body: UnitCreate, response: { 201: UnitView } },
      preHandler: app.requirePermission('unit.manage'),
    },
    async (req, reply) => reply.code(201).send(await createUnit(req.ctx, req.body)),
  )

  app.get(
    '/api/users',
    {
      schema: { tags: ['identity'], operationId: 'listUsers', querystring: UserListQuery, response: { 200: Type.Array(UserView) } },
      preHandler: app.requirePermission('user.manage'),
    },
    async (req) => listUsers(req.ctx, req.query),
  )
  app.post(
    '/api/users',
    {
      schema: { tags: ['identity'], operationId: 'createUser', body: UserCreate, response: { 201: UserView } },
      preHandler: app.requirePermission('user.manage'),
    },
    async (req, reply) => reply.code(201).send(await createUser(req.ctx, req.body)),
  )
  app.patch(
    '/api/users/:id',
    {
      schema: { tags: ['identity'], operationId: 'updateUser', params: IdParams, body: UserUpdate, response: { 200: UserView } },
      preHandler: app.requirePermission('user.manage'),
    },
    async (req) => updateUser(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/users/:id/unlock',
    {
      schema: { tags: ['identity'], operationId: 'unlockUser', params: IdParams, response: { 200: UserView } },
      preHandler: app.requirePermission('user.manage'),
    },
    async (req) => unlockUser(req.ctx, req.params.id),
  )

  app.get(
    '/api/api-keys',
    {
      schema: { tags: ['identity'], operationId: 'listApiKeys', response: { 200: Type.Array(ApiKeyView) } },
      preHandler: app.requirePermission('apikey.manage'),
    },
    async (req) => listApiKeys(req.ctx),
  )
  app.post(
    '/api/api-keys',
    {
      schema: { tags: ['identity'], operationId: 'createApiKey', body: ApiKeyCreate, response: { 201: ApiKeyCreated } },
      preHandler: app.requirePermission('apikey.manage'),
    },
    async (req, reply) => reply.code(201).send(await createApiKey(req.ctx, req.body)),
  )
  app.delete(
    '/api/api-keys/:id',
    { schema: { tags: ['identity'], operationId: 'revokeApiKey', params: IdParams }, preHandler: app.requirePermission('apikey.manage') },
    async (req, reply) => {
      await revokeApiKey(req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )
}
