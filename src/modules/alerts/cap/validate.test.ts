import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildCapMessage } from './message.ts'
import { makeCapInput } from './testing.ts'
import { validateCap } from './validate.ts'

const oasisExample = readFileSync(new URL('fixtures/cap_amber_alert_example.xml', import.meta.url), 'utf8')

describe('validateCap', () => {
  it('accepts the OASIS CAP 1.2 AMBER alert example', async () => {
    expect(await validateCap(oasisExample)).toEqual({ valid: true, errors: [] })
  })

  it('names the line and the element when a value is outside the schema', async () => {
    const broken = oasisExample.replace('<status>Actual</status>', '<status>Real</status>')
    const result = await validateCap(broken)
    expect(result.valid).toBe(false)
    expect(result.errors).toEqual([
      "line 6: Element 'status': [facet 'enumeration'] The value 'Real' is not an element of the set {'Actual', 'Exercise', 'System', 'Test', 'Draft'}.",
    ])
  })

  it('reports a required element that is missing', async () => {
    const broken = buildCapMessage(makeCapInput()).replace(/\s*<scope>Public<\/scope>/, '')
    const result = await validateCap(broken)
    expect(result.valid).toBe(false)
    expect(result.errors).toEqual(["line 8: Element 'info': This element is not expected. Expected is one of ( source, scope )."])
  })

  it('refuses a sent time in UTC "Z" notation, which CAP forbids', async () => {
    const broken = buildCapMessage(makeCapInput()).replace('<sent>2024-05-01T15:10:00+08:00', '<sent>2024-05-01T07:10:00Z')
    const result = await validateCap(broken)
    expect(result.valid).toBe(false)
    expect(result.errors[0]).toMatch(/^line 5: Element 'sent': \[facet 'pattern'\]/)
  })

  it('reports malformed XML as invalid instead of throwing', async () => {
    const result = await validateCap('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</alert>')
    expect(result.valid).toBe(false)
    expect(result.errors[0]).toMatch(/^line 1: parser error : Opening and ending tag mismatch: identifier/)
  })
})
