import { readFile } from 'node:fs/promises'
import { validateXML, type XMLValidationError } from 'xmllint-wasm'
import type { CapValidationResult } from './types.ts'

const XSD_FILE = 'CAP-v1.2.xsd'
let schema: Promise<string> | undefined

// Read once, on first use: the schema is 10 KB and never changes while the process runs.
const loadSchema = (): Promise<string> => (schema ??= readFile(new URL(XSD_FILE, import.meta.url), 'utf8'))

/** "line 6: Element 'status': …", without the namespace in braces and the fixed prefixes xmllint adds. */
function describe(error: XMLValidationError): string {
  const message = error.message
    .replaceAll('{urn:oasis:names:tc:emergency:cap:1.2}', '')
    .replace(/^(element \S+: )?Schemas validity error : /, '')
  return error.loc ? `line ${error.loc.lineNumber}: ${message}` : message
}

/**
 * Validates a document against the official OASIS CAP 1.2 schema with libxml2 (xmllint compiled to
 * WebAssembly), so that no native tool is needed. Malformed XML is reported as invalid, not thrown.
 */
export async function validateCap(xml: string): Promise<CapValidationResult> {
  const result = await validateXML({
    xml: [{ fileName: 'message.xml', contents: xml }],
    schema: [{ fileName: XSD_FILE, contents: await loadSchema() }],
  })
  // Lines without a location echo the offending source line and a caret under it; the located ones say it all.
  const located = result.errors.filter((e) => e.loc !== null)
  return { valid: result.valid, errors: (located.length > 0 ? located : result.errors).map(describe) }
}
