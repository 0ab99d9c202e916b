import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { createCase, getCase, updateCase } from './service.ts'
import { listCases, listColdCases } from './lists.ts'
import { transitionCase } from './transitions.ts'
import { listCaseTimeline } from './timeline.ts'
import { recordDispatch } from './dispatch.ts'
import { listEligibleOfficers, setTaskForce } from './task-force.ts'
import { addCasePhoto, getCasePhoto, listCasePhotos, type PhotoBytes } from './case-photos.ts'
import { PHOTO_CONTENT_TYPES, PHOTO_MAX_BYTES } from './image.ts'
import {
  CaseCreate,
  CaseListQuery,
  CasePage,
  CasePhotoView,
  CaseUpdate,
  CaseView,
  ColdCasePage,
  ColdCaseQuery,
  IdParams,
  PhotoParams,
  PhotoQuery,
  TaskForceView,
} from './schema.ts'
import { CaseEventView, CaseTransition, DispatchCreate, TaskForceSet, TimelineQuery } from './timeline-schema.ts'

const tags = ['cases']
/** Room for the multipart-free upload: the photo itself is the body. */
export const UPLOAD_BODY_LIMIT = PHOTO_MAX_BYTES + 1024

/**
 * Photos are uploaded as the raw body with the image's Content-Type (what `fetch(url, { body: file })`
 * sends), not multipart: one file per request, and no form parsing to get wrong. Any image type is
 * read here so that the service, not the router, says which ones it accepts.
 */
export function acceptImageBodies(app: FastifyInstance) {
  const parse = (_req: unknown, body: Buffer, done: (err: Error | null, body?: Buffer) => void) => done(null, body)
  app.addContentTypeParser(/^image\/[a-z0-9.+-]+$/i, { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, parse)
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, parse)
}

export const uploadDoc = {
  description: `The image is the request body (JPEG, PNG or WebP, at most ${PHOTO_MAX_BYTES} bytes), sent with its Content-Type (${PHOTO_CONTENT_TYPES.join(', ')}).`,
}

/** The uploaded bytes; a JSON or empty body counts as an empty file, which the service refuses. */
export const uploaded = (body: unknown): Buffer => (Buffer.isBuffer(body) ? body : Buffer.alloc(0))

export function sendPhoto(reply: FastifyReply, photo: PhotoBytes, cache: string) {
  if (photo.sha256) reply.header('etag', `"${photo.sha256}"`)
  return reply.type(photo.contentType).header('cache-control', cache).header('x-content-type-options', 'nosniff').send(photo.bytes)
}

/** Cases: intake, details, status moves, timeline, dispatch, task force, photos and the cold-case list. */
export const caseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  acceptImageBodies(app)
  app.post(
    '/api/cases',
    {
      schema: { tags, operationId: 'createCase', body: CaseCreate, response: { 201: CaseView } },
      preHandler: app.requirePermission('case.write'),
    },
    async (req, reply) => reply.code(201).send(await createCase(req.ctx, req.body)),
  )
  app.get(
    '/api/cases',
    {
      schema: { tags, operationId: 'listCases', querystring: CaseListQuery, response: { 200: CasePage } },
      preHandler: app.requirePermission('case.read'),
    },
    async (req) => listCases(req.ctx, req.query),
  )
  app.get(
    '/api/cases/cold',
    {
      schema: { tags, operationId: 'listColdCases', querystring: ColdCaseQuery, response: { 200: ColdCasePage } },
      preHandler: app.requirePermission('case.read'),
    },
    async (req) => listColdCases(req.ctx, { ...req.query, olderThanYears: req.query.olderThanYears ?? app.platform.config.coldCaseYears }),
  )
  app.get(
    '/api/cases/:id',
    {
      schema: { tags, operationId: 'getCase', params: IdParams, response: { 200: CaseView } },
      preHandler: app.requirePermission('case.read'),
    },
    async (req) => getCase(req.ctx, req.params.id),
  )
  app.patch(
    '/api/cases/:id',
    {
      schema: { tags, operationId: 'updateCase', params: IdParams, body: CaseUpdate, response: { 200: CaseView } },
      preHandler: app.requirePermission('case.write'),
    },
    async (req) => updateCase(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/cases/:id/transitions',
    {
      schema: { tags, operationId: 'transitionCase', params: IdParams, body: CaseTransition, response: { 200: CaseView } },
      preHandler: app.requirePermission('case.write'),
    },
    async (req) => transitionCase(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/api/cases/:id/timeline',
    {
      schema: {
        tags,
        operationId: 'listCaseTimeline',
        params: IdParams,
        querystring: TimelineQuery,
        response: { 200: Type.Array(CaseEventView) },
      },
      preHandler: app.requirePermission('case.read'),
    },
    async (req) => listCaseTimeline(req.ctx, req.params.id, req.query),
  )
  app.post(
    '/api/cases/:id/dispatches',
    {
      schema: { tags, operationId: 'recordDispatch', params: IdParams, body: DispatchCreate, response: { 201: CaseEventView } },
      preHandler: app.requirePermission('case.dispatch'),
    },
    async (req, reply) => reply.code(201).send(await recordDispatch(req.ctx, req.params.id, req.body)),
  )
  app.get(
    '/api/cases/:id/task-force/eligible',
    {
      schema: {
        tags,
        operationId: 'listEligibleOfficers',
        description: 'Officers to form the task force from: active police of the case’s unit and above; `canHead` marks who may head it.',
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              displayName: Type.String(),
              unitName: Type.String(),
              roles: Type.Array(Type.String()),
              canHead: Type.Boolean(),
            }),
          ),
        },
      },
      preHandler: app.requirePermission('case.write'),
    },
    async (req) => listEligibleOfficers(req.ctx, req.params.id),
  )
  app.put(
    '/api/cases/:id/task-force',
    {
      schema: { tags, operationId: 'setTaskForce', params: IdParams, body: TaskForceSet, response: { 200: TaskForceView } },
      preHandler: app.requirePermission('case.write'),
    },
    async (req) => setTaskForce(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/api/cases/:id/photos',
    {
      schema: { tags, operationId: 'listCasePhotos', params: IdParams, response: { 200: Type.Array(CasePhotoView) } },
      preHandler: app.requirePermission('case.read'),
    },
    async (req) => listCasePhotos(req.ctx, req.params.id),
  )
  app.post(
    '/api/cases/:id/photos',
    {
      schema: { tags, operationId: 'addCasePhoto', params: IdParams, response: { 201: CasePhotoView }, ...uploadDoc },
      bodyLimit: UPLOAD_BODY_LIMIT,
      preHandler: app.requirePermission('case.write'),
    },
    async (req, reply) => reply.code(201).send(await addCasePhoto(req.ctx, req.params.id, uploaded(req.body), req.headers['content-type'])),
  )
  app.get(
    '/api/cases/:id/photos/:photoId',
    {
      schema: { tags, operationId: 'getCasePhoto', params: PhotoParams, querystring: PhotoQuery },
      preHandler: app.requirePermission('case.read'),
    },
    async (req, reply) =>
      sendPhoto(reply, await getCasePhoto(req.ctx, req.params.id, req.params.photoId, req.query.size), 'private, max-age=300'),
  )
}
