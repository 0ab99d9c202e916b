import { describe, expect, it } from 'vitest'
import { formatCircle, formatReferences, isCapToken, photoMimeType } from './fields.ts'
import { formatCapDateTime, formatChineseTime, formatEnglishTime } from './time.ts'

describe('formatCapDateTime', () => {
  it('writes China Standard Time with a numeric offset and whole seconds', () => {
    expect(formatCapDateTime(new Date('2024-05-01T07:10:00Z'))).toBe('2024-05-01T15:10:00+08:00')
  })

  it('drops fractional seconds by flooring, never rounding up into the next second', () => {
    expect(formatCapDateTime(new Date('2024-05-01T07:10:59.999Z'))).toBe('2024-05-01T15:10:59+08:00')
  })

  it('crosses midnight and year ends', () => {
    expect(formatCapDateTime(new Date('2023-12-31T16:00:00Z'))).toBe('2024-01-01T00:00:00+08:00')
  })

  it('never writes Z, which CAP forbids', () => {
    expect(formatCapDateTime(new Date('2024-01-01T00:00:00Z'))).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
  })

  it('refuses an invalid date', () => {
    expect(() => formatCapDateTime(new Date('not a date'))).toThrow(RangeError)
  })

  it('formats times for the texts in both languages', () => {
    const at = new Date('2024-05-01T06:30:00Z')
    expect(formatChineseTime(at)).toBe('2024年5月1日 14:30')
    expect(formatEnglishTime(at)).toBe('2024-05-01 14:30 (UTC+8)')
  })
})

describe('formatCircle', () => {
  it('writes "lat,lon radius" with latitude first', () => {
    expect(formatCircle({ lat: 31.2304, lon: 121.4737 }, 100)).toBe('31.2304,121.4737 100')
  })

  it('rounds the centre to four decimals and drops trailing zeros', () => {
    expect(formatCircle({ lat: 39.904211, lon: 116.40739 }, 200)).toBe('39.9042,116.4074 200')
    expect(formatCircle({ lat: 30.5, lon: 114.30000001 }, 300)).toBe('30.5,114.3 300')
  })

  it('rounds the radius up to 0.1 km so the area never shrinks', () => {
    expect(formatCircle({ lat: 0, lon: 0 }, 100.01)).toBe('0,0 100.1')
    expect(formatCircle({ lat: 0, lon: 0 }, 12.34)).toBe('0,0 12.4')
  })

  it('keeps a radius already on a 0.1 km step, despite float noise', () => {
    expect(formatCircle({ lat: 0, lon: 0 }, 0.1 + 0.2)).toBe('0,0 0.3')
    expect(formatCircle({ lat: 0, lon: 0 }, 500)).toBe('0,0 500')
  })

  it('writes negative coordinates and never "-0"', () => {
    expect(formatCircle({ lat: -33.86786, lon: -0.00001 }, 5)).toBe('-33.8679,0 5')
  })
})

describe('formatReferences', () => {
  const first = { sender: 'alerts.tuanyuan.example.cn', identifier: 'TY-1-1', sent: new Date('2024-05-01T07:10:00.250Z') }
  const second = { sender: 'alerts.tuanyuan.example.cn', identifier: 'TY-1-2', sent: new Date('2024-05-01T08:10:00Z') }

  it('writes sender,identifier,sent triples separated by a space', () => {
    expect(formatReferences([first, second])).toBe(
      'alerts.tuanyuan.example.cn,TY-1-1,2024-05-01T15:10:00+08:00 alerts.tuanyuan.example.cn,TY-1-2,2024-05-01T16:10:00+08:00',
    )
  })

  it('lists a message referenced twice only once', () => {
    expect(formatReferences([first, second, first]).split(' ')).toHaveLength(2)
  })
})

describe('isCapToken', () => {
  it.each(['TY-1', 'alerts.tuanyuan.example.cn', 'a:b/c@d'])('accepts %s', (value) => expect(isCapToken(value)).toBe(true))
  it.each(['', 'TY 1', 'TY,1', 'TY<1', 'TY&1', 'TY\t1'])('refuses %j', (value) => expect(isCapToken(value)).toBe(false))
})

describe('photoMimeType', () => {
  it('reads the type from the extension, ignoring case and query', () => {
    expect(photoMimeType('https://x.cn/p/1.JPG?size=large')).toBe('image/jpeg')
    expect(photoMimeType('https://x.cn/p/1.webp')).toBe('image/webp')
  })

  it('falls back to octet-stream rather than guessing', () => {
    expect(photoMimeType('https://x.cn/api/alerts/1/photo')).toBe('application/octet-stream')
  })
})
