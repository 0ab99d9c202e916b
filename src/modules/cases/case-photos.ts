import { and, asc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { actorId } from '../../platform/auth/actor.ts'
import { notFound } from '../../platform/errors.ts'
import { assertNotClosed, getCaseRow, lockCaseRow } from './access.ts'
import { processImage } from './image.ts'
import { appendCaseEvent } from './timeline.ts'
import { casePhoto } from './tables.ts'
import type { CasePhotoView, PhotoSize } from './schema.ts'

const META = {
  id: casePhoto.id,
  contentType: casePhoto.contentType,
  width: casePhoto.width,
  height: casePhoto.height,
  sizeBytes: casePhoto.sizeBytes,
  sha256: casePhoto.sha256,
  createdAt: casePhoto.createdAt,
}

type PhotoMeta = { [K in keyof typeof META]: (typeof casePhoto.$inferSelect)[K] }

const toPhotoView = (row: PhotoMeta): CasePhotoView => ({ ...row, createdAt: row.createdAt.toISOString() })

/** The photos of a case, oldest first, without their bytes; the caller has authorised the case. */
export async function listPhotoMeta(db: Db, caseId: string): Promise<CasePhotoView[]> {
  const rows = await db.select(META).from(casePhoto).where(eq(casePhoto.caseId, caseId)).orderBy(asc(casePhoto.createdAt))
  return rows.map(toPhotoView)
}

/** The photos of a case the caller may read. */
export async function listCasePhotos(ctx: Ctx, caseId: string): Promise<CasePhotoView[]> {
  await getCaseRow(ctx, caseId)
  return listPhotoMeta(ctx.db, caseId)
}

/**
 * Adds a photo of the child. The image is checked and re-encoded before the transaction opens;
 * the same picture sent twice is stored once.
 */
export async function addCasePhoto(ctx: Ctx, caseId: string, upload: Buffer, declaredType?: string): Promise<CasePhotoView> {
  assertNotClosed(await getCaseRow(ctx, caseId, 'case.write'))
  const image = await processImage(upload, declaredType)
  return ctx.db.transaction(async (tx) => {
    assertNotClosed(await lockCaseRow(ctx, tx, caseId, 'case.write'))
    const [existing] = await tx
      .select(META)
      .from(casePhoto)
      .where(and(eq(casePhoto.caseId, caseId), eq(casePhoto.sha256, image.sha256)))
    if (existing) return toPhotoView(existing)
    const [row] = await tx
      .insert(casePhoto)
      .values({ caseId, ...image, sizeBytes: image.bytes.length, createdBy: actorId(ctx.actor) ?? 'anonymous', createdAt: ctx.now() })
      .returning(META)
    await appendCaseEvent(ctx, tx, caseId, {
      kind: 'case.photo_added',
      summary: `照片已添加 (${row.width}×${row.height})`,
      details: { photoId: row.id, sha256: row.sha256 },
    })
    await ctx.audit(
      { action: 'case.photo.add', resource: { type: 'case', id: caseId }, details: { photoId: row.id, sha256: row.sha256 } },
      tx,
    )
    return toPhotoView(row)
  })
}

export interface PhotoBytes {
  contentType: string
  bytes: Buffer
  /** For an ETag, when known. */
  sha256?: string
}

/** A photo's bytes (full size, or the 320 px JPEG thumbnail) for a caller who may read the case; full-size reads are audited. */
export async function getCasePhoto(ctx: Ctx, caseId: string, photoId: string, size: PhotoSize = 'full'): Promise<PhotoBytes> {
  await getCaseRow(ctx, caseId)
  const column = size === 'thumb' ? casePhoto.thumbnail : casePhoto.bytes
  const [row] = await ctx.db
    .select({ bytes: column, contentType: casePhoto.contentType, sha256: casePhoto.sha256 })
    .from(casePhoto)
    .where(and(eq(casePhoto.id, photoId), eq(casePhoto.caseId, caseId)))
  if (!row) throw notFound('case.photo_not_found', `photo ${photoId} not found`)
  if (size === 'thumb') return { contentType: 'image/jpeg', bytes: row.bytes, sha256: row.sha256 }
  await ctx.audit({ action: 'case.photo.read', resource: { type: 'case', id: caseId }, details: { photoId } })
  return row
}
