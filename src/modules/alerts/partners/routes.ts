import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { createPartner, deletePartner, getPartner, listPartners, MANAGE_PARTNERS, rotatePartnerSecret, updatePartner } from './service.ts'
import { PartnerCreate, PartnerIdParams, PartnerUpdate, PartnerView, PartnerWithSecret } from './schema.ts'

const tags = ['alerts']

/** Partner apps that receive alerts as signed webhooks; the national level manages them. */
export const alertPartnerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const preHandler = app.requirePermission(MANAGE_PARTNERS)
  app.get(
    '/api/alerts/partners',
    { schema: { tags, operationId: 'listPartners', response: { 200: Type.Array(PartnerView) } }, preHandler },
    async (req) => listPartners(req.ctx),
  )
  app.post(
    '/api/alerts/partners',
    { schema: { tags, operationId: 'createPartner', body: PartnerCreate, response: { 201: PartnerWithSecret } }, preHandler },
    async (req, reply) => reply.code(201).send(await createPartner(req.ctx, req.body)),
  )
  app.get(
    '/api/alerts/partners/:id',
    { schema: { tags, operationId: 'getPartner', params: PartnerIdParams, response: { 200: PartnerView } }, preHandler },
    async (req) => getPartner(req.ctx, req.params.id),
  )
  app.patch(
    '/api/alerts/partners/:id',
    {
      schema: { tags, operationId: 'updatePartner', params: PartnerIdParams, body: PartnerUpdate, response: { 200: PartnerView } },
      preHandler,
    },
    async (req) => updatePartner(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/alerts/partners/:id/rotate-secret',
    {
      schema: {
        tags,
        operationId: 'rotatePartnerSecret',
        description: 'A new secret, shown once; the old one also signs deliveries for 24 hours.',
        params: PartnerIdParams,
        response: { 200: PartnerWithSecret },
      },
      preHandler,
    },
    async (req) => rotatePartnerSecret(req.ctx, req.params.id),
  )
  app.delete(
    '/api/alerts/partners/:id',
    { schema: { tags, operationId: 'deletePartner', params: PartnerIdParams }, preHandler },
    async (req, reply) => {
      await deletePartner(req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )
}
