// What a tipster without an account can do: send a tip, then, with its receipt code, add to it and see where it stands.
import { and, count, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { notFound } from '../../platform/errors.ts'
import { clue, clueEvent, clueReceipt } from './tables.ts'
import { normalizeReceipt, receiptHash, sameHash } from './receipt.ts'
import { acceptPublicTip, pendingTipId, processTipIntake } from './tip-intake.ts'
import { appendClueEvent } from './events.ts'
import type { ClueRow } from './access.ts'
import type { PublicTipCreate, TipAddition, TipReceipt, TipStatusView } from './schema.ts'

const ADDITION = 'tip.addition'

/**
 * Records a public tip and answers its receipt code, shown this once: only its hash is kept. The same tip sent
 * again within the duplicate window (a double tap, a retry after a lost reply) is not stored twice: the sender
 * gets a receipt of their own for the tip stored the first time, so a lost reply never loses the tipster's way back.
 * The tip is routed before this returns; the public route acknowledges on intake and routes just after.
 */
export async function submitPublicTip(ctx: Ctx, input: PublicTipCreate): Promise<TipReceipt> {
  const { receipt, intakeId } = await acceptPublicTip(ctx, input)
  await processTipIntake(ctx, { ids: [intakeId] })
  return { receipt, status: 'received' }
}

const unknownReceipt = () => notFound('tip.not_found', 'no tip has this receipt code')

/** The tip holding this receipt code; a malformed or unknown code is "not found", the same way. */
export async function tipByReceipt(ctx: Ctx, receipt: string): Promise<ClueRow> {
  const code = normalizeReceipt(receipt)
  if (!code) throw unknownReceipt()
  const hash = receiptHash(code)
  // A tip acknowledged a moment ago may still wait to be routed: route it now, so the tipster finds it.
  const waiting = await pendingTipId(ctx.db, hash)
  if (waiting) await processTipIntake(ctx, { ids: [waiting] })
  const [found] = await ctx.db
    .select({ hash: clueReceipt.receiptHash, tip: clue })
    .from(clueReceipt)
    .innerJoin(clue, eq(clue.id, clueReceipt.clueId))
    .where(eq(clueReceipt.receiptHash, hash))
  if (!found || !sameHash(found.hash, hash)) throw unknownReceipt()
  return found.tip
}

/** The tipster adds what they have learnt since; it joins the tip's history for the unit working on it. */
export async function addTipInformation(ctx: Ctx, receipt: string, input: TipAddition): Promise<TipStatusView> {
  const tip = await tipByReceipt(ctx, receipt)
  await ctx.db.transaction(async (tx) => {
    await tx.update(clue).set({ updatedAt: ctx.now() }).where(eq(clue.id, tip.id))
    await appendClueEvent(ctx, tx, tip.id, {
      kind: ADDITION,
      summary: '举报人补充信息',
      details: { text: input.text, ...(input.contact ? { contact: input.contact } : {}) },
    })
    await ctx.audit({ action: 'tip.addition', resource: { type: 'clue', id: tip.id }, unitId: tip.routedUnitId }, tx)
  })
  return getTipStatus(ctx, receipt)
}

const PUBLIC_STATUS = { new: 'received', assigned: 'in_progress', verifying: 'in_progress', closed: 'closed' } as const

/** Where the tip stands, in the words a tipster may read: no outcome, no unit, no names. */
export async function getTipStatus(ctx: Ctx, receipt: string): Promise<TipStatusView> {
  const tip = await tipByReceipt(ctx, receipt)
  const [added] = await ctx.db
    .select({ n: count() })
    .from(clueEvent)
    .where(and(eq(clueEvent.clueId, tip.id), eq(clueEvent.kind, ADDITION)))
  return {
    status: PUBLIC_STATUS[tip.status],
    receivedAt: tip.createdAt.toISOString(),
    updatedAt: tip.updatedAt.toISOString(),
    additions: added?.n ?? 0,
  }
}
