import type { FastifyPluginAsync } from 'fastify'
import { authRoutes } from './identity/auth-routes.ts'
import { identityRoutes } from './identity/routes.ts'
import { auditRoutes } from './audit/routes.ts'
import { deadlineRoutes } from '../platform/deadlines/routes.ts'
import { dnaRoutes } from './dna/routes.ts'
import { dnaImportRoutes } from './dna/import-routes.ts'
import { frequencyTableRoutes } from './dna/frequency-routes.ts'
import { collectionPointRoutes } from './collection-points/routes.ts'

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
] as FastifyPluginAsync[]
