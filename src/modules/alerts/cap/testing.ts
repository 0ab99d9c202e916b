import { XMLParser } from 'fast-xml-parser'
import type { CapAlertDetails, CapMessageInput } from './types.ts'

/** A plausible alert for tests: 张小明, last seen in 上海市黄浦区 on 1 May 2024 at 14:30 Beijing time. */
export function makeCapInput(overrides: Partial<CapMessageInput> = {}, details: Partial<CapAlertDetails> = {}): CapMessageInput {
  return {
    identifier: 'TY-20240501-0001-1',
    sender: 'alerts.tuanyuan.example.cn',
    senderName: '上海市公安局黄浦分局',
    sent: new Date('2024-05-01T07:10:00Z'),
    status: 'Actual',
    msgType: 'Alert',
    references: [],
    center: { lat: 31.2304, lon: 121.4737 },
    radiusKm: 100,
    expires: new Date('2024-05-02T07:10:00Z'),
    details: {
      childName: '张小明',
      sex: 'male',
      ageYears: 6,
      heightCm: 115,
      clothing: '红色上衣，蓝色牛仔裤，白色运动鞋',
      marks: '左眉上方有一颗小痣',
      lastSeenAt: new Date('2024-05-01T06:30:00Z'),
      lastSeenPlace: '上海市黄浦区南京东路步行街',
      lastSeenDivisionCode: '310101',
      description: '与家人在步行街走散，普通话带四川口音',
      contactPhone: '021-63230000',
      photoUrl: 'https://tuanyuan.example.cn/api/alerts/a1/photo.jpg',
      pageUrl: 'https://tuanyuan.example.cn/alerts/a1',
      ...details,
    },
    ...overrides,
  }
}

/** An element as fast-xml-parser reads it: children by local name, "#text", and "@_"-prefixed attributes. */
export interface XmlNode {
  [key: string]: XmlNode[] | string
}

// A second, independent parser reads the output back: xmlbuilder2's own decodes "&amp;#0;" twice.
const reader = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
  alwaysCreateTextNode: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
})

/** The document as a tree of elements; the root element is `parseXml(xml).<name>[0]`. */
export const parseXml = (xml: string): XmlNode => reader.parse(xml) as XmlNode

const isElementKey = (key: string): boolean => !key.startsWith('@_') && key !== '#text' && key !== '?xml'

/** The names of an element's children, each once, in the order they first appear. */
export const childNames = (node: XmlNode): string[] => Object.keys(node).filter(isElementKey)

/** Every descendant element named `name`, in document order within each level. */
export function elementsOf(node: XmlNode, name: string): XmlNode[] {
  return Object.entries(node).flatMap(([key, value]) => {
    if (!isElementKey(key) || typeof value === 'string') return []
    return [...(key === name ? value : []), ...value.flatMap((child) => elementsOf(child, name))]
  })
}

/** The text of every descendant element named `name`. */
export const textsOf = (node: XmlNode, name: string): string[] =>
  elementsOf(node, name).map((e) => (typeof e['#text'] === 'string' ? e['#text'] : ''))

/** The direct children named `name`. */
export const childrenOf = (node: XmlNode, name: string): XmlNode[] => (typeof node[name] === 'object' ? node[name] : [])
