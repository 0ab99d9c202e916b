import { describe, expect, it } from 'vitest'
import { checkEndpointUrl } from './endpoint-url.ts'

const strict = { allowLoopback: false }
const local = { allowLoopback: true }
const reason = (url: string, policy = strict) => {
  try {
    checkEndpointUrl(url, policy)
    return 'accepted'
  } catch (error) {
    return (error as { errors: { code: string }[] }).errors[0].code
  }
}

describe('checkEndpointUrl', () => {
  it('accepts https on the public internet, in normal form', () => {
    expect(checkEndpointUrl(' https://Partner.Example.com/hooks?x=1 ', strict)).toBe('https://partner.example.com/hooks?x=1')
    expect(checkEndpointUrl('https://203.0.113.7:8443/h', strict)).toBe('https://203.0.113.7:8443/h')
  })

  it('refuses plain http, other schemes, credentials, fragments and garbage', () => {
    expect(reason('http://partner.example.com/h')).toBe('bad_scheme')
    expect(reason('ftp://partner.example.com/h')).toBe('bad_scheme')
    expect(reason('https://user:pw@partner.example.com/h')).toBe('credentials')
    expect(reason('https://partner.example.com/h#x')).toBe('fragment')
    expect(reason('partner.example.com/h')).toBe('bad_format')
  })

  it('refuses private, link-local and reserved addresses however they are written', () => {
    for (const url of [
      'https://10.1.2.3/h',
      'https://172.20.0.1/h',
      'https://192.168.1.1/h',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/h',
      'https://0.0.0.0/h',
      'https://[fd00::1]/h',
      'https://[fe80::1]/h',
      'https://[::ffff:10.0.0.1]/h',
      'https://0xa000001/h',
    ]) {
      expect(reason(url), url).toBe('non_public')
      expect(reason(url, local), url).toBe('non_public')
    }
  })

  it('takes this machine’s addresses, over http too, only when the policy allows', () => {
    for (const url of [
      'http://127.0.0.1:8080/h',
      'http://localhost:9/h',
      'https://[::1]/h',
      'http://2130706433/h',
      'http://[::ffff:127.0.0.1]/h',
    ]) {
      expect(reason(url), url).toBe('loopback')
      expect(reason(url, local), url).toBe('accepted')
    }
  })
})
