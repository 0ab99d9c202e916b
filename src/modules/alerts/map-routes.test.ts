import { afterEach, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../platform/http/testing.ts'

let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

describe('GET /api/public/map-config', () => {
  it('gives OpenStreetMap by default, without sign-in, and lets the page load its tiles', async () => {
    t = await testApp()
    const res = await t.app.inject({ method: 'GET', url: '/api/public/map-config' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution: expect.stringContaining('OpenStreetMap'),
    })
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data: blob: https://tile.openstreetmap.org;")
  })

  it('gives the configured tile server, with its subdomains allowed as images', async () => {
    t = await testApp({
      env: { TUANYUAN_MAP_TILE_URL: 'https://{s}.tiles.example.gov.cn/{z}/{x}/{y}.png', TUANYUAN_MAP_TILE_ATTRIBUTION: '示例' },
    })
    const res = await t.app.inject({ method: 'GET', url: '/api/public/map-config' })
    expect(res.json()).toEqual({ tileUrl: 'https://{s}.tiles.example.gov.cn/{z}/{x}/{y}.png', attribution: '示例' })
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data: blob: https://*.tiles.example.gov.cn;")
  })

  it('adds no image source for tiles served by this server', async () => {
    t = await testApp({ env: { TUANYUAN_MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png' } })
    const res = await t.app.inject({ method: 'GET', url: '/api/public/map-config' })
    expect(res.json().tileUrl).toBe('/tiles/{z}/{x}/{y}.png')
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data: blob:;")
  })
})
