import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createSupervision } from './supervision.ts'
import { getSupervision, listSupervisions } from './supervision-lists.ts'
import { liftSupervision, submitSupervisionReport, updateSupervision } from './supervision-reports.ts'
import { IdParams } from './schema.ts'
import {
  SupervisionCreate,
  SupervisionDetail,
  SupervisionLift,
  SupervisionListQuery,
  SupervisionPage,
  SupervisionReportCreate,
  SupervisionUpdate,
  SupervisionView,
} from './supervision-schema.ts'

const tags = ['supervision']

/** 挂牌督办: listing cases and key areas, progress reports, lifting. */
export const supervisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/supervisions',
    {
      schema: { tags, operationId: 'createSupervision', body: SupervisionCreate, response: { 201: SupervisionView } },
      preHandler: app.requirePermission('supervision.write'),
    },
    async (req, reply) => reply.code(201).send(await createSupervision(req.ctx, req.body)),
  )
  app.get(
    '/api/supervisions',
    {
      schema: { tags, operationId: 'listSupervisions', querystring: SupervisionListQuery, response: { 200: SupervisionPage } },
      preHandler: app.requirePermission('supervision.read'),
    },
    async (req) => listSupervisions(req.ctx, req.query),
  )
  app.get(
    '/api/supervisions/:id',
    {
      schema: { tags, operationId: 'getSupervision', params: IdParams, response: { 200: SupervisionDetail } },
      preHandler: app.requirePermission('supervision.read'),
    },
    async (req) => getSupervision(req.ctx, req.params.id),
  )
  app.patch(
    '/api/supervisions/:id',
    {
      schema: { tags, operationId: 'updateSupervision', params: IdParams, body: SupervisionUpdate, response: { 200: SupervisionView } },
      preHandler: app.requirePermission('supervision.write'),
    },
    async (req) => updateSupervision(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/supervisions/:id/reports',
    {
      schema: {
        tags,
        operationId: 'submitSupervisionReport',
        params: IdParams,
        body: SupervisionReportCreate,
        response: { 201: SupervisionDetail },
      },
      preHandler: app.requirePermission('supervision.report'),
    },
    async (req, reply) => reply.code(201).send(await submitSupervisionReport(req.ctx, req.params.id, req.body)),
  )
  app.post(
    '/api/supervisions/:id/lift',
    {
      schema: { tags, operationId: 'liftSupervision', params: IdParams, body: SupervisionLift, response: { 200: SupervisionView } },
      preHandler: app.requirePermission('supervision.write'),
    },
    async (req) => liftSupervision(req.ctx, req.params.id, req.body),
  )
}
