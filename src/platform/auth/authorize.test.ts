import { describe, expect, it } from 'vitest'
import { authorize, hasPermission, isWithinDivision, jurisdictionPrefix, mayHoldDna } from './authorize.ts'
import type { Actor, ActorUnit } from './actor.ts'
import type { Role, UnitType } from '../../modules/identity/schema.ts'

const unit = (divisionCode: string, type: UnitType = 'public_security'): ActorUnit => ({
  id: `unit-${divisionCode}-${type}`,
  name: 'u',
  type,
  level: 'county',
  divisionCode,
})
const user = (divisionCode: string, roles: Role[], type: UnitType = 'public_security'): Actor => ({
  kind: 'user',
  id: 'x',
  name: 'x',
  unit: unit(divisionCode, type),
  roles,
  sessionId: null,
})

describe('jurisdiction', () => {
  it('derives the prefix covering a division and everything below it', () => {
    expect(jurisdictionPrefix('000000')).toBe('')
    expect(jurisdictionPrefix('440000')).toBe('44')
    expect(jurisdictionPrefix('440300')).toBe('4403')
    expect(jurisdictionPrefix('440305')).toBe('440305')
  })

  it('puts counties inside their province and city but not inside a neighbour', () => {
    expect(isWithinDivision('440000', '440305')).toBe(true)
    expect(isWithinDivision('440300', '440305')).toBe(true)
    expect(isWithinDivision('440304', '440305')).toBe(false)
    expect(isWithinDivision('510000', '440305')).toBe(false)
  })

  it('answers not found for a record in a neighbouring county', () => {
    const actor = user('440304', ['investigator'])
    expect(() => authorize(actor, 'case.read', { type: 'case', id: 'c1', divisionCode: '440305' })).toThrow(
      expect.objectContaining({ kind: 'not_found', code: 'case.not_found' }),
    )
    expect(() => authorize(user('440000', ['investigator']), 'case.read', { type: 'case', divisionCode: '440305' })).not.toThrow()
  })

  it('lets a unit reach records it owns outside its division', () => {
    const actor = user('440304', ['investigator'])
    expect(() =>
      authorize(actor, 'case.read', { type: 'case', divisionCode: '510107', owningUnitId: actor.kind === 'user' ? actor.unit.id : '' }),
    ).not.toThrow()
  })
})

describe('DNA is for police analysts and investigators only', () => {
  it('refuses DNA permissions to other roles and to non-police units', () => {
    expect(hasPermission(user('440305', ['dna_analyst']), 'dna.profile.read')).toBe(true)
    expect(hasPermission(user('440305', ['investigator']), 'dna.profile.read')).toBe(true)
    expect(hasPermission(user('440305', ['command']), 'dna.profile.read')).toBe(false)
    expect(hasPermission(user('440305', ['admin']), 'dna.profile.read')).toBe(false)
    expect(hasPermission(user('440305', ['dna_analyst'], 'civil_affairs'), 'dna.profile.read')).toBe(false)
  })

  it('refuses DNA-classed resources even where the action itself is allowed', () => {
    const caseworker = user('440305', ['caseworker'], 'civil_affairs')
    expect(mayHoldDna(caseworker)).toBe(false)
    expect(() =>
      authorize(user('440305', ['investigator']), 'case.read', { type: 'case', divisionCode: '440305', sensitivity: 'dna' }),
    ).not.toThrow()
    expect(() =>
      authorize(user('440305', ['supervisor']), 'case.read', { type: 'case', divisionCode: '440305', sensitivity: 'dna' }),
    ).toThrow(expect.objectContaining({ code: 'auth.dna_restricted' }))
  })

  it('limits API keys to their scopes', () => {
    const key: Actor = { kind: 'api_key', id: 'k', name: 'lab', unit: unit('440000'), scopes: ['dna.profile.write'] }
    expect(hasPermission(key, 'dna.profile.write')).toBe(true)
    expect(hasPermission(key, 'dna.profile.read')).toBe(false)
    const civilKey: Actor = { ...key, unit: unit('440000', 'civil_affairs') }
    expect(hasPermission(civilKey, 'dna.profile.write')).toBe(false)
  })
})
