// The public face of the clues module: what the server and other modules may use.
export { clueDeadlineListener } from './deadlines.ts'
export { clueRoutes } from './routes.ts'
export { publicTipRoutes } from './public-routes.ts'
export { processTipIntake, startTipRouting, type TipRouting } from './tip-intake.ts'
export type { ClueView, ClueKind, ClueOutcome } from './schema.ts'
