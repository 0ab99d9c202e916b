import { assertValidCapInput } from './check.ts'
import { CAP_MEDIA_TYPE } from './message.ts'
import { capInfoTexts } from './texts.ts'
import { displayRadiusKm } from './fields.ts'
import { formatCapDateTime } from './time.ts'
import type { CapAtomFeedInput } from './types.ts'
import { addEmpty, addText, createXmlDocument, serializeXml, setLanguage, type XmlBuilder } from './xml.ts'

const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom'

type FeedEntry = CapAtomFeedInput['entries'][number]

function addEntry(feed: XmlBuilder, { message, url }: FeedEntry): void {
  assertValidCapInput(message)
  const radius = displayRadiusKm(message.radiusKm)
  const zh = capInfoTexts('zh-CN', message, radius)
  const en = capInfoTexts('en', message, radius)
  const sent = formatCapDateTime(message.sent)
  const entry = feed.ele('entry')
  // The message URL is as permanent as the message, and aggregators dedupe entries on atom:id.
  addText(entry, 'id', url)
  addText(entry, 'title', zh.headline, 'zh-CN')
  addText(entry, 'summary', en.headline, 'en')
  addText(entry, 'published', sent)
  addText(entry, 'updated', sent)
  addText(entry.ele('author'), 'name', message.senderName)
  addEmpty(entry, 'link', { rel: 'alternate', type: CAP_MEDIA_TYPE, href: url })
  // The public page of a cancelled alert no longer shows the child, so a Cancel does not point to it.
  if (message.msgType !== 'Cancel') addEmpty(entry, 'link', { rel: 'related', type: 'text/html', href: message.details.pageUrl })
}

const newestFirst = (a: FeedEntry, b: FeedEntry): number => b.message.sent.getTime() - a.message.sent.getTime()

/**
 * The CAP feed as Atom 1.0 (RFC 4287). Entries only link to their CAP message rather than embed it:
 * Google Public Alerts asks feeds to link each full CAP alert and to stay near 100 KB, and the OASIS
 * "Example Practices: CAP Feeds" note and MeteoAlarm's feeds work the same way. Receivers then fetch each
 * message once by URL, and a feed that outlives a Cancel holds no copy of the found child's details.
 */
export function buildCapAtomFeed(feed: CapAtomFeedInput): string {
  const doc = createXmlDocument()
  const root = setLanguage(doc.ele(ATOM_NAMESPACE, 'feed'), 'zh-CN')
  addText(root, 'id', feed.id)
  addText(root, 'title', feed.title)
  addText(root, 'updated', formatCapDateTime(feed.updated))
  addEmpty(root, 'link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl })
  for (const entry of [...feed.entries].sort(newestFirst)) addEntry(root, entry)
  return serializeXml(doc)
}
