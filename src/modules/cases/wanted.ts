// 通缉令: class A by the ministry, class B by a province; published on the public page, revoked when caught.
import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { actorId } from '../../platform/auth/actor.ts'
import { authorize, isWithinDivision } from '../../platform/auth/authorize.ts'
import { conflict, forbidden, notFound } from '../../platform/errors.ts'
import { actingUnit, unitById, type UnitRow } from './acting-unit.ts'
import { getCaseRow } from './access.ts'
import { processImage } from './image.ts'
import { appendCaseEvent } from './timeline.ts'
import { wantedNotice } from './tables.ts'
import { checkSuspect } from './wanted-checks.ts'
import { loadWantedView } from './wanted-reads.ts'
import type {
  WantedClass,
  WantedNoticeCreate,
  WantedNoticeRevoke,
  WantedNoticeUpdate,
  WantedNoticeView,
  WantedStatus,
} from './wanted-schema.ts'

export const ISSUE = 'wanted_notice.issue'
const LEVEL_FOR_CLASS: Record<WantedClass, { level: UnitRow['level']; who: string }> = {
  A: { level: 'national', who: 'the ministry' },
  B: { level: 'province', who: 'a provincial department' },
}

type NoticeRow = typeof wantedNotice.$inferSelect

function assertMayIssue(unit: UnitRow, noticeClass: WantedClass) {
  const rule = LEVEL_FOR_CLASS[noticeClass]
  if (unit.type !== 'public_security' || unit.level !== rule.level) {
    throw forbidden('wanted_notice.class_level', `class ${noticeClass} wanted notices are issued by ${rule.who}`)
  }
}

/** Drafts a notice for a suspect in a case the caller may see; the issuing unit's level must match the class. */
export async function issueWantedNotice(ctx: Ctx, input: WantedNoticeCreate): Promise<WantedNoticeView> {
  authorize(ctx.actor, ISSUE)
  const unit = await actingUnit(ctx, input.issuingUnitId, '/issuingUnitId')
  assertMayIssue(unit, input.class)
  const missing = await getCaseRow(ctx, input.caseId, ISSUE)
  if (!isWithinDivision(unit.divisionCode, missing.divisionCode)) throw notFound('case.not_found', `case ${input.caseId} not found`)
  const { caseId, class: noticeClass, issuingUnitId: _unit, ...suspect } = input
  const columns = checkSuspect(suspect, suspect, ctx.now())
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now()
    const [row] = await tx
      .insert(wantedNotice)
      .values({
        ...columns,
        suspectName: columns.suspectName!,
        suspectSex: columns.suspectSex!,
        description: columns.description!,
        contactPhone: columns.contactPhone!,
        caseId,
        class: noticeClass,
        issuingUnitId: unit.id,
        status: 'draft',
        createdBy: actorId(ctx.actor) ?? 'anonymous',
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    await appendCaseEvent(ctx, tx, caseId, {
      kind: 'wanted_notice.drafted',
      summary: `${unit.name} 拟发布${noticeClass}级通缉令：${row.suspectName}`,
      details: { wantedNoticeId: row.id, class: noticeClass },
    })
    await ctx.audit(
      { action: 'wanted_notice.issue', resource: { type: 'wanted_notice', id: row.id }, details: { caseId, class: noticeClass } },
      tx,
    )
    return loadWantedView(tx, row.id)
  })
}

/** Locks a notice for a change by the issuing unit (or one above it), in one of `statuses`. */
async function lockNotice(ctx: Ctx, tx: Db, id: string, statuses: readonly WantedStatus[]): Promise<NoticeRow> {
  const [row] = await tx.select().from(wantedNotice).where(eq(wantedNotice.id, id)).for('update')
  if (!row) throw notFound('wanted_notice.not_found', `wanted notice ${id} not found`)
  const unit = await unitById(tx, row.issuingUnitId)
  authorize(ctx.actor, ISSUE, { type: 'wanted_notice', id, divisionCode: unit?.divisionCode ?? '', owningUnitId: row.issuingUnitId })
  if (!statuses.includes(row.status)) throw conflict(`wanted_notice.${row.status}`, `the notice is ${row.status}`)
  return row
}

async function change(ctx: Ctx, id: string, statuses: readonly WantedStatus[], apply: (tx: Db, row: NoticeRow) => Promise<void>) {
  return ctx.db.transaction(async (tx) => {
    await apply(tx, await lockNotice(ctx, tx, id, statuses))
    return loadWantedView(tx, id)
  })
}

/** Corrects or adds to a notice that is not revoked (a raised reward, a better description). */
export async function updateWantedNotice(ctx: Ctx, id: string, input: WantedNoticeUpdate): Promise<WantedNoticeView> {
  return change(ctx, id, ['draft', 'published'], async (tx, row) => {
    const merged = { ...row, ...input } as WantedNoticeUpdate
    const columns = checkSuspect(Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null)), input, ctx.now())
    await tx
      .update(wantedNotice)
      .set({ ...columns, updatedAt: ctx.now() })
      .where(eq(wantedNotice.id, id))
    await ctx.audit(
      { action: 'wanted_notice.update', resource: { type: 'wanted_notice', id }, details: { changed: Object.keys(columns) } },
      tx,
    )
  })
}

/** Sets the suspect's photo: decoded, stripped of metadata and thumbnailed as case photos are. */
export async function setWantedPhoto(ctx: Ctx, id: string, upload: Buffer, declaredType?: string): Promise<WantedNoticeView> {
  // Authorised before the image is looked at, so that an outsider learns nothing from the answer.
  await lockNotice(ctx, ctx.db, id, ['draft', 'published'])
  const image = await processImage(upload, declaredType)
  return change(ctx, id, ['draft', 'published'], async (tx) => {
    await tx
      .update(wantedNotice)
      .set({ photo: image.bytes, photoThumbnail: image.thumbnail, photoContentType: image.contentType, updatedAt: ctx.now() })
      .where(eq(wantedNotice.id, id))
    await ctx.audit({ action: 'wanted_notice.photo', resource: { type: 'wanted_notice', id }, details: { sha256: image.sha256 } }, tx)
  })
}

/** Publishes a draft: from now on anyone sees it on the public page. */
export async function publishWantedNotice(ctx: Ctx, id: string): Promise<WantedNoticeView> {
  return change(ctx, id, ['draft'], async (tx, row) => {
    await tx.update(wantedNotice).set({ status: 'published', publishedAt: ctx.now(), updatedAt: ctx.now() }).where(eq(wantedNotice.id, id))
    await appendCaseEvent(ctx, tx, row.caseId, {
      kind: 'wanted_notice.published',
      summary: `发布${row.class}级通缉令：${row.suspectName}`,
      details: { wantedNoticeId: id },
    })
    await ctx.audit({ action: 'wanted_notice.publish', resource: { type: 'wanted_notice', id }, details: { caseId: row.caseId } }, tx)
  })
}

/** Revokes a notice (the suspect is caught, has surrendered, or otherwise): it leaves the public page at once. */
export async function revokeWantedNotice(ctx: Ctx, id: string, input: WantedNoticeRevoke): Promise<WantedNoticeView> {
  return change(ctx, id, ['draft', 'published'], async (tx, row) => {
    const now = ctx.now()
    await tx
      .update(wantedNotice)
      .set({ status: 'revoked', revokedAt: now, revokeReason: input.reason, revokeNote: input.note?.trim() ?? null, updatedAt: now })
      .where(eq(wantedNotice.id, id))
    await appendCaseEvent(ctx, tx, row.caseId, {
      kind: 'wanted_notice.revoked',
      summary: `撤销通缉令：${row.suspectName}（${input.reason === 'caught' ? '已抓获' : input.reason === 'surrendered' ? '已投案' : '其他'}）`,
      details: { wantedNoticeId: id, reason: input.reason },
    })
    await ctx.audit(
      { action: 'wanted_notice.revoke', resource: { type: 'wanted_notice', id }, details: { caseId: row.caseId, reason: input.reason } },
      tx,
    )
  })
}
