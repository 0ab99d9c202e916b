// The alerts module listens to the cases module: a child found or rescued takes its alert down in the same
// transaction that records it, so no found child stays on a public page for a moment longer.
import { onCaseStatusChange } from '../cases/index.ts'
import { endAlertsOfCase } from './end.ts'

const NO_LONGER_MISSING = new Set(['found', 'rescued', 'reunited', 'closed'])

onCaseStatusChange(async (ctx, tx, change) => {
  if (!NO_LONGER_MISSING.has(change.to)) return
  // The Cancel's webhook deliveries are written with the change; the dispatcher's poll sends them, and the
  // background pass queues its push deliveries.
  await endAlertsOfCase(ctx, tx, change.caseId)
})
