import { describe, expect, it } from 'vitest'
import { idNumberCheckCharacter, parseIdNumber } from './id-number.ts'
import { normalisePhone } from './phone.ts'
import { ageNow, ageOn } from './age.ts'

const TODAY = '2026-01-05'

describe('GB 11643 citizen ID numbers', () => {
  it('accepts the standard’s example with an X check character, in either case', () => {
    // GB 11643-1999's own example: 北京市朝阳区, born 1949-12-31, order 002 (a woman), check X.
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    })
    expect(parseIdNumber(' 11010519491231002x ', TODAY)).toMatchObject({ ok: true, value: { idNumber: '11010519491231002X' } })
  })

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    // 4·7+4·9+0·10+5·5+2·8+4·4+1·2+8·1+8·6+0·3+0·7+1·9+0·10+1·5+0·8+0·4+1·2 = 195; 195 mod 11 = 8 → "4".
    expect(idNumberCheckCharacter('44052418800101001')).toBe('4')
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X')
    // A child of 南山区 born 2018-01-01: sum 149 → 6 → "6" (order 001, a boy); order 002 → sum 151 → 8 → "4".
    expect(parseIdNumber('440305201801010016', TODAY)).toMatchObject({ ok: true, value: { sex: 'male', birthDate: '2018-01-01' } })
    expect(parseIdNumber('440305201801010024', TODAY)).toMatchObject({ ok: true, value: { sex: 'female' } })
  })

  it('refuses a wrong check digit', () => {
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, problem: 'check_digit' })
    expect(parseIdNumber('440305201801010017', TODAY)).toEqual({ ok: false, problem: 'check_digit' })
  })

  it('refuses impossible and future birth dates before looking at the check digit', () => {
    expect(parseIdNumber('110105194902300028', TODAY)).toEqual({ ok: false, problem: 'birth_date' }) // 30 February
    expect(parseIdNumber('110105201913310028', TODAY)).toEqual({ ok: false, problem: 'birth_date' }) // month 13
    expect(parseIdNumber('110105203001010028', TODAY)).toEqual({ ok: false, problem: 'birth_date' }) // 2030
    expect(parseIdNumber('440524188001010014', TODAY)).toEqual({ ok: false, problem: 'birth_date' }) // before 1900
  })

  it('refuses bad formats and region codes', () => {
    expect(parseIdNumber('11010519491231002', TODAY)).toEqual({ ok: false, problem: 'format' })
    expect(parseIdNumber('110105491231002', TODAY)).toEqual({ ok: false, problem: 'format' }) // the old 15-digit form
    expect(parseIdNumber('1101051949123100XX', TODAY)).toEqual({ ok: false, problem: 'format' })
    expect(parseIdNumber('990105194912310027', TODAY)).toEqual({ ok: false, problem: 'region' })
    expect(parseIdNumber('440000201801010016', TODAY)).toEqual({ ok: false, problem: 'region' })
  })
})

describe('telephone numbers', () => {
  it('normalises mainland mobiles', () => {
    expect(normalisePhone('13800138000')).toBe('13800138000')
    expect(normalisePhone('+86 138 0013 8000')).toBe('13800138000')
    expect(normalisePhone('138-0013-8000')).toBe('13800138000')
    expect(normalisePhone('12800138000')).toBeNull()
    expect(normalisePhone('1380013800')).toBeNull()
  })

  it('normalises landlines with three- and four-character area codes and extensions', () => {
    expect(normalisePhone('010-66262114')).toBe('010-66262114')
    expect(normalisePhone('02087654321')).toBe('020-87654321')
    expect(normalisePhone('02012345678')).toBeNull() // local numbers never start with 0 or 1
    expect(normalisePhone('0755 8888 1234')).toBe('0755-88881234')
    expect(normalisePhone('0755-8888123-601')).toBe('0755-8888123-601')
    expect(normalisePhone('010-1234567')).toBeNull() // Beijing numbers have 8 digits
    expect(normalisePhone('0755-110')).toBeNull()
    expect(normalisePhone('hello')).toBeNull()
  })
})

describe('ages', () => {
  it('counts full years on the China date', () => {
    expect(ageOn('2018-01-05', new Date('2026-01-04T15:59:00Z'))).toBe(7) // 23:59 on 4 January in China
    expect(ageOn('2018-01-05', new Date('2026-01-04T16:00:00Z'))).toBe(8) // midnight of the 5th in China
    expect(ageOn('2016-02-29', new Date('2026-02-28T04:00:00Z'))).toBe(9)
    expect(ageOn('2016-02-29', new Date('2026-03-01T04:00:00Z'))).toBe(10)
  })

  it('ages a child known only by age from when they were last seen', () => {
    const now = new Date('2026-01-05T01:00:00Z')
    expect(ageNow({ birthDate: null, ageYears: 4, lastSeenAt: new Date('2019-06-01T00:00:00Z') }, now)).toBe(10)
    expect(ageNow({ birthDate: '2018-01-01', ageYears: null, lastSeenAt: now }, now)).toBe(8)
    expect(ageNow({ birthDate: null, ageYears: null, lastSeenAt: now }, now)).toBeNull()
  })
})
