// The test push service's crypto against the RFCs' own examples, so that it is a judge independent of web-push.
import { describe, expect, it } from 'vitest'
import { decryptPushMessage, verifyVapidAuthorization } from './receiver-crypto.ts'

const b64 = (s: string) => Buffer.from(s, 'base64url')

// RFC 8291 Appendix A.
const RFC8291 = {
  uaPrivate: 'q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94',
  uaPublic: 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
  authSecret: 'BTBZMqHH6r4Tts7J_aSIgg',
  body:
    'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_' +
    'yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
}
const ua = { privateKey: b64(RFC8291.uaPrivate), publicKey: b64(RFC8291.uaPublic), authSecret: b64(RFC8291.authSecret) }

// RFC 8292 §2.4, in three parts.
const RFC8292 = {
  header: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NiJ9',
  claims: 'eyJhdWQiOiJodHRwczovL3B1c2guZXhhbXBsZS5uZXQiLCJleHAiOjE0NTM1MjM3NjgsInN1YiI6Im1haWx0bzpwdXNoQGV4YW1wbGUuY29tIn0',
  signature: 'i3CYb7t4xfxCDquptFOepC9GAu_HLGkMlMuCGSK2rpiUfnK9ojFwDXb1JrErtmysazNjjvW2L9OkSSHzvoD1oA',
  k: 'BA1Hxzyi1RUM1b5wjxsn7nGxAszw2u61m164i3MrAIxHF6YK5h4SDYic-dRuU_RCPCfA5aq9ojSwk5Y2EmClBPs',
}
const rfcToken = `${RFC8292.header}.${RFC8292.claims}.${RFC8292.signature}`
const anHourBeforeExpiry = 1453523768 - 3600

describe('decryptPushMessage', () => {
  it('decrypts the RFC 8291 example to its plaintext', () => {
    expect(decryptPushMessage(b64(RFC8291.body), ua).toString()).toBe('When I grow up, I want to be a watermelon')
  })

  it('refuses the example with one ciphertext bit flipped, or with another auth secret', () => {
    const tampered = b64(RFC8291.body)
    tampered[100] ^= 1
    expect(() => decryptPushMessage(tampered, ua)).toThrow(/does not decrypt/)
    expect(() => decryptPushMessage(b64(RFC8291.body), { ...ua, authSecret: Buffer.alloc(16, 7) })).toThrow(/does not decrypt/)
  })
})

describe('verifyVapidAuthorization', () => {
  it('accepts the RFC 8292 example token with its key while it is valid', () => {
    const { claims, publicKey } = verifyVapidAuthorization(
      `vapid t=${rfcToken}, k=${RFC8292.k}`,
      'https://push.example.net',
      anHourBeforeExpiry,
    )
    expect(claims).toEqual({ aud: 'https://push.example.net', exp: 1453523768, sub: 'mailto:push@example.com' })
    expect(publicKey).toBe(RFC8292.k)
  })

  it('refuses it for another audience, once expired, with another key, or with altered claims', () => {
    const refusal = (header: string, audience = 'https://push.example.net', now = anHourBeforeExpiry) => {
      try {
        verifyVapidAuthorization(header, audience, now)
        return 'accepted'
      } catch (error) {
        return `${(error as { status: number }).status} ${(error as Error).message}`
      }
    }
    const valid = `vapid t=${rfcToken}, k=${RFC8292.k}`
    expect(refusal(valid, 'https://push.example.org')).toMatch(/^401 aud/)
    expect(refusal(valid, undefined, 1453523768)).toBe('401 token expired')
    expect(refusal(valid, undefined, 1453523768 - 25 * 3600)).toBe('401 token valid for more than 24 hours')
    const otherKey = 'BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8'
    expect(refusal(`vapid t=${rfcToken}, k=${otherKey}`)).toBe('401 signature does not verify with k')
    const forgedClaims = Buffer.from(
      JSON.stringify({ aud: 'https://push.example.net', exp: 1453523769, sub: 'mailto:push@example.com' }),
    ).toString('base64url')
    expect(refusal(`vapid t=${RFC8292.header}.${forgedClaims}.${RFC8292.signature}, k=${RFC8292.k}`)).toBe(
      '401 signature does not verify with k',
    )
    expect(refusal(`WebPush ${rfcToken}`)).toBe('401 no vapid Authorization')
  })
})
