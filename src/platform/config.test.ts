import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('reads DNA search floors by mode name', () => {
    expect(loadConfig({}).dnaSearchThresholds).toEqual({})
    expect(loadConfig({ TUANYUAN_DNA_SEARCH_THRESHOLDS: 'duo=3, trio=4.5' }).dnaSearchThresholds).toEqual({ duo: 3, trio: 4.5 })
  })

  it('names the variable and the expected shape when a value is malformed', () => {
    expect(() => loadConfig({ TUANYUAN_DNA_SEARCH_THRESHOLDS: 'duo:3' })).toThrow(
      /TUANYUAN_DNA_SEARCH_THRESHOLDS must look like "duo=4,trio=4"/,
    )
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a non-negative integer/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/)
  })
})
