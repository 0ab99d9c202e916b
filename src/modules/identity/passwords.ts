import { hash, verify } from '@node-rs/argon2'
import { invalid } from '../../platform/errors.ts'

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane).
// `algorithm: 2` is Algorithm.Argon2id, a const enum that erasable-syntax TypeScript cannot import.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const PASSWORD_MIN_LENGTH = 10

/**
 * At least 10 characters from at least three of: lower case, upper case, digits, other; not
 * containing the user name. (China's MLPS level-3 practice asks for length plus mixed classes.)
 */
export function checkPasswordPolicy(password: string, username: string, path = '/password'): void {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(password)).length
  const problems: string[] = []
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(`at least ${PASSWORD_MIN_LENGTH} characters`)
  if (classes < 3) problems.push('three of: lower case, upper case, digits, symbols')
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('must not contain the user name')
  if (problems.length)
    throw invalid('auth.weak_password', `password too weak: ${problems.join('; ')}`, [{ path, message: problems.join('; ') }])
}

export const hashPassword = (password: string) => hash(password, OPTIONS)

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// Verified against when the user does not exist, so that timing does not reveal which names do.
let dummyHash: Promise<string> | undefined
export const dummyPasswordHash = () => (dummyHash ??= hashPassword('not-a-real-password-Tuanyuan-1'))
