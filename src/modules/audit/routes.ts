import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { searchAudit, verifyAudit } from './service.ts'
import { AuditPage, AuditSearchQuery, AuditVerifyView } from './schema.ts'

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: { tags: ['audit'], operationId: 'searchAudit', querystring: AuditSearchQuery, response: { 200: AuditPage } },
      preHandler: app.requirePermission('audit.read'),
    },
    async (req) => searchAudit(req.ctx, req.query),
  )
  app.get(
    '/api/audit/verify',
    {
      schema: { tags: ['audit'], operationId: 'verifyAudit', response: { 200: AuditVerifyView } },
      preHandler: app.requirePermission('audit.read'),
    },
    async (req) => verifyAudit(req.ctx),
  )
}
