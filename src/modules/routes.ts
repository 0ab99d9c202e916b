import type { FastifyPluginAsync } from 'fastify'
import { authRoutes } from './identity/auth-routes.ts'
import { identityRoutes } from './identity/routes.ts'
import { auditRoutes } from './audit/routes.ts'
import { deadlineRoutes } from '../platform/deadlines/routes.ts'
import { dnaRoutes } from './dna/routes.ts'
import { dnaImportRoutes } from './dna/import-routes.ts'
import { frequencyTableRoutes } from './dna/frequency-routes.ts'
import { collectionPointRoutes } from './collection-points/routes.ts'
import { caseRoutes } from './cases/routes.ts'
import { supervisionRoutes } from './cases/supervision-routes.ts'
import { wantedRoutes } from './cases/wanted-routes.ts'
import { alertPartnerRoutes } from './alerts/partners/routes.ts'
import { mapRoutes } from './alerts/map-routes.ts'
import { alertRoutes, publicAlertRoutes } from './alerts/index.ts'
import { clueRoutes, publicTipRoutes } from './clues/index.ts'

/** Every module's HTTP routes; a new module adds its plugin here. */
export const moduleRoutes: FastifyPluginAsync[] = [
  authRoutes,
  identityRoutes,
  auditRoutes,
  deadlineRoutes,
  dnaRoutes,
  dnaImportRoutes,
  frequencyTableRoutes,
  collectionPointRoutes,
  caseRoutes,
  supervisionRoutes,
  wantedRoutes,
  alertPartnerRoutes,
  mapRoutes,
  alertRoutes,
  publicAlertRoutes,
  clueRoutes,
  publicTipRoutes,
] as FastifyPluginAsync[]
