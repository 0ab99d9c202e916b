// The public face of the alerts module: what the server wires up, and what other modules may call.
import type { Ctx, Platform } from '../../platform/context.ts'
import { DeliveryDispatcher } from './delivery/dispatcher.ts'
import { createWebhookSender } from './partners/index.ts'
import { createPushSender } from './push-channel.ts'
import { dropGoneSubscription } from './subscriptions.ts'
import { useDeliveryKick } from './kick.ts'
import './case-hooks.ts'

export { sweepAlertStages } from './stages.ts'
export { caseOfAlert } from './views.ts'
export { alertRoutes } from './routes.ts'
export { publicAlertRoutes } from './public-routes.ts'

export interface AlertDelivery {
  stop(): Promise<void>
}

/**
 * Starts this process's sender of the alert outbox, on both channels: webhooks to partners and Web Push to
 * subscribers. New messages kick it at once; it also polls for retries and for work left by a stopped process.
 */
export function startAlertDelivery(platform: Platform, worker: Ctx): AlertDelivery {
  const dispatcher = new DeliveryDispatcher({
    db: platform.db,
    clock: platform.clock,
    log: platform.log.child({ component: 'alert-delivery' }),
    senders: {
      webhook: createWebhookSender({ db: platform.db, clock: platform.clock }),
      push: createPushSender(platform.db, platform.config),
    },
    onGone: async (delivery) => {
      if (delivery.channel === 'push') await dropGoneSubscription(worker, delivery.recipientId)
    },
  })
  useDeliveryKick(platform.db, () => dispatcher.kick())
  dispatcher.start()
  return { stop: () => dispatcher.stop() }
}
