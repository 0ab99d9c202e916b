// Intake of every kind of clue: who may send it, where it goes, its first deadline, history and audit.
import { caseOfAlert } from '../alerts/index.ts'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { actorId, actorUnit, type ActorUnit } from '../../platform/auth/actor.ts'
import { authorize, isWithinDivision } from '../../platform/auth/authorize.ts'
import { invalid } from '../../platform/errors.ts'
import { appendCaseEvent } from '../cases/index.ts'
import { clue, clueReceipt, clueRoute } from './tables.ts'
import { loadUnit, unitForCase, unitForPlace, type RoutedUnit } from './routing.ts'
import { checkRequestedDue, openClueDeadline } from './deadlines.ts'
import { appendClueEvent } from './events.ts'
import { toClueView } from './views.ts'
import type { ClueRow } from './access.ts'
import type { ClueCreate, ClueKind, ClueSource, ClueView } from './schema.ts'

/** The permission each kind needs; public tips also come in without login, through `submitPublicTip`. */
export const CREATE_PERMISSION: Record<ClueKind, string> = {
  public_tip: 'clue.write',
  mandatory_report: 'mandatory_report.submit',
  online_report: 'clue.write',
  directive: 'directive.issue',
  assist_request: 'assist_request.send',
}

const SOURCES: Record<ClueKind, ClueSource> = {
  public_tip: 'public',
  mandatory_report: 'institution',
  online_report: 'agency',
  directive: 'agency',
  assist_request: 'agency',
}

const RECEIVED_TEXT: Record<ClueKind, string> = {
  public_tip: '收到群众线索',
  mandatory_report: '收到强制报告',
  online_report: '收到网络线索',
  directive: '收到打拐指令',
  assist_request: '收到协查请求',
}

function senderUnitOf(ctx: Ctx, kind: ClueKind): ActorUnit {
  const unit = actorUnit(ctx.actor)
  if (!unit) throw invalid('clue.sender_unit_required', `a ${kind} is sent by a unit: sign in as one of its users`)
  return unit
}

/** Directives go down the hierarchy; assistance requests go to another jurisdiction (one's own is a directive). */
async function addressedUnit(ctx: Ctx, input: Extract<ClueCreate, { kind: 'directive' | 'assist_request' }>): Promise<RoutedUnit> {
  const sender = senderUnitOf(ctx, input.kind)
  const target = await loadUnit(ctx.db, input.targetUnitId, '/targetUnitId')
  const below = target.id !== sender.id && isWithinDivision(sender.divisionCode, target.divisionCode)
  if (input.kind === 'directive' && !below) {
    throw invalid('clue.directive_not_downward', 'a directive goes to a unit within the sender’s jurisdiction', [
      { path: '/targetUnitId', message: 'not below the sending unit' },
    ])
  }
  if (input.kind === 'assist_request' && (target.id === sender.id || below)) {
    throw invalid('clue.assist_within_jurisdiction', 'an assistance request goes to another jurisdiction; send a directive instead', [
      { path: '/targetUnitId', message: 'within the sender’s own jurisdiction' },
    ])
  }
  return { id: target.id, name: target.name, divisionCode: target.divisionCode, rule: 'target' }
}

async function routeOf(ctx: Ctx, input: ClueCreate): Promise<RoutedUnit> {
  if (input.kind === 'directive' || input.kind === 'assist_request') return addressedUnit(ctx, input)
  if (input.caseId) return unitForCase(ctx.db, input.caseId)
  if (input.place) return unitForPlace(ctx.db, input.place.divisionCode)
  const own = actorUnit(ctx.actor)
  if (!own) throw invalid('clue.place_required', 'say where it was seen', [{ path: '/place', message: 'required' }])
  return { id: own.id, name: own.name, divisionCode: own.divisionCode, rule: 'target' }
}

function valuesOf(ctx: Ctx, input: ClueCreate, routed: RoutedUnit, fingerprint: string | null) {
  const now = ctx.now()
  const sender = input.kind === 'public_tip' ? null : actorUnit(ctx.actor)
  return {
    kind: input.kind,
    source: SOURCES[input.kind],
    fingerprint,
    subject: input.subject,
    text: input.text,
    seenAt: input.seenAt ? new Date(input.seenAt) : null,
    placeDivisionCode: input.place?.divisionCode ?? null,
    placeAddress: input.place?.address ?? null,
    placeLat: input.place?.lat ?? null,
    placeLon: input.place?.lon ?? null,
    contactName: 'contact' in input ? (input.contact?.name ?? null) : null,
    contactPhone: 'contact' in input ? (input.contact?.phone ?? null) : null,
    caseId: input.caseId ?? null,
    alertId: input.alertId ?? null,
    institutionType: input.kind === 'mandatory_report' ? input.institutionType : null,
    institutionName: input.kind === 'mandatory_report' ? input.institutionName : null,
    url: input.kind === 'online_report' ? input.url : null,
    platform: input.kind === 'online_report' ? input.platform : null,
    senderUnitId: sender?.id ?? null,
    senderDivisionCode: sender?.divisionCode ?? null,
    routedUnitId: routed.id,
    divisionCode: routed.divisionCode,
    status: 'new' as const,
    createdBy: actorId(ctx.actor),
    createdAt: now,
    updatedAt: now,
  }
}

export function checkPlace(input: ClueCreate) {
  const place = input.place
  if (place && (place.lat === undefined) !== (place.lon === undefined)) {
    throw invalid('clue.lat_lon_pair', 'give both latitude and longitude, or neither', [
      { path: '/place', message: 'lat and lon together' },
    ])
  }
}

/** What identifies a public tip: its receipt code's hash, and its fingerprint for duplicates. */
export interface TipKeys {
  receiptHash: string
  fingerprint: string
  /** The id the clue takes: its intake row's, so that the receipt and the intake name the same tip. */
  clueId?: string
}

/**
 * Records a clue, routes it and opens its deadline, all in one transaction: a clue is either stored with its
 * route, history, deadline and audit entry, or not at all. A public tip whose fingerprint is already stored
 * writes nothing and answers null.
 */
export async function recordClue(ctx: Ctx, given: ClueCreate, tip?: TipKeys): Promise<{ row: ClueRow; view: ClueView } | null> {
  const input = await withAlertCase(ctx, given)
  checkPlace(input)
  const dueAt = 'dueAt' in input ? checkRequestedDue(input.kind, input.dueAt, ctx.now()) : undefined
  const routed = await routeOf(ctx, input)
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(clue)
      .values({ ...valuesOf(ctx, input, routed, tip?.fingerprint ?? null), ...(tip?.clueId ? { id: tip.clueId } : {}) })
      .onConflictDoNothing({ target: clue.fingerprint })
      .returning()
    if (!row) return null
    if (tip) await tx.insert(clueReceipt).values({ receiptHash: tip.receiptHash, clueId: row.id, createdAt: row.createdAt })
    await tx
      .insert(clueRoute)
      .values({ clueId: row.id, at: row.createdAt, toUnitId: routed.id, rule: routed.rule, routedBy: row.createdBy })
    await appendClueEvent(ctx, tx, row.id, {
      kind: 'clue.received',
      summary: `${RECEIVED_TEXT[row.kind]}，分派至${routed.name}`,
      details: { routedUnitId: routed.id, rule: routed.rule },
    })
    if (row.caseId) await noteOnCase(ctx, tx, row)
    const opened = await openClueDeadline(ctx, tx, row, routed.id, dueAt)
    const details = { kind: row.kind, routedUnitId: routed.id }
    await ctx.audit({ action: 'clue.create', resource: { type: 'clue', id: row.id }, details, unitId: routed.id }, tx)
    return { row, view: toClueView(row, opened.dueAt) }
  })
}

/** A clue sent from an alert's page belongs to the alert's case: it is routed there and shows on its timeline. */
async function withAlertCase(ctx: Ctx, input: ClueCreate): Promise<ClueCreate> {
  if (!input.alertId || input.caseId) return input
  const caseId = await caseOfAlert(ctx.db, input.alertId)
  if (!caseId) throw invalid('clue.alert_unknown', 'no alert has this id', [{ path: '/alertId', message: 'unknown alert' }])
  return { ...input, caseId }
}

async function noteOnCase(ctx: Ctx, tx: Db, row: ClueRow) {
  await appendCaseEvent(ctx, tx, row.caseId!, {
    kind: 'clue.received',
    summary: `${RECEIVED_TEXT[row.kind]}：${row.subject.slice(0, 60)}`,
    details: { clueId: row.id, kind: row.kind },
  })
}

/** A clue entered by a signed-in user or API key: a tip taken by phone, a mandatory or online report, a directive, a request. */
export async function createClue(ctx: Ctx, input: ClueCreate): Promise<ClueView> {
  authorize(ctx.actor, CREATE_PERMISSION[input.kind])
  if (input.kind === 'directive' || input.kind === 'assist_request' || input.kind === 'mandatory_report') senderUnitOf(ctx, input.kind)
  return (await recordClue(ctx, input))!.view
}
