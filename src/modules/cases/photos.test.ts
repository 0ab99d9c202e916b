import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { testPlatform, type TestPlatform } from '../../platform/testing.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import { processImage, PHOTO_MAX_BYTES } from './image.ts'
import { addCasePhoto, getCasePhoto } from './case-photos.ts'
import { getCase } from './service.ts'
import { listCaseTimeline } from './timeline.ts'
import { makeCase, makeImage, withGpsExif } from './testing.ts'

describe('processImage', () => {
  it('strips the EXIF GPS position a phone wrote into a JPEG', async () => {
    const original = withGpsExif(await makeImage('jpeg'), 22.5333, 113.9305)
    const before = await sharp(original).metadata()
    expect(before.exif?.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(true)
    expect(original.includes(Buffer.from('N\0', 'latin1'))).toBe(true)
    const stored = await processImage(original, 'image/jpeg')
    const after = await sharp(stored.bytes).metadata()
    expect(after.exif).toBeUndefined()
    expect(stored.bytes.includes(Buffer.from('Exif', 'latin1'))).toBe(false)
    expect(stored).toMatchObject({ contentType: 'image/jpeg', width: 800, height: 600 })
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('makes a JPEG thumbnail whose longest side is 320 px, and never enlarges a small image', async () => {
    const landscape = await processImage(await makeImage('png', 1600, 900))
    const thumb = await sharp(landscape.thumbnail).metadata()
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['jpeg', 320, 180])
    const portrait = await sharp((await processImage(await makeImage('webp', 600, 1200))).thumbnail).metadata()
    expect([portrait.width, portrait.height]).toEqual([160, 320])
    const small = await sharp((await processImage(await makeImage('jpeg', 200, 100))).thumbnail).metadata()
    expect([small.width, small.height]).toEqual([200, 100])
  })

  it('refuses a text file named .jpg, a type that lies, other formats, broken files and oversize uploads', async () => {
    await expect(processImage(Buffer.from('just some text, saved as photo.jpg'), 'image/jpeg')).rejects.toMatchObject({
      kind: 'invalid',
      code: 'photo.not_an_image',
    })
    await expect(processImage(await makeImage('png'), 'image/jpeg')).rejects.toMatchObject({ code: 'photo.type_mismatch' })
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .gif()
      .toBuffer()
    await expect(processImage(gif, 'image/gif')).rejects.toMatchObject({ code: 'photo.unsupported_type' })
    const jpeg = await makeImage('jpeg')
    await expect(processImage(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'image/jpeg')).rejects.toMatchObject({
      code: 'photo.not_an_image',
    })
    await expect(processImage(Buffer.alloc(PHOTO_MAX_BYTES + 1), 'image/jpeg')).rejects.toMatchObject({ code: 'photo.too_large' })
    await expect(processImage(Buffer.alloc(0))).rejects.toMatchObject({ code: 'photo.empty' })
    // Declaring nothing in particular is fine: the bytes decide.
    expect((await processImage(await makeImage('webp'), 'application/octet-stream')).contentType).toBe('image/webp')
  })
})

describe('case photos', () => {
  let t: TestPlatform
  const users: Record<string, TestUser> = {}
  let nanshan: UnitView
  beforeAll(async () => {
    t = await testPlatform()
    const ctx = t.ctx()
    const city = await makeUnit(ctx, { divisionCode: '440300' })
    nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: city.id })
    const futian = await makeUnit(ctx, { divisionCode: '440304', parentId: city.id })
    users.nanshan = await makeUser(ctx, nanshan, ['investigator'])
    users.futian = await makeUser(ctx, futian, ['investigator'])
  })
  afterAll(() => t?.close())

  it('stores a stripped photo once, lists it on the case, and serves the bytes and the thumbnail', async () => {
    const ctx = t.ctx(users.nanshan.actor)
    const c = await makeCase(ctx, nanshan)
    const upload = withGpsExif(await makeImage('jpeg', 1024, 768), 22.5, 113.9)
    const photo = await addCasePhoto(ctx, c.id, upload, 'image/jpeg')
    expect(await addCasePhoto(ctx, c.id, upload, 'image/jpeg')).toEqual(photo)
    expect((await getCase(ctx, c.id)).photos).toEqual([photo])
    const full = await getCasePhoto(ctx, c.id, photo.id, 'full')
    expect(full.bytes.includes(Buffer.from('Exif', 'latin1'))).toBe(false)
    expect((await sharp(full.bytes).metadata()).width).toBe(1024)
    const thumb = await getCasePhoto(ctx, c.id, photo.id, 'thumb')
    expect([thumb.contentType, (await sharp(thumb.bytes).metadata()).width]).toEqual(['image/jpeg', 320])
    expect((await listCaseTimeline(ctx, c.id)).map((e) => e.kind)).toEqual(['case.reported', 'case.photo_added'])
    await expect(getCasePhoto(t.ctx(users.futian.actor), c.id, photo.id, 'full')).rejects.toMatchObject({ code: 'case.not_found' })
    await expect(addCasePhoto(t.ctx(users.futian.actor), c.id, upload, 'image/jpeg')).rejects.toMatchObject({ code: 'case.not_found' })
  })
})
