import { sql } from 'drizzle-orm'
import { boolean, doublePrecision, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { at } from '../../platform/db/columns.ts'

/**
 * A free DNA sampling point (采血点) run by a police unit. `unit_id` has no foreign key, as other modules'
 * references to identity's units have none: a module writes only its own tables.
 */
export const collectionPoint = pgTable(
  'collection_point',
  {
    id: uuid().primaryKey().defaultRandom(),
    unitId: uuid().notNull(),
    name: text().notNull(),
    address: text().notNull(),
    /** The most specific GB/T 2260 division: a county, or a city that has none (东莞市). */
    divisionCode: text().notNull(),
    /** WGS-84 degrees, as browsers' geolocation gives them. */
    latitude: doublePrecision().notNull(),
    longitude: doublePrecision().notNull(),
    phone: text(),
    hours: text(),
    notes: text(),
    active: boolean().notNull().default(true),
    createdAt: at().notNull(),
    updatedAt: at().notNull(),
  },
  (t) => [
    // An import recognises a point by name within its division, so that re-importing updates it.
    uniqueIndex('collection_point_division_name_idx').on(t.divisionCode, t.name),
    index('collection_point_division_code_prefix_idx').on(sql`${t.divisionCode} text_pattern_ops`),
    // The public search's bounding box: a range on latitude, then longitude, over active points only.
    index('collection_point_active_lat_lon_idx')
      .on(t.latitude, t.longitude)
      .where(sql`${t.active}`),
    index().on(t.unitId),
  ],
)
