import { isIPv6 } from 'node:net'

/**
 * The address a client is limited by. An IPv6 subscriber is usually given a whole /64, so the limit applies to
 * the /64: otherwise one household could rotate through 2^64 addresses. IPv4-mapped addresses count as IPv4.
 */
export function clientKey(ip: string): string {
  if (!isIPv6(ip)) return ip
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped) return mapped[1]
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`
}

/** The hextets without leading zeros, `::` filled in; an embedded IPv4 tail may miscount the filling, but only past the /64. */
function expandIPv6(ip: string): string[] {
  const [head, tail] = ip.toLowerCase().split('%')[0].split('::')
  const part = (s: string | undefined) => (s ? s.split(':') : [])
  const left = part(head)
  const right = part(tail)
  const missing = tail === undefined ? 0 : 8 - left.length - right.length
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((h) => (h.includes('.') ? h : parseInt(h, 16).toString(16)))
}
