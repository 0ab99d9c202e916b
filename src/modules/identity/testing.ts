import { randomBytes } from 'node:crypto'
import type { Ctx } from '../../platform/context.ts'
import type { Actor } from '../../platform/auth/actor.ts'
import { ensureDivisions } from './divisions.ts'
import { createUnit } from './units.ts'
import { createUser } from './users.ts'
import type { Role, UnitLevel, UnitType, UnitView, UserView } from './schema.ts'

const LEVEL_OF_CODE = (code: string): UnitLevel =>
  code === '000000' ? 'national' : code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'county'

/** A unit at a division; its parent is made up the tree as needed when not given. */
export async function makeUnit(
  ctx: Ctx,
  options: { divisionCode: string; type?: UnitType; parentId?: string | null; name?: string },
): Promise<UnitView> {
  await ensureDivisions(ctx.db, ctx.now())
  const level = LEVEL_OF_CODE(options.divisionCode)
  return createUnit(ctx, {
    name: options.name ?? `测试单位 ${options.divisionCode} ${randomBytes(3).toString('hex')}`,
    type: options.type ?? 'public_security',
    level,
    divisionCode: options.divisionCode,
    parentId:
      options.parentId === undefined
        ? level === 'national'
          ? null
          : (await makeUnit(ctx, { divisionCode: '000000' })).id
        : options.parentId,
  })
}

export interface TestUser {
  user: UserView
  password: string
  actor: Actor
}

export async function makeUser(ctx: Ctx, unit: UnitView, roles: Role[], username?: string): Promise<TestUser> {
  const password = `Pw-${randomBytes(8).toString('hex')}-X`
  const user = await createUser(ctx, {
    username: username ?? `u${randomBytes(5).toString('hex')}`,
    displayName: '测试用户',
    unitId: unit.id,
    roles,
    password,
  })
  const actor: Actor = {
    kind: 'user',
    id: user.id,
    name: user.username,
    unit: { id: unit.id, name: unit.name, type: unit.type, level: unit.level, divisionCode: unit.divisionCode },
    roles,
    sessionId: null,
  }
  return { user, password, actor }
}
