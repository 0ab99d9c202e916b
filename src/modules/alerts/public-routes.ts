import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { capFeed, capMessage, getPublicAlert, getPublicAlertPhoto, listPublicAlerts } from './public.ts'
import { subscribe, unsubscribe } from './subscriptions.ts'
import { vapidPublicKey } from './push-channel.ts'
import { PublicAlert, PublicAlertQuery, PushSubscriptionCreate, PushSubscriptionDelete } from './schema.ts'

const tags = ['alerts (public)']
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
const open = { security: [] }

/** What needs no sign-in: active alerts, photos, the CAP feed and messages, and Web Push subscriptions. */
export const publicAlertRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/public/alerts',
    {
      schema: {
        ...open,
        tags,
        operationId: 'listPublicAlerts',
        description: 'Active alerts: nearest first from lat/lon, or those last seen in a division (code or prefix), or all.',
        querystring: PublicAlertQuery,
        response: { 200: Type.Array(PublicAlert) },
      },
      config: { csrf: false },
    },
    async (req) => listPublicAlerts(req.ctx, req.query),
  )
  app.get(
    '/api/public/alerts/:id',
    { schema: { ...open, tags, operationId: 'getPublicAlert', params: IdParams, response: { 200: PublicAlert } }, config: { csrf: false } },
    async (req) => getPublicAlert(req.ctx, req.params.id),
  )
  app.get(
    '/api/public/alerts/:id/photo.jpg',
    { schema: { ...open, tags, operationId: 'getPublicAlertPhoto', params: IdParams }, config: { csrf: false } },
    async (req, reply) => {
      const photo = await getPublicAlertPhoto(req.ctx, req.params.id)
      // Revalidated on every view: when the alert ends the photo must stop showing at once, caches included.
      reply.header('cache-control', 'no-cache').header('etag', `"${photo.etag}"`).type(photo.contentType)
      if (req.headers['if-none-match'] === `"${photo.etag}"`) return reply.code(304).send()
      return reply.send(photo.bytes)
    },
  )
  app.get(
    '/api/alerts/cap.atom',
    { schema: { ...open, tags, operationId: 'capFeed', description: 'OASIS CAP 1.2 messages as an Atom feed.' }, config: { csrf: false } },
    async (req, reply) =>
      reply
        .header('cache-control', 'no-cache')
        .type('application/atom+xml; charset=utf-8')
        .send(await capFeed(req.ctx)),
  )
  app.get(
    '/api/alerts/cap/:file',
    {
      schema: {
        ...open,
        tags,
        operationId: 'capMessage',
        params: Type.Object({ file: Type.String({ pattern: '^[0-9a-f-]{36}\\.xml$' }) }),
      },
      config: { csrf: false },
    },
    async (req, reply) => {
      const xml = await capMessage(req.ctx, req.params.file.slice(0, 36))
      return reply.header('cache-control', 'no-cache').type('application/cap+xml; charset=utf-8').send(xml)
    },
  )
  app.get(
    '/api/public/alerts/push/key',
    {
      schema: { ...open, tags, operationId: 'vapidPublicKey', response: { 200: Type.Object({ publicKey: Type.String() }) } },
      config: { csrf: false },
    },
    async (req) => ({ publicKey: await vapidPublicKey(req.ctx) }),
  )
  app.post(
    '/api/public/alerts/push/subscriptions',
    {
      schema: {
        ...open,
        tags,
        operationId: 'subscribeToAlerts',
        description: 'Subscribe a browser (Web Push) to alerts whose area covers a place.',
        body: PushSubscriptionCreate,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
      config: { csrf: false, publicIntake: true },
    },
    async (req, reply) => reply.code(201).send(await subscribe(req.ctx, req.body)),
  )
  app.post(
    '/api/public/alerts/push/unsubscribe',
    {
      schema: { ...open, tags, operationId: 'unsubscribeFromAlerts', body: PushSubscriptionDelete },
      config: { csrf: false },
    },
    async (req, reply) => {
      await unsubscribe(req.ctx, req.body)
      return reply.code(204).send()
    },
  )
}
