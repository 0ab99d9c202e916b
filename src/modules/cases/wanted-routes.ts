import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ISSUE, issueWantedNotice, publishWantedNotice, revokeWantedNotice, setWantedPhoto, updateWantedNotice } from './wanted.ts'
import {
  getPublicWanted,
  getPublicWantedPhoto,
  getWantedNotice,
  getWantedPhoto,
  listPublicWanted,
  listWantedNotices,
} from './wanted-reads.ts'
import { acceptImageBodies, sendPhoto, uploadDoc, uploaded, UPLOAD_BODY_LIMIT } from './routes.ts'
import { IdParams, PhotoQuery } from './schema.ts'
import {
  PublicWantedNoticeView,
  PublicWantedPage,
  PublicWantedQuery,
  WantedNoticeCreate,
  WantedNoticeListQuery,
  WantedNoticePage,
  WantedNoticeRevoke,
  WantedNoticeUpdate,
  WantedNoticeView,
} from './wanted-schema.ts'

const tags = ['wanted-notices']

/** 通缉令: issued, published and revoked in the console; published ones on the public page without sign-in. */
export const wantedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  acceptImageBodies(app)
  app.post(
    '/api/wanted-notices',
    {
      schema: { tags, operationId: 'issueWantedNotice', body: WantedNoticeCreate, response: { 201: WantedNoticeView } },
      preHandler: app.requirePermission(ISSUE),
    },
    async (req, reply) => reply.code(201).send(await issueWantedNotice(req.ctx, req.body)),
  )
  app.get(
    '/api/wanted-notices',
    {
      schema: { tags, operationId: 'listWantedNotices', querystring: WantedNoticeListQuery, response: { 200: WantedNoticePage } },
      preHandler: app.requirePermission('case.read'),
    },
    async (req) => listWantedNotices(req.ctx, req.query),
  )
  app.get(
    '/api/wanted-notices/:id',
    {
      schema: { tags, operationId: 'getWantedNotice', params: IdParams, response: { 200: WantedNoticeView } },
      preHandler: app.requirePermission('case.read'),
    },
    async (req) => getWantedNotice(req.ctx, req.params.id),
  )
  app.patch(
    '/api/wanted-notices/:id',
    {
      schema: { tags, operationId: 'updateWantedNotice', params: IdParams, body: WantedNoticeUpdate, response: { 200: WantedNoticeView } },
      preHandler: app.requirePermission(ISSUE),
    },
    async (req) => updateWantedNotice(req.ctx, req.params.id, req.body),
  )
  app.put(
    '/api/wanted-notices/:id/photo',
    {
      schema: { tags, operationId: 'setWantedPhoto', params: IdParams, response: { 200: WantedNoticeView }, ...uploadDoc },
      bodyLimit: UPLOAD_BODY_LIMIT,
      preHandler: app.requirePermission(ISSUE),
    },
    async (req) => setWantedPhoto(req.ctx, req.params.id, uploaded(req.body), req.headers['content-type']),
  )
  app.get(
    '/api/wanted-notices/:id/photo',
    {
      schema: { tags, operationId: 'getWantedPhoto', params: IdParams, querystring: PhotoQuery },
      preHandler: app.requirePermission('case.read'),
    },
    async (req, reply) => sendPhoto(reply, await getWantedPhoto(req.ctx, req.params.id, req.query.size ?? 'full'), 'private, no-cache'),
  )
  app.post(
    '/api/wanted-notices/:id/publish',
    {
      schema: { tags, operationId: 'publishWantedNotice', params: IdParams, response: { 200: WantedNoticeView } },
      preHandler: app.requirePermission(ISSUE),
    },
    async (req) => publishWantedNotice(req.ctx, req.params.id),
  )
  app.post(
    '/api/wanted-notices/:id/revoke',
    {
      schema: { tags, operationId: 'revokeWantedNotice', params: IdParams, body: WantedNoticeRevoke, response: { 200: WantedNoticeView } },
      preHandler: app.requirePermission(ISSUE),
    },
    async (req) => revokeWantedNotice(req.ctx, req.params.id, req.body),
  )

  const publicDoc = { security: [], description: 'No sign-in: published notices only.' }
  app.get(
    '/api/public/wanted',
    {
      schema: { tags, operationId: 'listPublicWanted', querystring: PublicWantedQuery, response: { 200: PublicWantedPage }, ...publicDoc },
    },
    async (req) => listPublicWanted(req.ctx, req.query),
  )
  app.get(
    '/api/public/wanted/:id',
    { schema: { tags, operationId: 'getPublicWanted', params: IdParams, response: { 200: PublicWantedNoticeView }, ...publicDoc } },
    async (req) => getPublicWanted(req.ctx, req.params.id),
  )
  app.get(
    '/api/public/wanted/:id/photo',
    { schema: { tags, operationId: 'getPublicWantedPhoto', params: IdParams, querystring: PhotoQuery, ...publicDoc } },
    // A revoked notice's photo must drop off quickly, so caches keep it for a minute only.
    async (req, reply) =>
      sendPhoto(reply, await getPublicWantedPhoto(req.ctx, req.params.id, req.query.size ?? 'full'), 'public, max-age=60'),
  )
}
