import type { Db } from '../../platform/db/client.ts'

/** Wakes the delivery dispatcher of this database's process, so a new message leaves at once, not at the next poll. */
const kicks = new WeakMap<Db, () => void>()

export function useDeliveryKick(db: Db, kick: () => void): void {
  kicks.set(db, kick)
}

export function kickDeliveries(db: Db): void {
  kicks.get(db)?.()
}
