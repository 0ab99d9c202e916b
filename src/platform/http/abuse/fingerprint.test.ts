import { describe, expect, it } from 'vitest'
import { tipFingerprint, type TipFingerprintInput } from './fingerprint.ts'

const TIP: TipFingerprintInput = {
  text: ['地铁站看到疑似走失儿童', '穿黄色雨衣，约 5 岁，和一名男子在一起'],
  place: { divisionCode: '440305', address: '深圳市南山区 科技园站 A 口', lat: 22.54, lon: 113.95 },
  seenAt: '2026-01-05T08:30:00+08:00',
  about: '0b7c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4',
  receivedAt: new Date('2026-01-05T01:01:00Z'),
}
const fp = (change: Partial<TipFingerprintInput>) => tipFingerprint({ ...TIP, ...change })

describe('tip fingerprints', () => {
  it('is a SHA-256 that ignores width, case and spacing', () => {
    expect(tipFingerprint(TIP)).toMatch(/^[0-9a-f]{64}$/)
    expect(fp({ text: ['  地铁站看到疑似走失儿童 ', '穿黄色雨衣，约５岁，和一名男子在一起'] })).toBe(tipFingerprint(TIP))
    expect(fp({ place: { ...TIP.place, address: '深圳市南山区科技园站Ａ口' } })).toBe(tipFingerprint(TIP))
    expect(fp({ place: { ...TIP.place, lat: 22.54001 } })).toBe(tipFingerprint(TIP))
    expect(fp({ seenAt: '2026-01-05T00:30:20Z' })).toBe(tipFingerprint(TIP))
  })

  it('matches within the 10-minute slot only', () => {
    expect(fp({ receivedAt: new Date('2026-01-05T01:09:59Z') })).toBe(tipFingerprint(TIP))
    expect(fp({ receivedAt: new Date('2026-01-05T01:10:00Z') })).not.toBe(tipFingerprint(TIP))
  })

  it('differs for other words, places, times or subjects', () => {
    const base = tipFingerprint(TIP)
    expect(fp({ text: ['地铁站看到疑似走失儿童', '穿红色雨衣，约 5 岁，和一名男子在一起'] })).not.toBe(base)
    expect(fp({ place: { ...TIP.place, lat: 22.541 } })).not.toBe(base)
    expect(fp({ place: { ...TIP.place, divisionCode: '440304' } })).not.toBe(base)
    expect(fp({ seenAt: '2026-01-05T08:31:00+08:00' })).not.toBe(base)
    expect(fp({ seenAt: null })).not.toBe(base)
    expect(fp({ about: null })).not.toBe(base)
  })

  it('cannot be matched by moving words between fields', () => {
    expect(tipFingerprint({ text: ['ab', 'c'], receivedAt: TIP.receivedAt })).not.toBe(
      tipFingerprint({ text: ['a', 'bc'], receivedAt: TIP.receivedAt }),
    )
    expect(tipFingerprint({ text: 'a', receivedAt: TIP.receivedAt })).toBe(tipFingerprint({ text: ['a'], receivedAt: TIP.receivedAt }))
  })
})
