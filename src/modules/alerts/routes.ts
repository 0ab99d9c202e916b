import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { draftAlert, rejectDraft, updateDraft } from './drafts.ts'
import { approveAlert } from './publish.ts'
import { changeRadius } from './stages.ts'
import { endAlert } from './end.ts'
import { getAlert, listAlerts, listDeliveries } from './console.ts'
import {
  AlertCreate,
  AlertDraftUpdate,
  AlertEnd,
  AlertListQuery,
  AlertRadiusChange,
  AlertReject,
  AlertView,
  AlertWorkspace,
  DeliveryListQuery,
  DeliveryView,
} from './schema.ts'

const tags = ['alerts']
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) })

/** The alert console: draft, approve, widen or narrow, end, and watch the deliveries. */
export const alertRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/alerts',
    {
      schema: { tags, operationId: 'listAlerts', querystring: AlertListQuery, response: { 200: Type.Array(AlertView) } },
      preHandler: app.requirePermission('alert.read'),
    },
    async (req) => listAlerts(req.ctx, req.query),
  )
  app.post(
    '/api/alerts',
    {
      schema: { tags, operationId: 'draftAlert', body: AlertCreate, response: { 201: AlertView } },
      preHandler: app.requirePermission('alert.draft'),
    },
    async (req, reply) => reply.code(201).send(await draftAlert(req.ctx, req.body)),
  )
  app.get(
    '/api/alerts/:id',
    {
      schema: { tags, operationId: 'getAlert', params: IdParams, response: { 200: AlertWorkspace } },
      preHandler: app.requirePermission('alert.read'),
    },
    async (req) => getAlert(req.ctx, req.params.id),
  )
  app.patch(
    '/api/alerts/:id',
    {
      schema: { tags, operationId: 'updateAlertDraft', params: IdParams, body: AlertDraftUpdate, response: { 200: AlertView } },
      preHandler: app.requirePermission('alert.draft'),
    },
    async (req) => updateDraft(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/alerts/:id/approve',
    {
      schema: { tags, operationId: 'approveAlert', params: IdParams, response: { 200: AlertWorkspace } },
      preHandler: app.requirePermission('alert.approve'),
    },
    async (req) => approveAlert(req.ctx, req.params.id),
  )
  app.post(
    '/api/alerts/:id/reject',
    {
      schema: { tags, operationId: 'rejectAlertDraft', params: IdParams, body: AlertReject, response: { 200: AlertView } },
      preHandler: app.requirePermission('alert.approve'),
    },
    async (req) => rejectDraft(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/alerts/:id/radius',
    {
      schema: { tags, operationId: 'changeAlertRadius', params: IdParams, body: AlertRadiusChange, response: { 200: AlertWorkspace } },
      preHandler: app.requirePermission('alert.approve'),
    },
    async (req) => changeRadius(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/alerts/:id/end',
    {
      schema: { tags, operationId: 'endAlert', params: IdParams, body: AlertEnd, response: { 200: AlertWorkspace } },
      preHandler: app.requirePermission('alert.end'),
    },
    async (req) => endAlert(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/api/alerts/:id/deliveries',
    {
      schema: {
        tags,
        operationId: 'listAlertDeliveries',
        params: IdParams,
        querystring: DeliveryListQuery,
        response: { 200: Type.Array(DeliveryView) },
      },
      preHandler: app.requirePermission('alert.read'),
    },
    async (req) => listDeliveries(req.ctx, req.params.id, req.query),
  )
}
