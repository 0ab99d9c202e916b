// The API shapes of collection points. Imports nothing but typebox, so web/ can import its types too.
import { Type, type Static } from 'typebox'

const Uuid = Type.String({ format: 'uuid' })
const IsoDateTime = Type.String({ format: 'date-time' })
const DivisionCode = Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 code' })

/** Where a stored point may lie: China's extent, so that swapped or empty coordinate columns are caught. */
export const CHINA_EXTENT = { minLatitude: 3, maxLatitude: 54, minLongitude: 73, maxLongitude: 136 } as const

const Phone = Type.String({ minLength: 3, maxLength: 40 })
const Hours = Type.String({ minLength: 1, maxLength: 200, description: 'free text, e.g. 工作日 9:00-17:00' })
const Notes = Type.String({ minLength: 1, maxLength: 1000, description: 'shown on the public page' })

/** The required fields of a point, shared by the create and update bodies and by each row of an import file. */
const REQUIRED_FIELDS = {
  name: Type.String({ minLength: 2, maxLength: 100 }),
  address: Type.String({ minLength: 2, maxLength: 200 }),
  divisionCode: Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 county code (or a city without counties)' }),
  latitude: Type.Number({ minimum: CHINA_EXTENT.minLatitude, maximum: CHINA_EXTENT.maxLatitude, description: 'WGS-84 degrees' }),
  longitude: Type.Number({ minimum: CHINA_EXTENT.minLongitude, maximum: CHINA_EXTENT.maxLongitude, description: 'WGS-84 degrees' }),
}

/** One row of an import file, after its cells are read (an empty cell is an absent field). */
export const CollectionPointFields = Type.Object(
  { ...REQUIRED_FIELDS, phone: Type.Optional(Phone), hours: Type.Optional(Hours), notes: Type.Optional(Notes) },
  { additionalProperties: false },
)
export type CollectionPointFields = Static<typeof CollectionPointFields>

export const CollectionPointCreate = Type.Object(
  {
    unitId: Type.Optional(Type.String({ format: 'uuid', description: 'owning police unit; the caller’s own by default' })),
    ...CollectionPointFields.properties,
  },
  { additionalProperties: false },
)
export type CollectionPointCreate = Static<typeof CollectionPointCreate>

/** Changed fields only; null clears an optional one. */
export const CollectionPointUpdate = Type.Partial(
  Type.Object({
    ...REQUIRED_FIELDS,
    phone: Type.Union([Phone, Type.Null()]),
    hours: Type.Union([Hours, Type.Null()]),
    notes: Type.Union([Notes, Type.Null()]),
  }),
  { additionalProperties: false, minProperties: 1 },
)
export type CollectionPointUpdate = Static<typeof CollectionPointUpdate>

export const CollectionPointView = Type.Object({
  id: Uuid,
  unitId: Uuid,
  unitName: Type.String(),
  name: Type.String(),
  address: Type.String(),
  divisionCode: DivisionCode,
  divisionName: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  phone: Type.Union([Type.String(), Type.Null()]),
  hours: Type.Union([Type.String(), Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
export type CollectionPointView = Static<typeof CollectionPointView>

export const CollectionPointListQuery = Type.Object(
  { unitId: Type.Optional(Uuid), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
)
export type CollectionPointListQuery = Static<typeof CollectionPointListQuery>

/** Largest import file, before base64. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024

export const CollectionPointImport = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 255, description: 'a .csv or .xlsx file' }),
    contentBase64: Type.String({ minLength: 1, maxLength: Math.ceil(IMPORT_MAX_BYTES / 3) * 4 }),
    unitId: Type.Optional(Type.String({ format: 'uuid', description: 'owning unit of new points; the caller’s own by default' })),
  },
  { additionalProperties: false },
)
export type CollectionPointImport = Static<typeof CollectionPointImport>

export const CollectionPointImportResult = Type.Object({
  fileName: Type.String(),
  rows: Type.Integer({ description: 'data rows read (blank rows skipped)' }),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  inactive: Type.Integer({ description: 'rows naming a deactivated point: updated, but still hidden from the public' }),
})
export type CollectionPointImportResult = Static<typeof CollectionPointImportResult>

/** Why a row of an import file was refused; the console translates these. */
export const IMPORT_REASONS = [
  'required',
  'not_a_number',
  'out_of_range',
  'too_short',
  'too_long',
  'bad_format',
  'unknown_division',
  'division_not_leaf',
  'division_outside_unit',
  'duplicate_in_file',
  'missing_column',
  'duplicate_column',
] as const
export type ImportReason = (typeof IMPORT_REASONS)[number]

export const PublicCollectionPointQuery = Type.Object(
  {
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90, description: 'WGS-84 latitude of the searcher' })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180, description: 'WGS-84 longitude of the searcher' })),
    division: Type.Optional(
      Type.String({
        pattern: '^(?!000000)[0-9]{6}$',
        description: 'GB/T 2260 province, city or county: its points (by code prefix); with lat/lon, nearest first',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10, description: 'for a search by location' })),
  },
  { additionalProperties: false },
)
export type PublicCollectionPointQuery = Static<typeof PublicCollectionPointQuery>

/** What anyone may see of a point: no ids of people, no internal state. */
export const PublicCollectionPointView = Type.Object({
  id: Uuid,
  name: Type.String(),
  unitName: Type.String(),
  address: Type.String(),
  divisionCode: DivisionCode,
  divisionName: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  phone: Type.Union([Type.String(), Type.Null()]),
  hours: Type.Union([Type.String(), Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
  distanceKm: Type.Union([Type.Number(), Type.Null()], { description: 'great-circle distance from lat/lon, when given' }),
})
export type PublicCollectionPointView = Static<typeof PublicCollectionPointView>

export const IdParams = Type.Object({ id: Uuid })
