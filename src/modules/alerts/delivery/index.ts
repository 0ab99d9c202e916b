// The outbox's public face, for the alerts core and the channels.
export { enqueueDeliveries, type EnqueueInput } from './outbox.ts'
export { DeliveryDispatcher, DEFAULT_DISPATCHER_CONFIG, type DispatcherConfig, type DispatcherOptions } from './dispatcher.ts'
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff.ts'
export type { ClaimedDelivery, DeliveryChannel, DeliveryMessage, SendOutcome, Sender } from './types.ts'
