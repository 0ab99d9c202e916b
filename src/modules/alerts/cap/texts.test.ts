import { describe, expect, it } from 'vitest'
import { capInfoTexts } from './texts.ts'
import { makeCapInput } from './testing.ts'

describe('capInfoTexts', () => {
  it('leaves out what is unknown instead of printing empty slots', () => {
    const input = makeCapInput({}, { sex: 'unknown', ageYears: null, heightCm: null, clothing: ' ', marks: '', description: '' })
    const zh = capInfoTexts('zh-CN', input, '100')
    const en = capInfoTexts('en', input, '100')
    expect(zh.headline).toBe('团圆紧急寻人：张小明')
    expect(en.headline).toBe('Missing child: 张小明')
    expect(zh.description).toBe('张小明。2024年5月1日 14:30在上海市黄浦区南京东路步行街走失。')
    expect(en.description).toBe('张小明. Last seen 2024-05-01 14:30 (UTC+8) at 上海市黄浦区南京东路步行街.')
  })

  it('writes a girl of 0 years and her height', () => {
    const input = makeCapInput({}, { childName: 'Zhang San', sex: 'female', ageYears: 0, heightCm: 70 })
    expect(capInfoTexts('zh-CN', input, '100').headline).toBe('团圆紧急寻人：Zhang San，女，0岁')
    expect(capInfoTexts('en', input, '100').headline).toBe('Missing child: Zhang San, female, 0')
    expect(capInfoTexts('en', input, '100').description).toMatch(/^Zhang San, female, 0 years old, about 70 cm tall\. /)
  })

  it('does not double the full stop police often type themselves', () => {
    const input = makeCapInput({}, { clothing: '红色上衣。', marks: 'scar on the chin.', description: '可能被陌生男子带走！' })
    expect(capInfoTexts('zh-CN', input, '100').description).toContain('衣着：红色上衣。体貌特征：scar on the chin。可能被陌生男子带走。')
    expect(capInfoTexts('en', input, '100').description).toContain('Distinguishing marks: scar on the chin. 可能被陌生男子带走.')
  })

  it('describes the area with the radius it is given', () => {
    expect(capInfoTexts('zh-CN', makeCapInput(), '12.5').areaDesc).toBe('上海市黄浦区南京东路步行街周边12.5公里范围')
    expect(capInfoTexts('en', makeCapInput({ msgType: 'Cancel', cancelReason: 'found' }), '500').areaDesc).toBe(
      'Area of the earlier alert (500 km radius)',
    )
  })
})
