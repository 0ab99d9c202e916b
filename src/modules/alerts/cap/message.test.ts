import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../platform/errors.ts'
import { buildCapMessage } from './message.ts'
import { childNames, childrenOf, elementsOf, makeCapInput, parseXml, textsOf } from './testing.ts'
import type { CapMessageInput } from './types.ts'
import { validateCap } from './validate.ts'

const alert = makeCapInput()
const earlier = [{ sender: alert.sender, identifier: alert.identifier, sent: alert.sent }]
const update = makeCapInput({
  identifier: 'TY-20240501-0001-2',
  msgType: 'Update',
  sent: new Date('2024-05-01T08:10:00Z'),
  radiusKm: 200,
  references: earlier,
})
const found = makeCapInput({ identifier: 'TY-20240501-0001-3', msgType: 'Cancel', cancelReason: 'found', references: earlier })
const withdrawn = makeCapInput({ identifier: 'TY-20240501-0001-4', msgType: 'Cancel', cancelReason: 'withdrawn', references: earlier })

describe('buildCapMessage: schema', () => {
  const cases: [string, CapMessageInput][] = [
    ['Alert', alert],
    ['Update', update],
    ['Cancel (found)', found],
    ['Cancel (withdrawn)', withdrawn],
  ]
  for (const status of ['Actual', 'Exercise', 'Test'] as const) {
    it.each(cases)(`builds a %s with status ${status} that validates against the CAP 1.2 XSD`, async (_, input) => {
      const xml = buildCapMessage({ ...input, status })
      expect(await validateCap(xml)).toEqual({ valid: true, errors: [] })
    })
  }

  it('validates with every optional detail missing', async () => {
    const bare = makeCapInput(
      { expires: null },
      { sex: 'unknown', ageYears: null, heightCm: null, clothing: '', marks: '', description: '', photoUrl: null },
    )
    expect(await validateCap(buildCapMessage(bare))).toEqual({ valid: true, errors: [] })
  })
})

describe('buildCapMessage: the alert', () => {
  const xml = buildCapMessage(alert)
  const doc = parseXml(xml)
  const [zh, en] = elementsOf(doc, 'info')

  it('writes the header in the XSD order, public, without references', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">/)
    expect(childNames(childrenOf(doc, 'alert')[0])).toEqual(['identifier', 'sender', 'sent', 'status', 'msgType', 'scope', 'info'])
    expect(textsOf(doc, 'sent')).toEqual(['2024-05-01T15:10:00+08:00'])
    expect(textsOf(doc, 'scope')).toEqual(['Public'])
  })

  it('writes the info elements in the XSD order', () => {
    const order = ['language', 'category', 'event', 'responseType', 'urgency', 'severity', 'certainty', 'eventCode', 'onset', 'expires']
    const texts = ['senderName', 'headline', 'description', 'instruction', 'web', 'contact', 'resource', 'area']
    expect(childNames(zh)).toEqual([...order, ...texts])
    expect(childNames(elementsOf(zh, 'area')[0])).toEqual(['areaDesc', 'circle', 'geocode'])
  })

  it('has one info block in zh-CN, then one in English, with the AMBER values', () => {
    expect([...textsOf(zh, 'language'), ...textsOf(en, 'language')]).toEqual(['zh-CN', 'en'])
    expect(textsOf(en, 'event')).toEqual(['Child Abduction Emergency'])
    expect(textsOf(zh, 'event')).toEqual(['儿童失踪紧急警报'])
    for (const info of [zh, en]) {
      expect(textsOf(info, 'category')).toEqual(['Rescue'])
      expect(textsOf(info, 'responseType')).toEqual(['Monitor'])
      expect([...textsOf(info, 'urgency'), ...textsOf(info, 'severity'), ...textsOf(info, 'certainty')]).toEqual([
        'Immediate',
        'Severe',
        'Likely',
      ])
    }
  })

  it('writes the headlines from the details', () => {
    expect(textsOf(zh, 'headline')).toEqual(['团圆紧急寻人：张小明，男，6岁'])
    expect(textsOf(en, 'headline')).toEqual(['Missing child: 张小明, male, 6'])
  })

  it('describes the child, the time and the place in each language', () => {
    expect(textsOf(zh, 'description')[0]).toBe(
      '张小明，男，6岁，身高约115厘米。2024年5月1日 14:30在上海市黄浦区南京东路步行街走失。衣着：红色上衣，蓝色牛仔裤，白色运动鞋。体貌特征：左眉上方有一颗小痣。与家人在步行街走散，普通话带四川口音。',
    )
    expect(textsOf(en, 'description')[0]).toContain('Last seen 2024-05-01 14:30 (UTC+8) at 上海市黄浦区南京东路步行街.')
    expect(textsOf(en, 'instruction')[0]).toContain('call 021-63230000 or 110')
  })

  it('gives the area as a circle and the county code', () => {
    expect(textsOf(zh, 'circle')).toEqual(['31.2304,121.4737 100'])
    expect(textsOf(zh, 'areaDesc')).toEqual(['上海市黄浦区南京东路步行街周边100公里范围'])
    expect(textsOf(en, 'areaDesc')).toEqual(['Within 100 km of 上海市黄浦区南京东路步行街'])
    const geocode = elementsOf(zh, 'geocode')[0]
    expect([...textsOf(geocode, 'valueName'), ...textsOf(geocode, 'value')]).toEqual(['GB/T 2260', '310101'])
  })

  it('links the photo, the public page and the contact number', () => {
    expect(textsOf(zh, 'uri')).toEqual(['https://tuanyuan.example.cn/api/alerts/a1/photo.jpg'])
    expect(textsOf(zh, 'mimeType')).toEqual(['image/jpeg'])
    expect(textsOf(en, 'web')).toEqual(['https://tuanyuan.example.cn/alerts/a1'])
    expect(textsOf(en, 'contact')).toEqual(['021-63230000'])
    expect(textsOf(en, 'onset')).toEqual(['2024-05-01T14:30:00+08:00'])
    expect(textsOf(en, 'expires')).toEqual(['2024-05-02T15:10:00+08:00'])
  })
})

describe('buildCapMessage: updates and cancellations', () => {
  it('references the earlier messages from an Update and widens the circle', () => {
    const second = { sender: alert.sender, identifier: update.identifier, sent: update.sent }
    const doc = parseXml(buildCapMessage({ ...update, references: [...earlier, second], radiusKm: 300 }))
    expect(textsOf(doc, 'msgType')).toEqual(['Update'])
    expect(textsOf(doc, 'references')).toEqual([
      'alerts.tuanyuan.example.cn,TY-20240501-0001-1,2024-05-01T15:10:00+08:00 alerts.tuanyuan.example.cn,TY-20240501-0001-2,2024-05-01T16:10:00+08:00',
    ])
    expect(textsOf(doc, 'circle')).toEqual(['31.2304,121.4737 300', '31.2304,121.4737 300'])
  })

  it('keeps a found child out of the Cancel: no name, photo, marks, page or contact', () => {
    const xml = buildCapMessage(found)
    for (const detail of ['张小明', '左眉', '红色上衣', 'photo.jpg', '/alerts/a1', '63230000', '南京东路', '四川'])
      expect(xml).not.toContain(detail)
    const doc = parseXml(xml)
    expect(textsOf(doc, 'headline')).toEqual(['团圆紧急寻人已解除：儿童已找到', 'Missing child alert ended: the child has been found'])
    expect(textsOf(doc, 'responseType')).toEqual(['AllClear', 'AllClear'])
    expect(textsOf(doc, 'urgency')).toEqual(['Past', 'Past'])
    expect(elementsOf(doc, 'resource')).toEqual([])
    expect(elementsOf(doc, 'web')).toEqual([])
    expect(textsOf(doc, 'circle')).toEqual(['31.2304,121.4737 100', '31.2304,121.4737 100'])
  })

  it('keeps the Cancel info blocks minimal: no onset, page, contact or photo', () => {
    const [zh] = elementsOf(parseXml(buildCapMessage(found)), 'info')
    const risk = ['language', 'category', 'event', 'responseType', 'urgency', 'severity', 'certainty', 'eventCode', 'expires']
    expect(childNames(zh)).toEqual([...risk, 'senderName', 'headline', 'description', 'instruction', 'area'])
  })

  it('says a withdrawn alert was withdrawn', () => {
    const doc = parseXml(buildCapMessage(withdrawn))
    expect(textsOf(doc, 'headline')).toEqual(['团圆紧急寻人已撤销', 'Missing child alert withdrawn'])
    expect(buildCapMessage(withdrawn)).not.toContain('张小明')
  })

  it('marks drills in the note and the headlines', () => {
    const doc = parseXml(buildCapMessage({ ...alert, status: 'Exercise' }))
    expect(textsOf(doc, 'note')).toEqual(['演练信息，并非真实警报。Exercise message: not a real alert.'])
    expect(textsOf(doc, 'headline')).toEqual(['【演练】团圆紧急寻人：张小明，男，6岁', '[Exercise] Missing child: 张小明, male, 6'])
    expect(textsOf(parseXml(buildCapMessage({ ...alert, status: 'Test' })), 'headline')[0]).toMatch(/^【测试】/)
    expect(textsOf(parseXml(buildCapMessage(alert)), 'note')).toEqual([])
  })
})

describe('buildCapMessage: text safety', () => {
  const hostile = `<script>alert("x")</script> & 'quotes' ]]> 李&lt;四`
  const input = makeCapInput(
    { senderName: `A&B "分局" <unit>` },
    { childName: hostile, marks: hostile, lastSeenPlace: '北京市海淀区 "中关村" & <东门>' },
  )

  it('escapes markup in user text and reads it back unchanged', async () => {
    const xml = buildCapMessage(input)
    expect(xml).not.toContain('<script>')
    expect(xml).not.toContain('<unit>')
    expect(xml).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; \'quotes\' ]]&gt; 李&amp;lt;四')
    const doc = parseXml(xml)
    expect(textsOf(doc, 'headline')[0]).toBe(`团圆紧急寻人：${hostile}，男，6岁`)
    expect(textsOf(doc, 'senderName')).toEqual([`A&B "分局" <unit>`, `A&B "分局" <unit>`])
    expect(textsOf(doc, 'areaDesc')[0]).toBe('北京市海淀区 "中关村" & <东门>周边100公里范围')
    expect(await validateCap(xml)).toEqual({ valid: true, errors: [] })
  })

  it('escapes text that merely looks like an entity, so it stays text', async () => {
    const xml = buildCapMessage(makeCapInput({}, { description: '&foo; &#0; &amp; &#x41; end' }))
    expect(xml).toContain('&amp;foo; &amp;#0; &amp;amp; &amp;#x41;')
    expect(textsOf(parseXml(xml), 'description')[0]).toContain('&foo; &#0; &amp; &#x41;')
    expect(await validateCap(xml)).toEqual({ valid: true, errors: [] })
  })

  it('keeps CJK text and characters outside the BMP as they are', () => {
    const doc = parseXml(buildCapMessage(makeCapInput({}, { childName: '𠮷野小花', description: '戴着 🎒 书包' })))
    expect(textsOf(doc, 'headline')[0]).toBe('团圆紧急寻人：𠮷野小花，男，6岁')
    expect(textsOf(doc, 'description')[0]).toContain('戴着 🎒 书包')
  })

  it('drops characters XML cannot carry instead of writing a broken document', async () => {
    const xml = buildCapMessage(makeCapInput({}, { description: 'a\u0000b\u0007c\uD800d\uFFFFe' }))
    expect(textsOf(parseXml(xml), 'description')[0]).toContain('abcde。')
    expect(await validateCap(xml)).toEqual({ valid: true, errors: [] })
  })

  it('writes no fractional seconds anywhere', () => {
    const input = makeCapInput({
      msgType: 'Update',
      sent: new Date('2024-05-01T08:10:00.999Z'),
      references: [{ ...earlier[0], sent: new Date('2024-05-01T07:10:00.5Z') }],
    })
    const xml = buildCapMessage(input)
    expect(textsOf(parseXml(xml), 'sent')).toEqual(['2024-05-01T16:10:00+08:00'])
    expect(xml).toContain(',2024-05-01T15:10:00+08:00</references>')
    expect(xml).not.toMatch(/:\d\d\.\d/)
  })
})

describe('buildCapMessage: refusals', () => {
  const refusal = (input: CapMessageInput): DomainError => {
    try {
      buildCapMessage(input)
    } catch (error) {
      if (error instanceof DomainError) return error
      throw error
    }
    throw new Error('expected a refusal')
  }

  it('refuses identifiers and senders that CAP forbids', () => {
    const error = refusal(makeCapInput({ identifier: 'TY 1', sender: 'a,b' }))
    expect(error.code).toBe('alert.cap_input')
    expect(error.errors?.map((e) => e.path)).toEqual(['/identifier', '/sender'])
  })

  it('refuses an Update or Cancel that references nothing, and a Cancel without a reason', () => {
    expect(refusal(makeCapInput({ msgType: 'Update' })).errors?.map((e) => e.path)).toEqual(['/references'])
    expect(refusal(makeCapInput({ msgType: 'Cancel', references: earlier })).errors?.map((e) => e.path)).toEqual(['/cancelReason'])
  })

  it('refuses a circle off the globe or without a radius, and a malformed county code', () => {
    const error = refusal(makeCapInput({ center: { lat: 91, lon: Number.NaN }, radiusKm: 0 }, { lastSeenDivisionCode: '3101' }))
    expect(error.errors?.map((e) => e.path)).toEqual(['/center/lat', '/center/lon', '/radiusKm', '/details/lastSeenDivisionCode'])
  })

  it('refuses links that are not absolute http(s) URLs and an expiry before the message', () => {
    const error = refusal(
      makeCapInput({ expires: new Date('2024-04-30T00:00:00Z') }, { pageUrl: '/alerts/a1', photoUrl: 'javascript:alert(1)' }),
    )
    expect(error.errors?.map((e) => e.path)).toEqual(['/expires', '/details/pageUrl', '/details/photoUrl'])
  })
})
