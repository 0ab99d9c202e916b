// Partners' public face, for the alerts core (queueing) and the server (the webhook channel's sender).
export { listActivePartnerIds } from './service.ts'
export { createWebhookSender, type WebhookSenderOptions, type WebhookBody } from './webhook-sender.ts'
export { alertPartnerRoutes } from './routes.ts'
