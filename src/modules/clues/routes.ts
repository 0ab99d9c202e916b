import type { FastifyInstance } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type TSchema } from 'typebox'
import { createClue, CREATE_PERMISSION } from './intake.ts'
import { assignClues, linkClueToCase, recordFeedback, rerouteClue } from './work.ts'
import { getClue, listClueRoutes } from './reads.ts'
import { listClueEvents } from './events.ts'
import { listInbox } from './inbox.ts'
import { countInbox } from './inbox-counts.ts'
import { listClueUnits, listTeamCandidates } from './directory.ts'
import { monthlyClueStats } from './stats.ts'
import { addClueAttachment, ATTACHMENT_MAX_BYTES, getClueAttachment, listClueAttachments } from './attachments.ts'
import {
  AttachmentParams,
  ClueAssign,
  ClueAttachmentView,
  ClueCaseLink,
  ClueEventView,
  ClueFeedback,
  ClueInboxCounts,
  ClueInboxCountsQuery,
  ClueInboxQuery,
  ClueReroute,
  ClueRouteView,
  ClueUnitView,
  ClueView,
  IdParams,
  MandatoryReportCreate,
  OnlineReportCreate,
  PublicTipCreate,
  StatsQuery,
  TeamMemberView,
  TeamQuery,
  UnitMonthStats,
  UnitRequestCreate,
  type ClueCreate,
  type ClueKind,
} from './schema.ts'

const tags = ['clues']
export const ATTACHMENT_BODY_LIMIT = ATTACHMENT_MAX_BYTES + 1024

/** Files are the raw request body with their Content-Type; the service, not the router, decides what it accepts. */
export function acceptFileBodies(app: FastifyInstance) {
  const parse = (_req: unknown, body: Buffer, done: (err: Error | null, body?: Buffer) => void) => done(null, body)
  const options = { parseAs: 'buffer' as const, bodyLimit: ATTACHMENT_BODY_LIMIT }
  app.addContentTypeParser(/^image\/[a-z0-9.+-]+$/i, options, parse)
  app.addContentTypeParser(['application/pdf', 'application/octet-stream'], options, parse)
}

export const uploaded = (body: unknown): Buffer => (Buffer.isBuffer(body) ? body : Buffer.alloc(0))

/** Console routes: intake per kind, the inbox, one clue's file, and the work on it. */
export const clueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  acceptFileBodies(app)
  // One route per kind, each with its own body shape; the service checks the kind's permission again.
  const create = (path: string, operationId: string, kind: ClueKind, body: TSchema) =>
    app.post(
      path,
      { schema: { tags, operationId, body, response: { 201: ClueView } }, preHandler: app.requirePermission(CREATE_PERMISSION[kind]) },
      async (req, reply) => reply.code(201).send(await createClue(req.ctx, { ...(req.body as object), kind } as ClueCreate)),
    )
  create('/api/clues/tips', 'createTip', 'public_tip', PublicTipCreate)
  create('/api/clues/mandatory-reports', 'createMandatoryReport', 'mandatory_report', MandatoryReportCreate)
  create('/api/clues/online-reports', 'createOnlineReport', 'online_report', OnlineReportCreate)
  create('/api/clues/directives', 'issueDirective', 'directive', UnitRequestCreate)
  create('/api/clues/assist-requests', 'sendAssistRequest', 'assist_request', UnitRequestCreate)

  app.get(
    '/api/clues',
    {
      schema: { tags, operationId: 'listInbox', querystring: ClueInboxQuery, response: { 200: Type.Array(ClueView) } },
      preHandler: app.requirePermission('clue.read'),
    },
    async (req) => listInbox(req.ctx, req.query),
  )
  app.get(
    '/api/clues/counts',
    {
      schema: { tags, operationId: 'countInbox', querystring: ClueInboxCountsQuery, response: { 200: ClueInboxCounts } },
      preHandler: app.requirePermission('clue.read'),
    },
    async (req) => countInbox(req.ctx, req.query),
  )
  app.get(
    '/api/clues/units',
    {
      schema: { tags, operationId: 'listClueUnits', response: { 200: Type.Array(ClueUnitView) } },
      preHandler: app.requirePermission('clue.read'),
    },
    async (req) => listClueUnits(req.ctx),
  )
  app.get(
    '/api/clues/team',
    {
      schema: { tags, operationId: 'listTeamCandidates', querystring: TeamQuery, response: { 200: Type.Array(TeamMemberView) } },
      preHandler: app.requirePermission('clue.assign'),
    },
    async (req) => listTeamCandidates(req.ctx, req.query),
  )
  app.get(
    '/api/clues/stats',
    {
      schema: { tags, operationId: 'monthlyClueStats', querystring: StatsQuery, response: { 200: Type.Array(UnitMonthStats) } },
      preHandler: app.requirePermission('clue.read'),
    },
    async (req) => monthlyClueStats(req.ctx, req.query),
  )
  app.post(
    '/api/clues/assignments',
    {
      schema: { tags, operationId: 'assignClues', body: ClueAssign, response: { 200: Type.Array(ClueView) } },
      preHandler: app.requirePermission('clue.assign'),
    },
    async (req) => assignClues(req.ctx, req.body),
  )
  app.get(
    '/api/clues/:id',
    {
      schema: { tags, operationId: 'getClue', params: IdParams, response: { 200: ClueView } },
      preHandler: app.requirePermission('clue.read'),
    },
    async (req) => getClue(req.ctx, req.params.id),
  )
  app.get(
    '/api/clues/:id/events',
    {
      schema: { tags, operationId: 'listClueEvents', params: IdParams, response: { 200: Type.Array(ClueEventView) } },
      preHandler: app.requirePermission('clue.read'),
    },
    async (req) => listClueEvents(req.ctx, req.params.id),
  )
  app.get(
    '/api/clues/:id/routes',
    {
      schema: { tags, operationId: 'listClueRoutes', params: IdParams, response: { 200: Type.Array(ClueRouteView) } },
      preHandler: app.requirePermission('clue.read'),
    },
    async (req) => listClueRoutes(req.ctx, req.params.id),
  )
  app.post(
    '/api/clues/:id/reroute',
    {
      schema: { tags, operationId: 'rerouteClue', params: IdParams, body: ClueReroute, response: { 200: ClueView } },
      preHandler: app.requirePermission('clue.write'),
    },
    async (req) => rerouteClue(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/clues/:id/feedback',
    {
      schema: { tags, operationId: 'recordFeedback', params: IdParams, body: ClueFeedback, response: { 200: ClueView } },
      preHandler: app.requirePermission('clue.write'),
    },
    async (req) => recordFeedback(req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/clues/:id/case',
    {
      schema: { tags, operationId: 'linkClueToCase', params: IdParams, body: ClueCaseLink, response: { 200: ClueView } },
      preHandler: app.requirePermission('clue.write'),
    },
    async (req) => linkClueToCase(req.ctx, req.params.id, req.body),
  )
  app.get(
    '/api/clues/:id/attachments',
    {
      schema: { tags, operationId: 'listClueAttachments', params: IdParams, response: { 200: Type.Array(ClueAttachmentView) } },
      preHandler: app.requirePermission('clue.read'),
    },
    async (req) => listClueAttachments(req.ctx, req.params.id),
  )
  app.post(
    '/api/clues/:id/attachments',
    {
      schema: {
        tags,
        operationId: 'addClueAttachment',
        params: IdParams,
        response: { 201: ClueAttachmentView },
        description: 'The file is the request body: a JPEG, PNG or WebP photo, or a PDF.',
      },
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      // The sender of a mandatory report may attach to it without reading clues (the service checks who may).
      preHandler: app.requireAnyPermission(['clue.read', 'mandatory_report.submit']),
    },
    async (req, reply) =>
      reply.code(201).send(await addClueAttachment(req.ctx, req.params.id, uploaded(req.body), req.headers['content-type'])),
  )
  app.get(
    '/api/clues/:id/attachments/:attachmentId',
    { schema: { tags, operationId: 'getClueAttachment', params: AttachmentParams }, preHandler: app.requirePermission('clue.read') },
    async (req, reply) => {
      const file = await getClueAttachment(req.ctx, req.params.id, req.params.attachmentId)
      return reply
        .type(file.contentType)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'attachment')
        .send(file.bytes)
    },
  )
}
