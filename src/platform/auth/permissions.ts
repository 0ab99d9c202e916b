import type { Role } from '../../modules/identity/schema.ts'

/**
 * Every action the system authorises, and which roles may perform it. Later modules add their
 * actions here, so the whole policy reads in one place. Scopes of API keys are drawn from the same list.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly string[]> = {
  admin: [
    'unit.read',
    'unit.manage',
    'user.manage',
    'apikey.manage',
    'division.manage',
    'calendar.manage',
    'frequency_table.manage',
    'deadline.read',
    'collection_point.manage',
    'alert.partner.manage',
  ],
  investigator: [
    'unit.read',
    'deadline.read',
    'case.read',
    'case.write',
    'supervision.read',
    'supervision.report',
    // Class A needs a national unit, class B a provincial one: the cases module checks the level.
    'wanted_notice.issue',
    'alert.read',
    'alert.draft',
    'alert.end',
    'clue.read',
    'clue.write',
    'clue.assign',
    'directive.issue',
    'assist_request.send',
    'mandatory_report.submit',
    'dna.profile.read',
    'dna.person.write',
    'dna.identity.read',
    'dna.search',
    'dna.kinship',
    'collection_point.manage',
  ],
  command: [
    'unit.read',
    'deadline.read',
    'case.read',
    'case.dispatch',
    'supervision.read',
    'alert.read',
    'alert.approve',
    'alert.end',
    'clue.read',
    'clue.assign',
    'directive.issue',
    'assist_request.send',
  ],
  // Analysts work on pseudonymous profiles: no `dna.identity.read`.
  dna_analyst: [
    'unit.read',
    'deadline.read',
    'dna.profile.read',
    'dna.profile.write',
    'dna.person.write',
    'dna.search',
    'dna.hit.review',
    'dna.kinship',
    'collection_point.manage',
  ],
  // Civil-affairs staff (marriage registries, child welfare) carry the mandatory reporting duty.
  caseworker: [
    'unit.read',
    'deadline.read',
    'aftercare.read',
    'aftercare.write',
    'family_search.read',
    'family_search.write',
    'mandatory_report.submit',
  ],
  plan_office: ['unit.read', 'deadline.read', 'plan.read', 'plan.write', 'stats.read'],
  supervisor: ['unit.read', 'deadline.read', 'case.read', 'supervision.read', 'supervision.write'],
  auditor: ['unit.read', 'deadline.read', 'audit.read'],
  // Staff of institutions with the mandatory reporting duty (schools, hospitals, hotels, transport, marriage
  // registries), signed in under their institution's unit: they report, and see nothing else.
  reporter: ['mandatory_report.submit'],
}

export const ALL_PERMISSIONS: readonly string[] = [...new Set(Object.values(ROLE_PERMISSIONS).flat())].sort()

/** Roles that may hold DNA data, and only in a public-security unit (the seeds: only police hold it). */
export const DNA_ROLES: readonly Role[] = ['dna_analyst', 'investigator']

export const isDnaPermission = (permission: string) => permission.startsWith('dna.')

export function permissionsOfRoles(roles: readonly Role[]): string[] {
  return [...new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []))].sort()
}
