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

describe('alert settings', () => {
  it('defaults to the published staged radius', () => {
    expect(loadConfig({}).alerts.radiusSteps).toEqual([
      { afterMinutes: 0, radiusKm: 100 },
      { afterMinutes: 60, radiusKm: 200 },
      { afterMinutes: 120, radiusKm: 300 },
      { afterMinutes: 180, radiusKm: 500 },
    ])
    expect(loadConfig({ TUANYUAN_PUBLIC_URL: 'https://tuanyuan.example.cn/' }).alerts.publicUrl).toBe('https://tuanyuan.example.cn')
  })

  it('refuses a schedule that does not start at 0 or goes back in time', () => {
    expect(() => loadConfig({ TUANYUAN_ALERT_RADIUS_STEPS: '30:100' })).toThrow(/must start at minute 0/)
    expect(() => loadConfig({ TUANYUAN_ALERT_RADIUS_STEPS: '0:100,60:200,30:300' })).toThrow(/rise in time/)
    expect(() => loadConfig({ TUANYUAN_ALERT_RADIUS_STEPS: '0-100' })).toThrow(/minutes:km/)
    expect(() => loadConfig({ TUANYUAN_ALERT_CAP_STATUS: 'Draft' })).toThrow(/one of Actual, Exercise, Test/)
  })
})
