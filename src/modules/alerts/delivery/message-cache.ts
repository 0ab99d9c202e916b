import type { Db } from '../../../platform/db/client.ts'
import { loadMessages } from './store.ts'
import type { DeliveryMessage } from './types.ts'

/**
 * The few messages being delivered at a time, by id. A message never changes once written, so a cached copy is
 * never stale; the cache only bounds memory (CAP documents are a few kB each).
 */
export class MessageCache {
  readonly #db: Db
  readonly #capacity: number
  readonly #messages = new Map<string, DeliveryMessage>()

  constructor(db: Db, capacity = 64) {
    this.#db = db
    this.#capacity = capacity
  }

  /** The messages with these ids that exist, loading the missing ones in one query. */
  async get(ids: Iterable<string>): Promise<Map<string, DeliveryMessage>> {
    const wanted = new Set(ids)
    const found = new Map<string, DeliveryMessage>()
    const missing: string[] = []
    for (const id of wanted) {
      const cached = this.#messages.get(id)
      if (cached) found.set(id, cached)
      else missing.push(id)
    }
    for (const message of await loadMessages(this.#db, missing)) {
      found.set(message.id, message)
      this.#remember(message)
    }
    return found
  }

  #remember(message: DeliveryMessage) {
    this.#messages.set(message.id, message)
    // Maps keep insertion order: the first key is the oldest.
    while (this.#messages.size > this.#capacity) this.#messages.delete(this.#messages.keys().next().value!)
  }
}
