import { customType, timestamp } from 'drizzle-orm/pg-core'

/** Millisecond precision so that a timestamp survives a JSON round trip (backups, API) unchanged. */
export const at = () => timestamp({ withTimezone: true, precision: 3, mode: 'date' })

/** Raw bytes. node-postgres gives a Buffer, PGlite a Uint8Array: both come out as a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
})
