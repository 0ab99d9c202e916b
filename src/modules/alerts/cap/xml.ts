import { create } from 'xmlbuilder2'

export type XmlBuilder = ReturnType<typeof create>

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace'

// xmlbuilder2 deliberately leaves an "&" that starts something entity-like ("&lt;", "&foo;", "&#0;") as it
// is (oozcitak/xmlbuilder2 issues #58, #110, #117): user text "&lt;" would reach receivers as "<", and
// "&foo;" would break the document. Escaping every "&" first leaves each exactly one "&amp;" deep.
const escapeAmpersands = (text: string): string => text.replaceAll('&', '&amp;')

/** A UTF-8 document; characters XML 1.0 cannot carry (control codes, lone surrogates) are dropped. */
export const createXmlDocument = (): XmlBuilder => create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' })

/** Sets xml:lang on an element. */
export const setLanguage = (element: XmlBuilder, lang: string): XmlBuilder => element.att(XML_NAMESPACE, 'xml:lang', lang)

/** Appends `<name>text</name>`, escaped, optionally with an xml:lang. */
export function addText(parent: XmlBuilder, name: string, text: string, lang?: string): XmlBuilder {
  const element = parent.ele(name)
  if (lang) setLanguage(element, lang)
  return element.txt(escapeAmpersands(text)).up()
}

/** Appends an empty element whose attribute values are escaped. */
export function addEmpty(parent: XmlBuilder, name: string, attributes: Record<string, string>): XmlBuilder {
  const element = parent.ele(name)
  for (const [key, value] of Object.entries(attributes)) element.att(key, escapeAmpersands(value))
  return element.up()
}

/** Serialises with indentation; `wellFormed` makes the writer refuse anything that would not parse. */
export const serializeXml = (doc: XmlBuilder): string => doc.end({ prettyPrint: true, wellFormed: true })
