import { validateXML } from 'xmllint-wasm'
import { describe, expect, it } from 'vitest'
import { buildCapAtomFeed } from './atom.ts'
import { childrenOf, elementsOf, makeCapInput, parseXml, textsOf, type XmlNode } from './testing.ts'

const alert = makeCapInput()
const earlier = [{ sender: alert.sender, identifier: alert.identifier, sent: alert.sent }]
const update = makeCapInput({
  identifier: 'TY-20240501-0001-2',
  msgType: 'Update',
  sent: new Date('2024-05-01T08:10:00Z'),
  radiusKm: 200,
  references: earlier,
})
const found = makeCapInput({
  identifier: 'TY-20240501-0001-3',
  msgType: 'Cancel',
  cancelReason: 'found',
  sent: new Date('2024-05-01T09:00:00Z'),
  references: earlier,
})
const messageUrl = (id: string) => `https://tuanyuan.example.cn/api/alerts/cap/${id}.xml`

const feed = {
  id: 'urn:uuid:5f1c0c1e-7d4a-4d44-9a37-0f5b2f7c3a10',
  title: '团圆 儿童失踪信息紧急发布',
  updated: new Date('2024-05-01T09:00:00Z'),
  selfUrl: 'https://tuanyuan.example.cn/api/alerts/cap.atom',
  entries: [alert, update, found].map((message) => ({ message, url: messageUrl(message.identifier) })),
}

const links = (entry: XmlNode, rel: string) =>
  childrenOf(entry, 'link')
    .filter((l) => l['@_rel'] === rel)
    .map((l) => ({ type: l['@_type'], href: l['@_href'] }))

describe('buildCapAtomFeed', () => {
  const xml = buildCapAtomFeed(feed)
  const root = childrenOf(parseXml(xml), 'feed')[0]
  const entries = childrenOf(root, 'entry')

  it('is well-formed XML for libxml2', async () => {
    const result = await validateXML({ xml: [{ fileName: 'feed.xml', contents: xml }], normalization: 'format' })
    expect(result.errors).toEqual([])
  })

  it('carries the feed metadata RFC 4287 requires', () => {
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">')
    expect(childrenOf(root, 'id').map((e) => e['#text'])).toEqual([feed.id])
    expect(childrenOf(root, 'title').map((e) => e['#text'])).toEqual([feed.title])
    expect(childrenOf(root, 'updated').map((e) => e['#text'])).toEqual(['2024-05-01T17:00:00+08:00'])
    expect(links(root, 'self')).toEqual([{ type: 'application/atom+xml', href: feed.selfUrl }])
  })

  it('has one entry per message, newest first, each linking its CAP document', () => {
    expect(entries.map((e) => textsOf(e, 'id')[0])).toEqual([found, update, alert].map((m) => messageUrl(m.identifier)))
    for (const entry of entries) {
      const id = textsOf(entry, 'id')[0]
      expect(links(entry, 'alternate')).toEqual([{ type: 'application/cap+xml', href: id }])
      expect(textsOf(entry, 'name')).toEqual(['上海市公安局黄浦分局'])
    }
    expect(entries.map((e) => textsOf(e, 'updated')[0])).toEqual([
      '2024-05-01T17:00:00+08:00',
      '2024-05-01T16:10:00+08:00',
      '2024-05-01T15:10:00+08:00',
    ])
  })

  it('titles entries with the zh-CN headline and summarises them in English', () => {
    const alertEntry = entries[2]
    const [title] = childrenOf(alertEntry, 'title')
    expect(title['#text']).toBe('团圆紧急寻人：张小明，男，6岁')
    expect(title['@_lang']).toBe('zh-CN')
    expect(xml).toContain('<title xml:lang="zh-CN">团圆紧急寻人：张小明，男，6岁</title>')
    expect(textsOf(alertEntry, 'summary')).toEqual(['Missing child: 张小明, male, 6'])
    expect(links(alertEntry, 'related')).toEqual([{ type: 'text/html', href: 'https://tuanyuan.example.cn/alerts/a1' }])
  })

  it('keeps the found child out of the Cancel entry, and embeds no CAP message', () => {
    const cancelEntry = entries[0]
    expect(textsOf(cancelEntry, 'title')).toEqual(['团圆紧急寻人已解除：儿童已找到'])
    expect(links(cancelEntry, 'related')).toEqual([])
    expect(JSON.stringify(cancelEntry)).not.toContain('张小明')
    expect(xml).not.toContain('urn:oasis:names:tc:emergency:cap:1.2')
  })

  it('escapes hostile text and URLs in elements and attributes', () => {
    const url = 'https://tuanyuan.example.cn/api/alerts/cap/1.xml?lang="zh"&x=<y>'
    const hostileFeed = {
      ...feed,
      title: '<b>团圆</b> & "feed"',
      entries: [{ message: makeCapInput({}, { childName: '<img src=x onerror=alert(1)>' }), url }],
    }
    const hostileXml = buildCapAtomFeed(hostileFeed)
    expect(hostileXml).not.toContain('<img')
    expect(hostileXml).not.toContain('<b>')
    const parsed = childrenOf(parseXml(hostileXml), 'feed')[0]
    expect(childrenOf(parsed, 'title')[0]['#text']).toBe('<b>团圆</b> & "feed"')
    const [entry] = childrenOf(parsed, 'entry')
    expect(links(entry, 'alternate')).toEqual([{ type: 'application/cap+xml', href: url }])
    expect(textsOf(entry, 'title')[0]).toBe('团圆紧急寻人：<img src=x onerror=alert(1)>，男，6岁')
  })

  it('is a valid feed with no entries', async () => {
    const empty = buildCapAtomFeed({ ...feed, entries: [] })
    expect(elementsOf(parseXml(empty), 'entry')).toHaveLength(0)
    expect((await validateXML({ xml: empty, normalization: 'format' })).valid).toBe(true)
  })
})
