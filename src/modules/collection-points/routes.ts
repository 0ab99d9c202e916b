import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  activateCollectionPoint,
  createCollectionPoint,
  deactivateCollectionPoint,
  listCollectionPoints,
  updateCollectionPoint,
} from './service.ts'
import { importCollectionPoints } from './import.ts'
import { searchPublicCollectionPoints } from './public-search.ts'
import { MANAGE } from './placement.ts'
import {
  CollectionPointCreate,
  CollectionPointImport,
  CollectionPointImportResult,
  CollectionPointListQuery,
  CollectionPointUpdate,
  CollectionPointView,
  IMPORT_MAX_BYTES,
  IdParams,
  PublicCollectionPointQuery,
  PublicCollectionPointView,
} from './schema.ts'

const tags = ['collection-points']
/** The file travels base64-encoded in JSON: 4/3 of its size, and some room for the rest of the body. */
const IMPORT_BODY_LIMIT = Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 64 * 1024

/** The console's directory of collection points, and the public search that needs no sign-in. */
export const collectionPointRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/collection-points',
    {
      schema: {
        tags,
        operationId: 'listCollectionPoints',
        querystring: CollectionPointListQuery,
        response: { 200: Type.Array(CollectionPointView) },
      },
      preHandler: app.requirePermission(MANAGE),
    },
    async (req) => listCollectionPoints(req.ctx, req.query),
  )
  app.post(
    '/api/collection-points',
    {
      schema: { tags, operationId: 'createCollectionPoint', body: CollectionPointCreate, response: { 201: CollectionPointView } },
      preHandler: app.requirePermission(MANAGE),
    },
    async (req, reply) => reply.code(201).send(await createCollectionPoint(req.ctx, req.body)),
  )
  app.patch(
    '/api/collection-points/:id',
    {
      schema: {
        tags,
        operationId: 'updateCollectionPoint',
        params: IdParams,
        body: CollectionPointUpdate,
        response: { 200: CollectionPointView },
      },
      preHandler: app.requirePermission(MANAGE),
    },
    async (req) => updateCollectionPoint(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/collection-points/:id/deactivate',
    {
      schema: { tags, operationId: 'deactivateCollectionPoint', params: IdParams, response: { 200: CollectionPointView } },
      preHandler: app.requirePermission(MANAGE),
    },
    async (req) => deactivateCollectionPoint(req.ctx, req.params.id),
  )
  app.post(
    '/api/collection-points/:id/activate',
    {
      schema: { tags, operationId: 'activateCollectionPoint', params: IdParams, response: { 200: CollectionPointView } },
      preHandler: app.requirePermission(MANAGE),
    },
    async (req) => activateCollectionPoint(req.ctx, req.params.id),
  )
  app.post(
    '/api/collection-points/import',
    {
      schema: {
        tags,
        operationId: 'importCollectionPoints',
        body: CollectionPointImport,
        response: { 200: CollectionPointImportResult },
      },
      bodyLimit: IMPORT_BODY_LIMIT,
      preHandler: app.requirePermission(MANAGE),
    },
    async (req) => importCollectionPoints(req.ctx, req.body),
  )

  app.get(
    '/api/public/collection-points',
    {
      schema: {
        tags,
        operationId: 'searchPublicCollectionPoints',
        description: 'No sign-in: the active points nearest to lat/lon (at most `limit`), or all in a division.',
        security: [],
        querystring: PublicCollectionPointQuery,
        response: { 200: Type.Array(PublicCollectionPointView) },
      },
      config: { csrf: false },
    },
    async (req) => searchPublicCollectionPoints(req.ctx, req.query),
  )
}
