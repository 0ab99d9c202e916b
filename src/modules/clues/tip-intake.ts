// Public tips are acknowledged from a one-row intake log and routed into clues just after (ADR 0012): the
// tipster's request costs one statement, and routing, history, deadline and audit follow in the background.
import { randomUUID } from 'node:crypto'
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { anonymous } from '../../platform/auth/actor.ts'
import { invalid } from '../../platform/errors.ts'
import { tipFingerprint } from '../../platform/http/abuse/fingerprint.ts'
import { divisionRef } from '../identity/index.ts'
import { caseRef } from '../cases/index.ts'
import { caseOfAlert } from '../alerts/index.ts'
import { clue, clueIntake, clueReceipt } from './tables.ts'
import { newReceipt, normalizeReceipt, receiptHash } from './receipt.ts'
import { checkPlace, recordClue, type TipKeys } from './intake.ts'
import { appendClueEvent } from './events.ts'
import type { PublicTipCreate } from './schema.ts'

export interface AcceptedTip {
  /** Shown to the tipster this once: only its hash is kept. */
  receipt: string
  intakeId: string
}

/**
 * Stores a public tip as received, in one statement that also checks its division, case and alert exist, so that
 * a tip acknowledged is a tip kept and a tip refused is refused now, with the reason. Routing comes after.
 */
export async function acceptPublicTip(ctx: Ctx, input: PublicTipCreate): Promise<AcceptedTip> {
  checkPlace({ kind: 'public_tip', ...input })
  const receipt = newReceipt()
  const id = randomUUID()
  const now = ctx.now()
  const fingerprint = tipFingerprint({
    text: [input.subject, input.text],
    place: input.place,
    seenAt: input.seenAt ?? null,
    about: input.caseId ?? input.alertId ?? null,
    receivedAt: now,
  })
  const stored = await ctx.db.execute(sql`
    INSERT INTO ${clueIntake} (id, receipt_hash, fingerprint, input, ip, request_id, received_at)
    SELECT ${id}, ${receiptHash(normalizeReceipt(receipt)!)}, ${fingerprint}, ${JSON.stringify(input)}::jsonb, ${ctx.ip},
      ${ctx.requestId}, ${now.toISOString()}
    WHERE EXISTS (SELECT 1 FROM ${divisionRef} WHERE code = ${input.place.divisionCode})
      AND (${input.caseId ?? null}::uuid IS NULL OR EXISTS (SELECT 1 FROM ${caseRef} WHERE id = ${input.caseId ?? null}::uuid))
      AND (${input.alertId ?? null}::uuid IS NULL OR EXISTS (SELECT 1 FROM alert WHERE id = ${input.alertId ?? null}::uuid))
    RETURNING id`)
  if (rowCount(stored) === 0) await explainRefusal(ctx.db, input)
  return { receipt, intakeId: id }
}

const rowCount = (result: unknown) => {
  const r = result as { rowCount?: number | null; affectedRows?: number; rows?: unknown[] }
  return r.rows?.length ?? r.rowCount ?? r.affectedRows ?? 0
}

/** Which of the tip's references does not exist: the rare path, so it may take a query each. */
async function explainRefusal(db: Db, input: PublicTipCreate): Promise<never> {
  const [division] = await db.select({ code: divisionRef.code }).from(divisionRef).where(eq(divisionRef.code, input.place.divisionCode))
  if (!division) {
    const detail = `no division ${input.place.divisionCode}`
    throw invalid('clue.unknown_division', detail, [{ path: '/place/divisionCode', message: 'unknown division' }])
  }
  if (input.caseId) {
    const [found] = await db.select({ id: caseRef.id }).from(caseRef).where(eq(caseRef.id, input.caseId))
    if (!found) throw invalid('clue.unknown_case', `no case ${input.caseId}`, [{ path: '/caseId', message: 'unknown case' }])
  }
  if (input.alertId && !(await caseOfAlert(db, input.alertId))) {
    throw invalid('clue.alert_unknown', 'no alert has this id', [{ path: '/alertId', message: 'unknown alert' }])
  }
  throw new Error('a public tip was refused for no reason found')
}

type IntakeRow = typeof clueIntake.$inferSelect

/**
 * Routes received tips into clues, oldest first (or just the given ones), each in its own transaction together
 * with the mark that it was routed: a tip is routed once, even with several processes at it (a tip another one
 * holds is skipped). A tip that cannot be routed now keeps its reason and is tried again by `retryFailed` passes.
 */
export async function processTipIntake(
  ctx: Ctx,
  only?: { ids?: string[]; limit?: number; retryFailed?: boolean },
): Promise<{ routed: number; failed: number }> {
  // Tips that failed before are retried by the periodic pass only, not on every new tip's kick.
  const fresh = only?.ids || only?.retryFailed ? undefined : isNull(clueIntake.lastError)
  const pending = await ctx.db
    .select({ id: clueIntake.id })
    .from(clueIntake)
    .where(and(isNull(clueIntake.processedAt), only?.ids ? inArray(clueIntake.id, only.ids) : undefined, fresh))
    .orderBy(asc(clueIntake.receivedAt))
    .limit(only?.limit ?? 500)
  const tally = { routed: 0, failed: 0 }
  const routeOne = async (id: string) => {
    try {
      if (await routeTip(ctx, id)) tally.routed++
    } catch (error) {
      tally.failed++
      const reason = error instanceof Error ? error.message : String(error)
      ctx.log.error({ err: error, intakeId: id }, 'a public tip could not be routed; it stays queued')
      await ctx.db
        .update(clueIntake)
        .set({ lastError: reason.slice(0, 500) })
        .where(eq(clueIntake.id, id))
    }
  }
  // Several at once: each is a short transaction waiting mostly on its commit, which PostgreSQL groups.
  let next = 0
  const lane = async () => {
    while (next < pending.length) await routeOne(pending[next++].id)
  }
  await Promise.all(Array.from({ length: Math.min(ROUTING_LANES, pending.length) }, lane))
  return tally
}

/** Tips routed side by side by one pass: under half the pool of 10 connections, leaving the rest to requests. */
const ROUTING_LANES = 4

async function routeTip(ctx: Ctx, id: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(clueIntake)
      .where(and(eq(clueIntake.id, id), isNull(clueIntake.processedAt)))
      .for('update', { skipLocked: true })
    if (!row) return false
    // The tipster's own request, as far as the audit log is concerned.
    const sender = ctx.as(anonymous, { ip: row.ip, requestId: row.requestId })
    const inTx: Ctx = { ...sender, db: tx, now: () => row.receivedAt }
    const keys: TipKeys = { receiptHash: row.receiptHash, fingerprint: row.fingerprint, clueId: row.id }
    const recorded = await recordClue(inTx, { kind: 'public_tip', ...(row.input as PublicTipCreate) }, keys)
    const clueId = recorded?.row.id ?? (await recordDuplicate(inTx, tx, row))
    await tx.update(clueIntake).set({ processedAt: ctx.now(), clueId, lastError: null }).where(eq(clueIntake.id, id))
    return true
  })
}

/** The same tip sent again within the duplicate window: the sender's receipt joins the tip stored the first time. */
async function recordDuplicate(ctx: Ctx, tx: Db, row: IntakeRow): Promise<string> {
  const [first] = await tx.select({ id: clue.id, unitId: clue.routedUnitId }).from(clue).where(eq(clue.fingerprint, row.fingerprint))
  await tx.insert(clueReceipt).values({ receiptHash: row.receiptHash, clueId: first.id, createdAt: row.receivedAt })
  await appendClueEvent(ctx, tx, first.id, { kind: 'tip.duplicate', summary: '同一线索重复提交' })
  await ctx.audit({ action: 'tip.duplicate', resource: { type: 'clue', id: first.id }, unitId: first.unitId }, tx)
  return first.id
}

/** A tip still waiting, by the hash of its receipt code. */
export async function pendingTipId(db: Db, hash: string): Promise<string | null> {
  const [row] = await db
    .select({ id: clueIntake.id })
    .from(clueIntake)
    .where(and(eq(clueIntake.receiptHash, hash), isNull(clueIntake.processedAt)))
  return row?.id ?? null
}

export interface TipRouting {
  /** Asks for a pass soon; passes never overlap, and one more follows if tips came in during one. */
  kick(): void
  stop(): Promise<void>
}

const routings = new WeakMap<Db, TipRouting>()

/** This process's background routing of received tips (the server starts one; without it, tips route inline). */
export function startTipRouting(worker: Ctx): TipRouting {
  let running: Promise<void> | null = null
  let again = false
  let stopped = false
  const pass = async () => {
    do {
      again = false
      const { routed } = await processTipIntake(worker)
      if (routed >= 500) again = true
    } while (again && !stopped)
  }
  const routing: TipRouting = {
    kick() {
      if (stopped) return
      if (running) {
        again = true
        return
      }
      running = pass()
        .catch((err: unknown) => worker.log.error({ err }, 'routing public tips failed'))
        .finally(() => (running = null))
    },
    async stop() {
      stopped = true
      routings.delete(worker.db)
      await running
    },
  }
  routings.set(worker.db, routing)
  return routing
}

/** Kicks this process's tip routing; false when there is none (a test app, the CLI): the caller routes inline. */
export function kickTipRouting(db: Db): boolean {
  const routing = routings.get(db)
  routing?.kick()
  return routing !== undefined
}
