import { BlockList, isIP } from 'node:net'
import { invalid } from '../../../platform/errors.ts'

const loopback = new BlockList()
loopback.addSubnet('127.0.0.0', 8, 'ipv4')
loopback.addAddress('::1', 'ipv6')

/** Addresses that are not on the public internet: a webhook there would let an admin probe our own network. */
const nonPublic = new BlockList()
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  nonPublic.addSubnet(net, bits, 'ipv4')
}
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const) {
  nonPublic.addSubnet(net, bits, 'ipv6')
}

type HostKind = 'loopback' | 'non_public' | 'public'

/** The IPv4 address inside an IPv4-mapped IPv6 one (`::ffff:127.0.0.1`, which the URL parser writes `::ffff:7f00:1`). */
function mappedIpv4(address: string): string | null {
  const match = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address)
  if (!match) return null
  const [high, low] = [parseInt(match[1], 16), parseInt(match[2], 16)]
  return [high >> 8, high & 255, low >> 8, low & 255].join('.')
}

function classifyHost(hostname: string): HostKind {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname
  const mapped = mappedIpv4(bare)
  if (mapped) return classifyHost(mapped)
  const family = isIP(bare)
  if (family === 0) {
    const name = bare.toLowerCase().replace(/\.$/, '')
    return name === 'localhost' || name.endsWith('.localhost') ? 'loopback' : 'public'
  }
  const type = family === 4 ? 'ipv4' : 'ipv6'
  if (loopback.check(bare, type)) return 'loopback'
  return nonPublic.check(bare, type) ? 'non_public' : 'public'
}

export interface EndpointPolicy {
  /** Plain http (and https) to this machine, for local test receivers. */
  allowLoopback: boolean
}

const refuse = (message: string, code: string) =>
  invalid('alert_partner.bad_endpoint', `endpoint URL refused: ${message}`, [{ path: '/endpointUrl', message, code }])

/**
 * A partner's endpoint in normal form, or an `invalid` error. Partners must be reached over https on the public
 * internet. Addresses written as private, link-local or loopback IPs are refused, except loopback (http or https)
 * when the policy allows it. Host names are not resolved here: a name that resolves to a private address
 * later is not caught (see the README).
 */
export function checkEndpointUrl(raw: string, policy: EndpointPolicy): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw refuse('not an absolute URL', 'bad_format')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('only https URLs are accepted', 'bad_scheme')
  if (url.username || url.password) throw refuse('credentials in the URL are not accepted', 'credentials')
  if (url.hash) throw refuse('a fragment is never sent: remove it', 'fragment')
  const kind = classifyHost(url.hostname)
  if (kind === 'loopback') {
    if (!policy.allowLoopback) throw refuse('this machine’s own addresses are not accepted', 'loopback')
    return url.href
  }
  if (kind === 'non_public') throw refuse('private, link-local and reserved addresses are not accepted', 'non_public')
  if (url.protocol !== 'https:') throw refuse('only https URLs are accepted', 'bad_scheme')
  return url.href
}
