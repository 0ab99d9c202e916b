import { randomBytes } from 'node:crypto'
import { count } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import { appUser } from './tables.ts'
import { createUnit } from './units.ts'
import { createUser } from './users.ts'
import type { Role, UnitCreate, UnitView } from './schema.ts'

type DemoUnit = Omit<UnitCreate, 'parentId'> & { key: string; parent?: string }

/** The ministry, two provinces with cities and counties, a civil-affairs bureau and the joint-meeting office. */
const DEMO_UNITS: DemoUnit[] = [
  { key: 'ministry', name: '公安部', type: 'public_security', level: 'national', divisionCode: '000000', phone: '010-66262114' },
  {
    key: 'jmo',
    parent: 'ministry',
    name: '国务院反拐部际联席会议办公室',
    type: 'joint_meeting_office',
    level: 'national',
    divisionCode: '000000',
  },
  { key: 'gd', parent: 'ministry', name: '广东省公安厅', type: 'public_security', level: 'province', divisionCode: '440000' },
  { key: 'sc', parent: 'ministry', name: '四川省公安厅', type: 'public_security', level: 'province', divisionCode: '510000' },
  { key: 'sz', parent: 'gd', name: '深圳市公安局', type: 'public_security', level: 'city', divisionCode: '440300', phone: '0755-110' },
  { key: 'gz', parent: 'gd', name: '广州市公安局', type: 'public_security', level: 'city', divisionCode: '440100' },
  { key: 'cd', parent: 'sc', name: '成都市公安局', type: 'public_security', level: 'city', divisionCode: '510100' },
  { key: 'ns', parent: 'sz', name: '深圳市公安局南山分局', type: 'public_security', level: 'county', divisionCode: '440305' },
  { key: 'ft', parent: 'sz', name: '深圳市公安局福田分局', type: 'public_security', level: 'county', divisionCode: '440304' },
  { key: 'th', parent: 'gz', name: '广州市公安局天河区分局', type: 'public_security', level: 'county', divisionCode: '440106' },
  { key: 'wh', parent: 'cd', name: '成都市公安局武侯区分局', type: 'public_security', level: 'county', divisionCode: '510107' },
  { key: 'szmz', parent: 'sz', name: '深圳市民政局', type: 'civil_affairs', level: 'city', divisionCode: '440300' },
]

const DEMO_USERS: { username: string; displayName: string; unit: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '系统管理员', unit: 'ministry', roles: ['admin'] },
  { username: 'investigator', displayName: '李侦查', unit: 'ns', roles: ['investigator'] },
  { username: 'command', displayName: '王指挥', unit: 'sz', roles: ['command'] },
  { username: 'dna', displayName: '陈检验', unit: 'gd', roles: ['dna_analyst'] },
  { username: 'caseworker', displayName: '赵民政', unit: 'szmz', roles: ['caseworker'] },
  { username: 'planoffice', displayName: '孙联席', unit: 'jmo', roles: ['plan_office'] },
  { username: 'supervisor', displayName: '周督办', unit: 'gd', roles: ['supervisor'] },
  { username: 'auditor', displayName: '吴审计', unit: 'ministry', roles: ['auditor'] },
]

export interface DemoCredentials {
  username: string
  password: string
  displayName: string
  unit: string
  roles: Role[]
}

export interface DemoIdentity {
  units: Record<string, UnitView>
  credentials: DemoCredentials[]
}

/** Passwords are random per installation unless one is given (tests), so no demo install shares a password. */
function demoPassword(): string {
  return `Ty-${randomBytes(9).toString('base64url')}7a`
}

export async function isIdentityEmpty(ctx: Ctx): Promise<boolean> {
  const [{ n }] = await ctx.db.select({ n: count() }).from(appUser)
  return n === 0
}

export async function seedDemoIdentity(ctx: Ctx, fixedPassword?: string): Promise<DemoIdentity> {
  const units: Record<string, UnitView> = {}
  for (const { key, parent, ...input } of DEMO_UNITS) {
    units[key] = await createUnit(ctx, { ...input, parentId: parent ? units[parent].id : null })
  }
  const credentials: DemoCredentials[] = []
  for (const user of DEMO_USERS) {
    const password = fixedPassword ?? demoPassword()
    await createUser(ctx, {
      username: user.username,
      displayName: user.displayName,
      unitId: units[user.unit].id,
      roles: user.roles,
      password,
    })
    credentials.push({ username: user.username, password, displayName: user.displayName, unit: units[user.unit].name, roles: user.roles })
  }
  return { units, credentials }
}
