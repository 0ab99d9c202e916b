import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { isDomainError, notFound } from '../../platform/errors.ts'
import { unitRef } from '../identity/index.ts'
import { caseReadFilter, getCaseRow } from './access.ts'
import { missingCase, wantedNotice } from './tables.ts'
import type { PhotoBytes } from './case-photos.ts'
import type { PhotoSize } from './schema.ts'
import type {
  PublicWantedNoticeView,
  PublicWantedPage,
  PublicWantedQuery,
  WantedNoticeListQuery,
  WantedNoticePage,
  WantedNoticeView,
} from './wanted-schema.ts'

/** Every column but the photo bytes, with the issuing unit's name and the case number. */
const selectNotices = (db: Db) =>
  db
    .select({
      n: {
        id: wantedNotice.id,
        caseId: wantedNotice.caseId,
        class: wantedNotice.class,
        issuingUnitId: wantedNotice.issuingUnitId,
        suspectName: wantedNotice.suspectName,
        suspectAliases: wantedNotice.suspectAliases,
        suspectSex: wantedNotice.suspectSex,
        suspectBirthYear: wantedNotice.suspectBirthYear,
        suspectIdNumber: wantedNotice.suspectIdNumber,
        description: wantedNotice.description,
        rewardText: wantedNotice.rewardText,
        rewardAmountCny: wantedNotice.rewardAmountCny,
        contactPhone: wantedNotice.contactPhone,
        status: wantedNotice.status,
        createdBy: wantedNotice.createdBy,
        createdAt: wantedNotice.createdAt,
        updatedAt: wantedNotice.updatedAt,
        publishedAt: wantedNotice.publishedAt,
        revokedAt: wantedNotice.revokedAt,
        revokeReason: wantedNotice.revokeReason,
        revokeNote: wantedNotice.revokeNote,
      },
      hasPhoto: sql<boolean>`${wantedNotice.photo} IS NOT NULL`,
      issuingUnitName: unitRef.name,
      caseNo: missingCase.caseNo,
    })
    .from(wantedNotice)
    .innerJoin(unitRef, eq(unitRef.id, wantedNotice.issuingUnitId))
    .innerJoin(missingCase, eq(missingCase.id, wantedNotice.caseId))

type NoticeRow = Awaited<ReturnType<ReturnType<typeof selectNotices>['where']>>[number]

const iso = (d: Date | null) => (d ? d.toISOString() : null)

function toPublicView({ n, hasPhoto, issuingUnitName }: NoticeRow): PublicWantedNoticeView {
  return {
    id: n.id,
    class: n.class,
    suspectName: n.suspectName,
    suspectAliases: n.suspectAliases,
    suspectSex: n.suspectSex,
    suspectBirthYear: n.suspectBirthYear,
    suspectIdNumber: n.suspectIdNumber,
    description: n.description,
    rewardText: n.rewardText,
    rewardAmountCny: n.rewardAmountCny,
    contactPhone: n.contactPhone,
    issuingUnitName,
    hasPhoto,
    publishedAt: n.publishedAt!.toISOString(),
  }
}

function toView(row: NoticeRow): WantedNoticeView {
  const { n } = row
  return {
    ...toPublicView({ ...row, n: { ...n, publishedAt: n.publishedAt ?? n.createdAt } }),
    caseId: n.caseId,
    caseNo: row.caseNo,
    issuingUnitId: n.issuingUnitId,
    status: n.status,
    publishedAt: iso(n.publishedAt),
    revokedAt: iso(n.revokedAt),
    revokeReason: n.revokeReason,
    revokeNote: n.revokeNote,
    createdBy: n.createdBy,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  }
}

export async function loadWantedView(db: Db, id: string): Promise<WantedNoticeView> {
  const [row] = await selectNotices(db).where(eq(wantedNotice.id, id))
  if (!row) throw notFound('wanted_notice.not_found', `wanted notice ${id} not found`)
  return toView(row)
}

/** One notice, for a caller who may read its case. */
export async function getWantedNotice(ctx: Ctx, id: string): Promise<WantedNoticeView> {
  const view = await loadWantedView(ctx.db, id)
  await getCaseRow(ctx, view.caseId).catch((error: unknown) => {
    throw isDomainError(error) && error.kind === 'not_found' ? notFound('wanted_notice.not_found', `wanted notice ${id} not found`) : error
  })
  return view
}

async function page<T>(db: Db, where: SQL | undefined, pageNo: number, pageSize: number, map: (row: NoticeRow) => T) {
  const [{ total }] = await db
    .select({ total: count() })
    .from(wantedNotice)
    .innerJoin(missingCase, eq(missingCase.id, wantedNotice.caseId))
    .where(where)
  const rows = await selectNotices(db)
    .where(where)
    .orderBy(desc(wantedNotice.createdAt), desc(wantedNotice.id))
    .limit(pageSize)
    .offset((pageNo - 1) * pageSize)
  return { items: rows.map(map), total, page: pageNo, pageSize }
}

/** Notices on the cases the caller may see, newest first. */
export async function listWantedNotices(ctx: Ctx, query: WantedNoticeListQuery): Promise<WantedNoticePage> {
  const where = and(
    caseReadFilter(ctx.actor),
    query.caseId ? eq(wantedNotice.caseId, query.caseId) : undefined,
    query.status ? eq(wantedNotice.status, query.status) : undefined,
    query.class ? eq(wantedNotice.class, query.class) : undefined,
  )
  return page(ctx.db, where, query.page ?? 1, query.pageSize ?? 20, toView)
}

const published = eq(wantedNotice.status, 'published')

/** The public page: published notices only, with their public fields. Needs no sign-in. */
export async function listPublicWanted(ctx: Ctx, query: PublicWantedQuery): Promise<PublicWantedPage> {
  const where = and(published, query.class ? eq(wantedNotice.class, query.class) : undefined)
  return page(ctx.db, where, query.page ?? 1, query.pageSize ?? 20, toPublicView)
}

export async function getPublicWanted(ctx: Ctx, id: string): Promise<PublicWantedNoticeView> {
  const [row] = await selectNotices(ctx.db).where(and(eq(wantedNotice.id, id), published))
  if (!row) throw notFound('wanted_notice.not_found', `wanted notice ${id} not found`)
  return toPublicView(row)
}

async function photoOf(db: Db, where: SQL | undefined, id: string, size: PhotoSize): Promise<PhotoBytes> {
  const [row] = await db
    .select({ full: wantedNotice.photo, thumb: wantedNotice.photoThumbnail, contentType: wantedNotice.photoContentType })
    .from(wantedNotice)
    .where(and(eq(wantedNotice.id, id), where))
  if (!row?.full || !row.thumb) throw notFound('wanted_notice.photo_not_found', `wanted notice ${id} has no photo`)
  const bytes = size === 'thumb' ? row.thumb : row.full
  return { bytes, contentType: size === 'thumb' ? 'image/jpeg' : row.contentType! }
}

/** The suspect's photo of a published notice, for anyone. */
export const getPublicWantedPhoto = (ctx: Ctx, id: string, size: PhotoSize) => photoOf(ctx.db, published, id, size)

/** The photo of any notice the caller may see (a draft being prepared). */
export async function getWantedPhoto(ctx: Ctx, id: string, size: PhotoSize): Promise<PhotoBytes> {
  await getWantedNotice(ctx, id)
  return photoOf(ctx.db, undefined, id, size)
}
