import type { Command } from 'commander'
import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { withDatabase } from './runtime.ts'
import { print, table } from './output.ts'
import { invalid, notFound } from '../platform/errors.ts'
import type { Ctx } from '../platform/context.ts'
import { createUnit, listUnits } from '../modules/identity/units.ts'
import { createUser, listUsers, updateUser } from '../modules/identity/users.ts'
import { createApiKey, revokeApiKey } from '../modules/identity/api-keys.ts'
import { isIdentityEmpty } from '../modules/identity/demo.ts'
import { ensureDivisions, userRef } from '../modules/identity/index.ts'
import { ROLES, UNIT_LEVELS, UNIT_TYPES, type Role, type UnitLevel, type UnitType } from '../modules/identity/schema.ts'
import { seedDemo } from '../demo.ts'

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

/** A unit given by id or by exact name. */
async function resolveUnit(ctx: Ctx, ref: string) {
  const units = await listUnits(ctx)
  const found = units.filter((u) => u.id === ref || u.name === ref)
  if (found.length === 0) throw notFound('unit.not_found', `no unit "${ref}" (give its id or exact name; see \`tuanyuan unit list\`)`)
  if (found.length > 1) throw invalid('unit.ambiguous', `several units are named "${ref}"; give the id`)
  return found[0]
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value as T)) throw invalid('cli.invalid_option', `${what} must be one of: ${allowed.join(', ')}`)
  return value as T
}

export function registerAdmin(program: Command) {
  const unit = program.command('unit').description('units (organisations) and their jurisdictions')
  unit
    .command('list')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) =>
      withDatabase(async ({ ctx }) => {
        const units = await listUnits(ctx)
        print(units, o, () => table(units, ['id', 'name', 'type', 'level', 'divisionCode', 'divisionName']))
      }),
    )
  unit
    .command('create')
    .requiredOption('--name <name>', 'e.g. 深圳市公安局南山分局')
    .requiredOption('--type <type>', UNIT_TYPES.join('|'))
    .requiredOption('--level <level>', UNIT_LEVELS.join('|'))
    .requiredOption('--division <code>', 'GB/T 2260 code, e.g. 440305')
    .option('--parent <unit>', 'parent unit id or name (required below national level)')
    .option('--phone <phone>')
    .option('--json', 'machine-readable output')
    .action((o: { name: string; type: string; level: string; division: string; parent?: string; phone?: string; json?: boolean }) =>
      withDatabase(async ({ ctx }) => {
        const parent = o.parent ? await resolveUnit(ctx, o.parent) : null
        const created = await createUnit(ctx, {
          name: o.name,
          type: oneOf<UnitType>(o.type, UNIT_TYPES, '--type'),
          level: oneOf<UnitLevel>(o.level, UNIT_LEVELS, '--level'),
          divisionCode: o.division,
          parentId: parent?.id ?? null,
          ...(o.phone ? { phone: o.phone } : {}),
        })
        print(created, o, () => `created unit ${created.name} (${created.id})`)
      }),
    )

  const user = program.command('user').description('user accounts')
  user
    .command('list')
    .option('--unit <unit>', 'only this unit (id or name)')
    .option('--json', 'machine-readable output')
    .action((o: { unit?: string; json?: boolean }) =>
      withDatabase(async ({ ctx }) => {
        const unitId = o.unit ? (await resolveUnit(ctx, o.unit)).id : undefined
        const users = await listUsers(ctx, unitId ? { unitId } : {})
        print(users, o, () => table(users, ['username', 'displayName', 'unitName', 'roles', 'disabled', 'totpEnabled']))
      }),
    )
  user
    .command('create')
    .requiredOption('--username <name>')
    .requiredOption('--name <displayName>')
    .requiredOption('--unit <unit>', 'unit id or exact name')
    .requiredOption('--roles <roles>', `comma-separated: ${ROLES.join(',')}`)
    .option('--password <password>', 'initial password (default: generated and printed once)')
    .option('--json', 'machine-readable output')
    .action((o: { username: string; name: string; unit: string; roles: string; password?: string; json?: boolean }) =>
      withDatabase(async ({ ctx }) => {
        const home = await resolveUnit(ctx, o.unit)
        const password = o.password ?? `Ty-${randomBytes(12).toString('base64url')}9a`
        const roles = list(o.roles).map((r) => oneOf<Role>(r, ROLES, '--roles'))
        const created = await createUser(ctx, { username: o.username, displayName: o.name, unitId: home.id, roles, password })
        print(
          { ...created, ...(o.password ? {} : { password }) },
          o,
          () => `created user ${created.username} in ${created.unitName}${o.password ? '' : `; initial password: ${password}`}`,
        )
      }),
    )
  user
    .command('disable')
    .argument('<username>')
    .option('--enable', 'enable again instead')
    .action((username: string, o: { enable?: boolean }) =>
      withDatabase(async ({ ctx }) => {
        const [row] = await ctx.db.select({ id: userRef.id }).from(userRef).where(eq(userRef.username, username))
        if (!row) throw notFound('user.not_found', `no user ${username}`)
        await updateUser(ctx, row.id, { disabled: !o.enable })
        process.stdout.write(`${o.enable ? 'enabled' : 'disabled'} ${username}${o.enable ? '' : '; their sessions are ended'}\n`)
      }),
    )

  const apikey = program.command('apikey').description('API keys for machine clients (labs, partner systems)')
  apikey
    .command('create')
    .requiredOption('--name <name>')
    .requiredOption('--unit <unit>', 'owning unit id or exact name')
    .requiredOption('--scopes <scopes>', 'comma-separated permissions, e.g. dna.profile.write,dna.search')
    .option('--expires <iso>', 'expiry date-time')
    .option('--json', 'machine-readable output')
    .action((o: { name: string; unit: string; scopes: string; expires?: string; json?: boolean }) =>
      withDatabase(async ({ ctx }) => {
        const owner = await resolveUnit(ctx, o.unit)
        const created = await createApiKey(ctx, {
          name: o.name,
          unitId: owner.id,
          scopes: list(o.scopes),
          ...(o.expires ? { expiresAt: new Date(o.expires).toISOString() } : {}),
        })
        print(created, o, () => `created API key ${created.apiKey.id}\nsecret (shown once): ${created.secret}`)
      }),
    )
  apikey
    .command('revoke')
    .argument('<id>')
    .action((id: string) =>
      withDatabase(async ({ ctx }) => {
        await revokeApiKey(ctx, id)
        process.stdout.write(`revoked API key ${id}\n`)
      }),
    )

  program
    .command('demo')
    .description('demo data')
    .command('seed')
    .description('seed demo units, users and sample deadlines into an empty database')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) =>
      withDatabase(async ({ ctx, config }) => {
        if (!(await isIdentityEmpty(ctx)))
          throw invalid('demo.not_empty', 'the database already has users; demo data goes only into an empty one')
        await ensureDivisions(ctx.db, ctx.now())
        const credentials = await seedDemo(ctx, config.demoPassword)
        print(credentials, o, () => table(credentials as unknown as Record<string, unknown>[], ['username', 'password', 'roles', 'unit']))
      }),
    )
}
