// Files on a clue: photos (decoded and re-encoded by the cases module's checks) and, from units, PDF documents.
import { createHash } from 'node:crypto'
import { and, asc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { actorId } from '../../platform/auth/actor.ts'
import { authorize, hasPermission } from '../../platform/auth/authorize.ts'
import { conflict, invalid, notFound } from '../../platform/errors.ts'
import { processImage } from '../cases/image.ts'
import { clue, clueAttachment } from './tables.ts'
import { getClueRow, loadClue, type ClueRow } from './access.ts'
import { appendClueEvent } from './events.ts'
import { tipByReceipt } from './public-tips.ts'
import { CREATE_PERMISSION } from './intake.ts'
import type { ClueAttachmentView } from './schema.ts'

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
/** A tip carries a few photos, not an album. */
const MAX_PER_CLUE = 20

const PDF = 'application/pdf'

/** A PDF by its bytes, not its name: the header at the start and the end-of-file marker near the end. */
export function isPdf(bytes: Buffer): boolean {
  return /^%PDF-[12]\.\d/.test(bytes.subarray(0, 8).toString('latin1')) && bytes.subarray(-1024).toString('latin1').includes('%%EOF')
}

/** Checks a file against what it claims to be; only units may attach PDFs (directives, requests, reports). */
async function checkFile(
  bytes: Buffer,
  declaredType: string | undefined,
  allowPdf: boolean,
): Promise<{ contentType: string; bytes: Buffer }> {
  if (bytes.length === 0) throw invalid('clue.attachment_empty', 'the file is empty')
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw invalid('clue.attachment_too_large', `a file may be at most ${ATTACHMENT_MAX_BYTES} bytes`)
  const declared = declaredType?.split(';')[0].trim().toLowerCase()
  if (declared === PDF || isPdf(bytes)) {
    if (!allowPdf) throw invalid('clue.attachment_type', 'send a photo (JPEG, PNG or WebP)')
    if (!isPdf(bytes)) throw invalid('clue.attachment_type_mismatch', 'the file says application/pdf but is not a PDF')
    if (declared && declared !== PDF && declared !== 'application/octet-stream') {
      throw invalid('clue.attachment_type_mismatch', `the file says ${declared} but is a PDF`)
    }
    return { contentType: PDF, bytes }
  }
  const image = await processImage(bytes, declaredType)
  return { contentType: image.contentType, bytes: image.bytes }
}

async function storeAttachment(ctx: Ctx, row: ClueRow, file: { contentType: string; bytes: Buffer }): Promise<ClueAttachmentView> {
  return ctx.db.transaction(async (tx) => {
    // The clue row is locked so that two uploads at once cannot both pass the count.
    await tx.select({ id: clue.id }).from(clue).where(eq(clue.id, row.id)).for('update')
    const existing = await tx.select({ id: clueAttachment.id }).from(clueAttachment).where(eq(clueAttachment.clueId, row.id))
    if (existing.length >= MAX_PER_CLUE) throw conflict('clue.too_many_attachments', `a clue holds at most ${MAX_PER_CLUE} files`)
    const sha256 = createHash('sha256').update(file.bytes).digest('hex')
    const [stored] = await tx
      .insert(clueAttachment)
      .values({
        clueId: row.id,
        contentType: file.contentType,
        bytes: file.bytes,
        size: file.bytes.length,
        sha256,
        uploadedBy: actorId(ctx.actor),
        createdAt: ctx.now(),
      })
      .returning()
    await appendClueEvent(ctx, tx, row.id, {
      kind: 'clue.attachment',
      summary: '添加附件',
      details: { attachmentId: stored.id, contentType: stored.contentType, size: stored.size },
    })
    await ctx.audit(
      {
        action: 'clue.attachment.add',
        resource: { type: 'clue', id: row.id },
        details: { attachmentId: stored.id },
        unitId: row.routedUnitId,
      },
      tx,
    )
    return toAttachmentView(stored)
  })
}

function toAttachmentView(row: typeof clueAttachment.$inferSelect): ClueAttachmentView {
  return { id: row.id, contentType: row.contentType, size: row.size, sha256: row.sha256, createdAt: row.createdAt.toISOString() }
}

/** A unit attaches a file to a clue it can see: the receiving side while working it, the sender to what it sent. */
export async function addClueAttachment(ctx: Ctx, clueId: string, bytes: Buffer, declaredType?: string): Promise<ClueAttachmentView> {
  const row = await clueToAttachTo(ctx, clueId)
  if (row.status === 'closed') throw conflict('clue.closed', `clue ${clueId} is closed`)
  return storeAttachment(ctx, row, await checkFile(bytes, declaredType, true))
}

/**
 * Those who may read the clue and write clues (or send its kind) attach files; so does the person who sent it, even
 * without reading rights: an institution's reporter adds the photo to the mandatory report they have just filed.
 */
async function clueToAttachTo(ctx: Ctx, clueId: string): Promise<ClueRow> {
  const row = await loadClue(ctx.db, clueId, false)
  const me = actorId(ctx.actor)
  if (me !== null && row.createdBy === me && hasPermission(ctx.actor, CREATE_PERMISSION[row.kind])) return row
  await getClueRow(ctx, clueId)
  if (!hasPermission(ctx.actor, 'clue.write') && !hasPermission(ctx.actor, CREATE_PERMISSION[row.kind])) authorize(ctx.actor, 'clue.write')
  return row
}

/** The tipster adds a photo to their tip with its receipt code. */
export async function addTipPhoto(ctx: Ctx, receipt: string, bytes: Buffer, declaredType?: string): Promise<ClueAttachmentView> {
  const tip = await tipByReceipt(ctx, receipt)
  return storeAttachment(ctx, tip, await checkFile(bytes, declaredType, false))
}

export async function listClueAttachments(ctx: Ctx, clueId: string): Promise<ClueAttachmentView[]> {
  await getClueRow(ctx, clueId)
  const rows = await ctx.db.select().from(clueAttachment).where(eq(clueAttachment.clueId, clueId)).orderBy(asc(clueAttachment.createdAt))
  return rows.map(toAttachmentView)
}

export async function getClueAttachment(ctx: Ctx, clueId: string, attachmentId: string) {
  await getClueRow(ctx, clueId)
  const [row] = await ctx.db
    .select()
    .from(clueAttachment)
    .where(and(eq(clueAttachment.clueId, clueId), eq(clueAttachment.id, attachmentId)))
  if (!row) throw notFound('clue_attachment.not_found', `attachment ${attachmentId} not found`)
  await ctx.audit({ action: 'clue.attachment.read', resource: { type: 'clue', id: clueId }, details: { attachmentId } })
  return { contentType: row.contentType, bytes: row.bytes, sha256: row.sha256 }
}
