import { timestamp } from 'drizzle-orm/pg-core'

/** Millisecond precision so that a timestamp survives a JSON round trip (backups, API) unchanged. */
export const at = () => timestamp({ withTimezone: true, precision: 3, mode: 'date' })
