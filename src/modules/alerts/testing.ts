import { createECDH, createHash } from 'node:crypto'
import type { PushSubscriptionCreate } from './schema.ts'

/**
 * A browser-like push subscription's endpoint and keys, the same for the same seed: a P-256 public key and a
 * 16-byte auth secret, as PushManager.subscribe() gives them. For tests that only need a valid subscription;
 * push/testing/push-service.ts makes ones that can receive.
 */
export function pushKeysForTest(seed: number): Pick<PushSubscriptionCreate, 'endpoint' | 'keys'> {
  const ecdh = createECDH('prime256v1')
  ecdh.setPrivateKey(createHash('sha256').update(`push-test-${seed}`).digest())
  return {
    endpoint: `http://127.0.0.1:9/push/test-${seed}`,
    keys: {
      p256dh: ecdh.getPublicKey().toString('base64url'),
      auth: createHash('md5').update(`auth-${seed}`).digest().toString('base64url'),
    },
  }
}
