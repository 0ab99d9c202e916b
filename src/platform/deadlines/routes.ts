import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { listDeadlines } from './service.ts'
import { DeadlineList, DeadlineListQuery } from './schema.ts'

export const deadlineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/deadlines',
    {
      schema: { tags: ['deadlines'], operationId: 'listDeadlines', querystring: DeadlineListQuery, response: { 200: DeadlineList } },
      preHandler: app.requirePermission('deadline.read'),
    },
    async (req) => ({ items: await listDeadlines(req.ctx, req.query) }),
  )
}
