import { sql } from 'drizzle-orm'
import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { at } from '../../platform/db/columns.ts'
import type { Role, UnitLevel, UnitType } from './schema.ts'

/** GB/T 2260 administrative divisions, loaded from a data package (see divisions.ts), never typed in. */
export const division = pgTable(
  'division',
  {
    code: text().primaryKey(),
    name: text().notNull(),
    level: text().$type<'country' | 'province' | 'city' | 'county'>().notNull(),
    parentCode: text(),
  },
  (t) => [index().on(t.parentCode)],
)

/** Which release of the division data is loaded, so that a newer one can be told apart. */
export const divisionRelease = pgTable('division_release', {
  id: uuid().primaryKey().defaultRandom(),
  source: text().notNull(),
  version: text().notNull(),
  dataYear: integer().notNull(),
  divisionCount: integer().notNull(),
  loadedAt: at().notNull(),
})

export const unit = pgTable(
  'unit',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    type: text().$type<UnitType>().notNull(),
    level: text().$type<UnitLevel>().notNull(),
    divisionCode: text().notNull(),
    parentId: uuid().references((): any => unit.id),
    phone: text(),
    createdAt: at().notNull(),
  },
  (t) => [index().on(t.parentId), index('unit_division_code_prefix_idx').on(sql`${t.divisionCode} text_pattern_ops`)],
)

export const appUser = pgTable(
  'app_user',
  {
    id: uuid().primaryKey().defaultRandom(),
    username: text().notNull().unique(),
    displayName: text().notNull(),
    unitId: uuid()
      .notNull()
      .references(() => unit.id),
    roles: text().array().$type<Role[]>().notNull(),
    passwordHash: text().notNull(),
    passwordChangedAt: at().notNull(),
    totpSecret: text(),
    totpEnabled: boolean().notNull().default(false),
    /** The last accepted TOTP time step, so a code cannot be replayed within its window. */
    totpLastStep: integer(),
    failedLogins: integer().notNull().default(0),
    lockedUntil: at(),
    disabled: boolean().notNull().default(false),
    createdAt: at().notNull(),
  },
  (t) => [index().on(t.unitId)],
)

export const session = pgTable(
  'session',
  {
    /** SHA-256 of the cookie token: a stolen table does not yield usable cookies. */
    tokenHash: text().primaryKey(),
    /** Public handle shown in the session list; never the token. */
    id: text().notNull().unique(),
    userId: uuid()
      .notNull()
      .references(() => appUser.id),
    createdAt: at().notNull(),
    lastSeenAt: at().notNull(),
    expiresAt: at().notNull(),
    revokedAt: at(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index().on(t.userId)],
)

export const apiKey = pgTable(
  'api_key',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    /** First characters of the key, shown in lists and used to find the row. */
    prefix: text().notNull().unique(),
    /** SHA-256 of the secret: keys are 256-bit random, so a slow hash adds nothing. */
    secretHash: text().notNull(),
    unitId: uuid()
      .notNull()
      .references(() => unit.id),
    scopes: text().array().notNull(),
    createdBy: uuid().references(() => appUser.id),
    createdAt: at().notNull(),
    expiresAt: at(),
    lastUsedAt: at(),
    revokedAt: at(),
  },
  (t) => [index().on(t.unitId)],
)
