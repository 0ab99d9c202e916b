import { describe, expect, it } from 'vitest'
import { newReceipt, normalizeReceipt, receiptHash, sameHash } from './receipt.ts'

describe('receipt codes', () => {
  it('are 10 Crockford base32 characters, read back whatever the case, spacing, look-alike letters or full-width input', () => {
    const receipt = newReceipt()
    expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/)
    expect(normalizeReceipt(receipt)).toBe(receipt.replace('-', ''))
    expect(normalizeReceipt(' 7k2mq-o1il9 ')).toBe('7K2MQ01119')
    expect(normalizeReceipt('７Ｋ２ＭＱ－０１１１９')).toBe('7K2MQ01119')
    for (const bad of ['', '7K2MQ-0111', '7K2MQ-011190', 'UUUUU-UUUUU', '7K2MQ_01119', '7K2MQ-0111Ω'])
      expect(normalizeReceipt(bad)).toBeNull()
  })

  it('hash to a fixed value per code and compare without shortcuts', () => {
    expect(receiptHash('7K2MQ01119')).toBe(receiptHash('7K2MQ01119'))
    expect(receiptHash('7K2MQ01119')).not.toBe(receiptHash('7K2MQ0111A'))
    expect(sameHash(receiptHash('7K2MQ01119'), receiptHash('7K2MQ01119'))).toBe(true)
    expect(sameHash(receiptHash('7K2MQ01119'), receiptHash('7K2MQ0111A'))).toBe(false)
    expect(sameHash('ab', receiptHash('7K2MQ01119'))).toBe(false)
  })

  it('use every character about equally often', () => {
    const seen = new Map<string, number>()
    for (let i = 0; i < 2000; i++) for (const c of newReceipt().replace('-', '')) seen.set(c, (seen.get(c) ?? 0) + 1)
    expect(seen.size).toBe(32)
    // 20 000 characters over 32: 625 each on average; a biased generator strays far beyond ±25 %.
    for (const n of seen.values()) expect(Math.abs(n - 625)).toBeLessThan(160)
  })
})
