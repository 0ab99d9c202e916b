import { assertValidCapInput } from './check.ts'
import { displayRadiusKm, formatCircle, formatReferences, photoMimeType } from './fields.ts'
import { CAP_LANGUAGES, capInfoTexts, drillNote, type CapLanguage } from './texts.ts'
import { formatCapDateTime } from './time.ts'
import type { CapMessageInput } from './types.ts'
import { addText, createXmlDocument, serializeXml, type XmlBuilder } from './xml.ts'

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2'
export const CAP_MEDIA_TYPE = 'application/cap+xml'
/** geocode valueName for GB/T 2260 division codes; CAP leaves the name to the profile. */
export const GB2260_GEOCODE = 'GB/T 2260'

// The US AMBER profile's values for a child abduction, and for its end: the threat is over, receivers
// clear the earlier alert and need do nothing further.
const ALERT_RISK = { responseType: 'Monitor', urgency: 'Immediate', severity: 'Severe', certainty: 'Likely' }
const CANCEL_RISK = { responseType: 'AllClear', urgency: 'Past', severity: 'Minor', certainty: 'Observed' }

function addValuePair(parent: XmlBuilder, name: string, valueName: string, value: string): void {
  const pair = parent.ele(name)
  addText(pair, 'valueName', valueName)
  addText(pair, 'value', value)
}

function addPhoto(info: XmlBuilder, photoUrl: string, description: string): void {
  const resource = info.ele('resource')
  addText(resource, 'resourceDesc', description)
  addText(resource, 'mimeType', photoMimeType(photoUrl))
  addText(resource, 'uri', photoUrl)
}

function addArea(info: XmlBuilder, input: CapMessageInput, areaDesc: string): void {
  const area = info.ele('area')
  addText(area, 'areaDesc', areaDesc)
  addText(area, 'circle', formatCircle(input.center, input.radiusKm))
  addValuePair(area, 'geocode', GB2260_GEOCODE, input.details.lastSeenDivisionCode)
}

function addInfo(alert: XmlBuilder, input: CapMessageInput, language: CapLanguage): void {
  const isCancel = input.msgType === 'Cancel'
  const risk = isCancel ? CANCEL_RISK : ALERT_RISK
  const texts = capInfoTexts(language, input, displayRadiusKm(input.radiusKm))
  const info = alert.ele('info')
  addText(info, 'language', language)
  addText(info, 'category', 'Rescue')
  addText(info, 'event', texts.event)
  addText(info, 'responseType', risk.responseType)
  addText(info, 'urgency', risk.urgency)
  addText(info, 'severity', risk.severity)
  addText(info, 'certainty', risk.certainty)
  // SAME's CAE ("Child Abduction Emergency") gives receivers one code for both blocks, whatever the language.
  addValuePair(info, 'eventCode', 'SAME', 'CAE')
  if (!isCancel) addText(info, 'onset', formatCapDateTime(input.details.lastSeenAt))
  if (input.expires) addText(info, 'expires', formatCapDateTime(input.expires))
  addText(info, 'senderName', input.senderName)
  addText(info, 'headline', texts.headline)
  addText(info, 'description', texts.description)
  addText(info, 'instruction', texts.instruction)
  if (!isCancel) {
    addText(info, 'web', input.details.pageUrl)
    addText(info, 'contact', input.details.contactPhone)
    if (input.details.photoUrl) addPhoto(info, input.details.photoUrl, texts.photoDesc)
  }
  addArea(info, input, texts.areaDesc)
}

/**
 * One alert, update or cancellation as an OASIS CAP 1.2 document (UTF-8), with an `info` block in zh-CN and
 * one in English. Elements follow the XSD's sequence; a Cancel names no child and shows no photo.
 */
export function buildCapMessage(input: CapMessageInput): string {
  assertValidCapInput(input)
  const doc = createXmlDocument()
  const alert = doc.ele(CAP_NAMESPACE, 'alert')
  addText(alert, 'identifier', input.identifier)
  addText(alert, 'sender', input.sender)
  addText(alert, 'sent', formatCapDateTime(input.sent))
  addText(alert, 'status', input.status)
  addText(alert, 'msgType', input.msgType)
  addText(alert, 'scope', 'Public')
  const note = drillNote(input.status)
  if (note) addText(alert, 'note', note)
  if (input.references.length > 0) addText(alert, 'references', formatReferences(input.references))
  for (const language of CAP_LANGUAGES) addInfo(alert, input, language)
  return serializeXml(doc)
}
