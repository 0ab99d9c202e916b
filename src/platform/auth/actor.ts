import type { Role, UnitLevel, UnitType } from '../../modules/identity/schema.ts'

export interface ActorUnit {
  id: string
  name: string
  type: UnitType
  level: UnitLevel
  divisionCode: string
}

/** Who is acting. Every service call carries one, and every audit entry names it. */
export type Actor =
  | { kind: 'user'; id: string; name: string; unit: ActorUnit; roles: Role[]; sessionId: string | null }
  | { kind: 'api_key'; id: string; name: string; unit: ActorUnit; scopes: string[] }
  /** The operator at the CLI, a job runner or the demo seeder: trusted, national scope. */
  | { kind: 'system'; id: string; name: string }
  | { kind: 'anonymous' }

export const systemActor = (name: string): Actor => ({ kind: 'system', id: `system:${name}`, name })
export const anonymous: Actor = { kind: 'anonymous' }

export function actorUnit(actor: Actor): ActorUnit | null {
  return actor.kind === 'user' || actor.kind === 'api_key' ? actor.unit : null
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'anonymous' ? null : actor.id
}

export function actorName(actor: Actor): string | null {
  return actor.kind === 'anonymous' ? null : actor.name
}
