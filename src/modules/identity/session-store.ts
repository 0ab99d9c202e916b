import { createHash, randomBytes } from 'node:crypto'
import { and, eq, isNull, ne } from 'drizzle-orm'
import type { Db } from '../../platform/db/client.ts'
import { session } from './tables.ts'

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url')

export interface NewSession {
  userId: string
  now: Date
  ttlHours: number
  ip: string | null
  userAgent: string | null
}

/** Stores a session and returns the cookie token, which exists nowhere else. */
export async function insertSession(db: Db, input: NewSession): Promise<{ token: string; id: string }> {
  const token = randomToken()
  const id = randomToken(12)
  await db.insert(session).values({
    tokenHash: sha256(token),
    id,
    userId: input.userId,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: new Date(input.now.getTime() + input.ttlHours * 3_600_000),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  })
  return { token, id }
}

export async function revokeAllSessions(db: Db, userId: string, now: Date, exceptId?: string): Promise<void> {
  await db
    .update(session)
    .set({ revokedAt: now })
    .where(and(eq(session.userId, userId), isNull(session.revokedAt), exceptId ? ne(session.id, exceptId) : undefined))
}
