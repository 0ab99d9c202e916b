import { sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { forbidden, notFound, unauthenticated } from '../errors.ts'
import type { Actor } from './actor.ts'
import { DNA_ROLES, isDnaPermission, permissionsOfRoles } from './permissions.ts'

export type Sensitivity = 'normal' | 'personal' | 'dna'

/** What the authoriser needs to know about a record. */
export interface ResourceRef {
  type: string
  id?: string
  divisionCode: string
  owningUnitId?: string | null
  sensitivity?: Sensitivity
}

/** The division-code prefix covering a division and every division below it ('' for the whole country). */
export function jurisdictionPrefix(divisionCode: string): string {
  if (divisionCode === '000000') return ''
  if (divisionCode.endsWith('0000')) return divisionCode.slice(0, 2)
  if (divisionCode.endsWith('00')) return divisionCode.slice(0, 4)
  return divisionCode
}

export function isWithinDivision(outer: string, inner: string): boolean {
  return inner.startsWith(jurisdictionPrefix(outer))
}

export function hasPermission(actor: Actor, action: string): boolean {
  switch (actor.kind) {
    case 'system':
      return true
    case 'anonymous':
      return false
    case 'user':
      return permissionsOfRoles(actor.roles).includes(action) && (!isDnaPermission(action) || mayHoldDna(actor))
    case 'api_key':
      return actor.scopes.includes(action) && (!isDnaPermission(action) || mayHoldDna(actor))
  }
}

/** DNA is open only to police units, and among users only to DNA analysts and investigators. */
export function mayHoldDna(actor: Actor): boolean {
  if (actor.kind === 'system') return true
  if (actor.kind === 'anonymous') return false
  if (actor.unit.type !== 'public_security') return false
  return actor.kind === 'api_key' || actor.roles.some((r) => DNA_ROLES.includes(r))
}

function reaches(actor: Actor, resource: ResourceRef): boolean {
  if (actor.kind === 'system') return true
  if (actor.kind === 'anonymous') return false
  if (resource.owningUnitId && resource.owningUnitId === actor.unit.id) return true
  return isWithinDivision(actor.unit.divisionCode, resource.divisionCode)
}

/**
 * The one decision for every access: may `actor` do `action` on `resource`? Throws rather than
 * returns so that no caller can ignore the answer. A record outside the caller's jurisdiction is
 * reported as not found, so that its existence does not leak.
 */
export function authorize(actor: Actor, action: string, resource?: ResourceRef): void {
  if (actor.kind === 'anonymous') throw unauthenticated('auth.unauthenticated', 'sign in first')
  if (!hasPermission(actor, action)) throw forbidden('auth.forbidden', `not allowed to ${action}`)
  if (!resource) return
  if (resource.sensitivity === 'dna' && !mayHoldDna(actor)) {
    throw forbidden('auth.dna_restricted', 'DNA data is open only to police DNA analysts and investigators')
  }
  if (!reaches(actor, resource)) {
    throw notFound(`${resource.type}.not_found`, `${resource.type} ${resource.id ?? ''} not found`.trim())
  }
}

/** `authorize` as a question, for records with more than one party (e.g. the two sides of a DNA hit). */
export function isAuthorized(actor: Actor, action: string, resource?: ResourceRef): boolean {
  try {
    authorize(actor, action, resource)
    return true
  } catch {
    return false
  }
}

/**
 * The same decision as `authorize`, as a SQL condition for lists: rows in the actor's
 * jurisdiction or owned by the actor's unit. Lists filter in the database, never afterwards.
 */
export function jurisdictionFilter(
  actor: Actor,
  action: string,
  columns: { divisionCode: AnyColumn | SQL; owningUnitId?: AnyColumn | SQL },
): SQL {
  authorize(actor, action)
  if (actor.kind === 'system') return sql`true`
  if (actor.kind === 'anonymous') return sql`false`
  const prefix = jurisdictionPrefix(actor.unit.divisionCode)
  const inDivision = prefix === '' ? sql`true` : sql`${columns.divisionCode} LIKE ${prefix + '%'}`
  if (!columns.owningUnitId) return inDivision
  return sql`(${inDivision} OR ${columns.owningUnitId} = ${actor.unit.id})`
}
