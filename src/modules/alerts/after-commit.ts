import type { Ctx } from '../../platform/context.ts'
import { kickDeliveries } from './kick.ts'
import { queuePendingPushes } from './recipients.ts'

/**
 * After a message commits: the webhooks leave at once, then the push deliveries are queued (seconds for a
 * million subscribers) and leave too. Also run by the background pass, which finishes what a stopped
 * process left.
 */
export async function afterMessageCommit(ctx: Ctx): Promise<number> {
  kickDeliveries(ctx.db)
  const queued = await queuePendingPushes(ctx.db, () => ctx.now())
  if (queued) kickDeliveries(ctx.db)
  return queued
}
