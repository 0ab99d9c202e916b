import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { and, eq, inArray } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { authorize } from '../../platform/auth/authorize.ts'
import { actorId } from '../../platform/auth/actor.ts'
import { conflict, invalid } from '../../platform/errors.ts'
import { appendCaseEvent, getCase, getCasePhoto, type CaseView } from '../cases/index.ts'
import { alert, alertPhoto, type AlertDetailsRecord } from './tables.ts'
import { alertResource, assertStatus, getAlertRow } from './access.ts'
import type { AlertCreate, AlertDraftUpdate, AlertReject, AlertView } from './schema.ts'
import { toAlertView } from './views.ts'

/** Case states in which a child is still missing: only these may have an alert. */
const MISSING = ['reported', 'searching']

/** Longest edge of an alert's photo, in pixels. */
const PHOTO_EDGE = 800

const blank = (text: string | null | undefined) => text?.trim() ?? ''

/** The public details of a case: what an alert may say, and nothing else (no ID number, family, reporter). */
function detailsFromCase(kase: CaseView, draft: AlertDraftUpdate): AlertDetailsRecord {
  const contactPhone = draft.contactPhone ?? kase.unitPhone
  if (!contactPhone) {
    throw invalid('alert.contact_phone_required', 'the responsible unit has no phone on record: give a contact number', [
      { path: '/contactPhone', message: 'required when the unit has no phone on record' },
    ])
  }
  return {
    childName: kase.child.name,
    sex: kase.child.sex,
    ageYears: kase.child.ageYears,
    heightCm: kase.child.heightCm,
    clothing: draft.clothing ?? blank(kase.child.clothing),
    marks: draft.marks ?? blank(kase.child.marks),
    lastSeenAt: kase.lastSeen.at,
    lastSeenPlace: `${kase.lastSeen.divisionName}${kase.lastSeen.address}`,
    description: draft.description ?? '',
    contactPhone,
  }
}

type AlertPhotoBytes = { bytes: Buffer; etag: string } | null

/**
 * The case photo an alert shows, read before the alert's transaction opens (PGlite runs one transaction at a
 * time, and the case module reads on its own connection). One format and a phone-sized picture for every
 * channel: partners and CAP receivers get a JPEG they can show.
 */
async function preparePhoto(ctx: Ctx, caseId: string, photoId: string | null | undefined): Promise<AlertPhotoBytes | undefined> {
  if (photoId === undefined) return undefined
  if (photoId === null) return null
  const photo = await getCasePhoto(ctx, caseId, photoId, 'full')
  const bytes = await sharp(photo.bytes)
    .rotate()
    .resize({ width: PHOTO_EDGE, height: PHOTO_EDGE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 85 })
    .toBuffer()
  return { bytes, etag: createHash('sha256').update(bytes).digest('base64url').slice(0, 22) }
}

/** Replaces the alert's photo in `tx`: undefined leaves it, null removes it. */
async function storePhoto(tx: Db, alertId: string, photo: AlertPhotoBytes | undefined): Promise<void> {
  if (photo === undefined) return
  await tx.delete(alertPhoto).where(eq(alertPhoto.alertId, alertId))
  if (photo) await tx.insert(alertPhoto).values({ alertId, contentType: 'image/jpeg', bytes: photo.bytes, etag: photo.etag })
}

/**
 * Drafts an alert from a case whose child is still missing. The place and time come from the case; the
 * drafter writes the public description and may adjust clothing and marks. Needs last-seen coordinates:
 * the staged radius is drawn around them.
 */
export async function draftAlert(ctx: Ctx, input: AlertCreate): Promise<AlertView> {
  const kase = await getCase(ctx, input.caseId)
  authorize(ctx.actor, 'alert.draft', { type: 'case', id: kase.id, divisionCode: kase.divisionCode, owningUnitId: kase.unitId })
  if (!MISSING.includes(kase.status))
    throw conflict('alert.case_not_missing', `the case is ${kase.status}: an alert is only for a missing child`)
  const { lat, lon } = kase.lastSeen
  if (lat === null || lon === null) {
    throw invalid('alert.no_coordinates', 'the case has no last-seen coordinates: add them to the case before drafting an alert')
  }
  const details = detailsFromCase(kase, input)
  const photo = await preparePhoto(ctx, kase.id, input.photoId)
  return ctx.db.transaction(async (tx) => {
    const open = await tx
      .select({ id: alert.id })
      .from(alert)
      .where(and(eq(alert.caseId, kase.id), inArray(alert.status, ['draft', 'active'])))
    if (open.length) throw conflict('alert.already_open', `the case already has an alert (${open[0].id}) in draft or active`)
    const [row] = await tx
      .insert(alert)
      .values({
        caseId: kase.id,
        caseNo: kase.caseNo,
        unitId: kase.unitId,
        unitName: kase.unitName,
        divisionCode: kase.divisionCode,
        status: 'draft',
        details,
        photoId: input.photoId ?? null,
        centerLat: lat,
        centerLon: lon,
        countyCode: kase.lastSeen.divisionCode,
        disappearedAt: new Date(kase.lastSeen.at),
        radiusRule: ctx.config.alerts.radiusSteps,
        draftedBy: actorId(ctx.actor) ?? 'unknown',
        draftedAt: ctx.now(),
      })
      .returning()
    await storePhoto(tx, row.id, photo)
    await appendCaseEvent(ctx, tx, kase.id, {
      kind: 'alert.drafted',
      summary: '团圆警报草稿已创建 / alert drafted',
      details: { alertId: row.id },
    })
    await ctx.audit({ action: 'alert.draft', resource: { type: 'alert', id: row.id } }, tx)
    return toAlertView(row)
  })
}

/** Changes a draft's public wording or photo; a published alert's details are fixed. */
export async function updateDraft(ctx: Ctx, id: string, change: AlertDraftUpdate): Promise<AlertView> {
  const current = await getAlertRow(ctx, id, 'alert.draft')
  const photo = await preparePhoto(ctx, current.caseId, change.photoId)
  return ctx.db.transaction(async (tx) => {
    const row = await getAlertRow(ctx, id, 'alert.draft', tx)
    assertStatus(row, 'draft')
    const details = {
      ...row.details,
      ...withoutUndefined({
        description: change.description,
        contactPhone: change.contactPhone,
        clothing: change.clothing,
        marks: change.marks,
      }),
    }
    await storePhoto(tx, row.id, photo)
    const [updated] = await tx
      .update(alert)
      .set({ details, photoId: change.photoId === undefined ? row.photoId : change.photoId, rejectedNote: null })
      .where(eq(alert.id, id))
      .returning()
    await ctx.audit({ action: 'alert.draft_update', resource: { type: 'alert', id } }, tx)
    return toAlertView(updated)
  })
}

/** The approver sends a draft back with a note; the drafter may change it and ask again. */
export async function rejectDraft(ctx: Ctx, id: string, input: AlertReject): Promise<AlertView> {
  return ctx.db.transaction(async (tx) => {
    const row = await getAlertRow(ctx, id, 'alert.approve', tx)
    assertStatus(row, 'draft')
    authorize(ctx.actor, 'alert.approve', alertResource(row))
    const [updated] = await tx.update(alert).set({ rejectedNote: input.note }).where(eq(alert.id, id)).returning()
    await appendCaseEvent(ctx, tx, row.caseId, {
      kind: 'alert.returned',
      summary: `警报草稿被退回 / draft returned: ${input.note}`,
      details: { alertId: id },
    })
    await ctx.audit({ action: 'alert.reject', resource: { type: 'alert', id }, details: { note: input.note } }, tx)
    return toAlertView(updated)
  })
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
