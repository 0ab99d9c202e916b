import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { addTipInformation, getTipStatus } from './public-tips.ts'
import { acceptPublicTip, kickTipRouting, processTipIntake } from './tip-intake.ts'
import { addTipPhoto } from './attachments.ts'
import { acceptFileBodies, ATTACHMENT_BODY_LIMIT, uploaded } from './routes.ts'
import { ClueAttachmentView, PublicTipCreate, ReceiptParams, TipAddition, TipReceipt, TipStatusView } from './schema.ts'

/** A tip is text and a place: 16 KiB is far more than any honest one needs. */
export const TIP_BODY_LIMIT = 16 * 1024
const tags = ['public']
const open = { security: [] }

/**
 * Tips from the public, without login. Every route with `config.publicIntake` is guarded by the anti-abuse
 * layer that src/platform/http/abuse/plugin.ts attaches when the route is registered (proof-of-work challenge
 * from GET /api/public/challenge, per-address and global rate limits); nothing here needs to call it. Duplicate
 * tips are caught by their fingerprint when stored (public-tips.ts). The status read needs the receipt code only.
 */
export const publicTipRoutes: FastifyPluginAsyncTypebox = async (app) => {
  acceptFileBodies(app)
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
  })
  app.post(
    '/api/public/tips',
    {
      schema: { ...open, tags, operationId: 'submitPublicTip', body: PublicTipCreate, response: { 201: TipReceipt } },
      bodyLimit: TIP_BODY_LIMIT,
      config: { csrf: false, publicIntake: true },
    },
    async (req, reply) => {
      const { receipt, intakeId } = await acceptPublicTip(req.ctx, req.body)
      // Acknowledged once stored; routing follows in the background (or here, where no background routing runs).
      if (!kickTipRouting(req.ctx.db)) await processTipIntake(req.ctx, { ids: [intakeId] })
      return reply.code(201).send({ receipt, status: 'received' })
    },
  )
  app.get(
    '/api/public/tips/:receipt',
    {
      schema: { ...open, tags, operationId: 'getTipStatus', params: ReceiptParams, response: { 200: TipStatusView } },
      config: { csrf: false },
    },
    async (req) => getTipStatus(req.ctx, req.params.receipt),
  )
  app.post(
    '/api/public/tips/:receipt/additions',
    {
      schema: {
        ...open,
        tags,
        operationId: 'addTipInformation',
        params: ReceiptParams,
        body: TipAddition,
        response: { 200: TipStatusView },
      },
      bodyLimit: TIP_BODY_LIMIT,
      config: { csrf: false, publicIntake: true },
    },
    async (req) => addTipInformation(req.ctx, req.params.receipt, req.body),
  )
  app.post(
    '/api/public/tips/:receipt/photos',
    {
      schema: {
        ...open,
        tags,
        operationId: 'addTipPhoto',
        params: ReceiptParams,
        response: { 201: ClueAttachmentView },
        description: 'The photo is the request body (JPEG, PNG or WebP).',
      },
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      config: { csrf: false, publicIntake: true },
    },
    async (req, reply) =>
      reply.code(201).send(await addTipPhoto(req.ctx, req.params.receipt, uploaded(req.body), req.headers['content-type'])),
  )
}
