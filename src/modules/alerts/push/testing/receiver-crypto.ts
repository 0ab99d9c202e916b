// The receiving side of Web Push, written from the RFCs with node:crypto only, so that tests check what the
// web-push library sends against the specifications rather than against itself:
// - RFC 8292: the `vapid` Authorization scheme, an ES256 JWT and the signer's public key;
// - RFC 8188 + RFC 8291: the aes128gcm body, decrypted with the browser's (here: our) subscription keys.
import crypto from 'node:crypto'

/** A refusal with the HTTP status a push service would answer. */
export class PushRefusal extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.status = status
  }
}

export interface VapidClaims {
  aud: string
  exp: number
  sub: string
}

/** RFC 8292 §2: at most 24 hours ahead. */
const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600

/**
 * Checks `Authorization: vapid t=<JWT>, k=<public key>`: an ES256 signature by k, `aud` the push service's
 * origin, `exp` in the future but within 24 hours, a `sub` contact. Returns the claims and k (base64url).
 */
export function verifyVapidAuthorization(
  header: string | undefined,
  audience: string,
  nowSeconds: number,
): { claims: VapidClaims; publicKey: string } {
  const match = /^vapid\s+(.*)$/i.exec(header ?? '')
  if (!match) throw new PushRefusal(401, 'no vapid Authorization')
  const params = new Map(
    match[1].split(',').map((part) => {
      const at = part.indexOf('=')
      return [part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim()] as const
    }),
  )
  const token = params.get('t')
  const publicKey = params.get('k')
  if (!token || !publicKey) throw new PushRefusal(401, 'vapid needs both t and k')
  const claims = verifyJwt(token, publicKey)
  if (claims.aud !== audience) throw new PushRefusal(401, `aud is ${claims.aud}, not ${audience}`)
  if (!Number.isInteger(claims.exp) || claims.exp <= nowSeconds) throw new PushRefusal(401, 'token expired')
  if (claims.exp > nowSeconds + MAX_TOKEN_LIFETIME_SECONDS) throw new PushRefusal(401, 'token valid for more than 24 hours')
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub))
    throw new PushRefusal(401, 'sub is not a mailto: or https: contact')
  return { claims, publicKey }
}

function verifyJwt(token: string, publicKey: string): VapidClaims {
  const parts = token.split('.')
  if (parts.length !== 3) throw new PushRefusal(401, 'not a JWS compact serialisation')
  const [header, payload, signature] = parts
  const protectedHeader = parseJson(Buffer.from(header, 'base64url')) as { alg?: string } | undefined
  if (protectedHeader?.alg !== 'ES256') throw new PushRefusal(401, 'alg must be ES256')
  const signatureBytes = Buffer.from(signature, 'base64url')
  // JWS ES256 signs with the raw r || s form (RFC 7518 §3.4), not DER.
  if (signatureBytes.length !== 64) throw new PushRefusal(401, 'ES256 signature must be 64 bytes')
  const verified = crypto.verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key: p256PublicKey(publicKey), dsaEncoding: 'ieee-p1363' },
    signatureBytes,
  )
  if (!verified) throw new PushRefusal(401, 'signature does not verify with k')
  const claims = parseJson(Buffer.from(payload, 'base64url'))
  if (typeof claims !== 'object' || claims === null) throw new PushRefusal(401, 'claims are not a JSON object')
  return claims as VapidClaims
}

/** An uncompressed P-256 point (base64url) as a key object. */
function p256PublicKey(base64url: string): crypto.KeyObject {
  const point = Buffer.from(base64url, 'base64url')
  if (point.length !== 65 || point[0] !== 4) throw new PushRefusal(401, 'k is not an uncompressed P-256 point')
  try {
    return crypto.createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
      format: 'jwk',
    })
  } catch {
    throw new PushRefusal(401, 'k is not on the P-256 curve')
  }
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    return undefined
  }
}

/** The browser's half of a subscription: its ECDH key pair and the authentication secret. */
export interface UserAgentKeys {
  /** 32-byte P-256 private scalar. */
  privateKey: Buffer
  /** 65-byte uncompressed public point: the subscription's p256dh. */
  publicKey: Buffer
  /** 16 bytes: the subscription's auth. */
  authSecret: Buffer
}

const HEADER_BYTES = 86 // salt (16) + rs (4) + idlen (1) + keyid = the sender's public point (65)
const TAG_BYTES = 16

/** Decrypts one aes128gcm push message body (a single record, as RFC 8291 §4 requires). */
export function decryptPushMessage(body: Buffer, ua: UserAgentKeys): Buffer {
  if (body.length < HEADER_BYTES + TAG_BYTES + 1) throw new PushRefusal(400, 'body shorter than a header and one record')
  const salt = body.subarray(0, 16)
  const recordSize = body.readUInt32BE(16)
  if (body[20] !== 65) throw new PushRefusal(400, 'keyid must be the 65-byte sender public key')
  const senderPublic = body.subarray(21, HEADER_BYTES)
  const record = body.subarray(HEADER_BYTES)
  if (recordSize < TAG_BYTES + 2 || record.length > recordSize) throw new PushRefusal(400, 'a push message is exactly one record')

  // RFC 8291 §3.4: the ECDH secret and the auth secret make the input keying material for RFC 8188.
  const ecdh = crypto.createECDH('prime256v1')
  ecdh.setPrivateKey(ua.privateKey)
  let ecdhSecret: Buffer
  try {
    ecdhSecret = ecdh.computeSecret(senderPublic)
  } catch {
    throw new PushRefusal(400, 'keyid is not a P-256 point')
  }
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ua.publicKey, senderPublic])
  const ikm = hkdf(ecdhSecret, ua.authSecret, keyInfo, 32)
  // RFC 8188 §2.2–2.3: content-encryption key and nonce from the record salt; one record, sequence number 0.
  const cek = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16)
  const nonce = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12)

  const decipher = crypto.createDecipheriv('aes-128-gcm', cek, nonce)
  decipher.setAuthTag(record.subarray(record.length - TAG_BYTES))
  let padded: Buffer
  try {
    padded = Buffer.concat([decipher.update(record.subarray(0, record.length - TAG_BYTES)), decipher.final()])
  } catch {
    throw new PushRefusal(400, 'the record does not decrypt with this subscription’s keys')
  }
  return removePadding(padded)
}

function hkdf(ikm: Buffer, salt: Buffer, info: Buffer, length: number): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', ikm, salt, info, length))
}

/** RFC 8188 §2: data, then a delimiter (2 for the last record), then zeros. */
function removePadding(padded: Buffer): Buffer {
  let end = padded.length - 1
  while (end >= 0 && padded[end] === 0) end--
  if (end < 0 || padded[end] !== 2) throw new PushRefusal(400, 'the last record must end with padding delimiter 2')
  return padded.subarray(0, end)
}
