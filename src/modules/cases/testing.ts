import sharp from 'sharp'
import { HOUR } from '../../platform/clock.ts'
import type { Ctx } from '../../platform/context.ts'
import type { UnitView } from '../identity/schema.ts'
import { createCase } from './service.ts'
import type { CaseCreate, CaseView } from './schema.ts'

export interface CaseOverrides extends Partial<Omit<CaseCreate, 'child' | 'lastSeen' | 'reporter'>> {
  child?: Partial<CaseCreate['child']>
  lastSeen?: Partial<CaseCreate['lastSeen']>
  reporter?: Partial<CaseCreate['reporter']>
}

/** A case reported to `unit` an hour after the child was last seen in the unit's county (南山区 when the unit is higher). */
export async function makeCase(ctx: Ctx, unit: UnitView, overrides: CaseOverrides = {}): Promise<CaseView> {
  const county = unit.divisionCode.endsWith('00') ? '440305' : unit.divisionCode
  const { child, lastSeen, reporter, ...rest } = overrides
  return createCase(ctx, {
    unitId: unit.id,
    intakeChannel: 'station',
    child: { name: '测试儿童', sex: 'male', ageYears: 5, clothing: '红色上衣，蓝色短裤', ...child },
    lastSeen: {
      at: new Date(ctx.now().getTime() - HOUR).toISOString(),
      address: '某小区门口',
      divisionCode: county,
      lat: 22.53,
      lon: 113.93,
      ...lastSeen,
    },
    circumstances: '在小区门口玩耍时走失',
    reporter: { name: '张母', relation: '母亲', phone: '13800138000', ...reporter },
    ...rest,
  })
}

/** A plain image of the given size and format. */
export function makeImage(format: 'jpeg' | 'png' | 'webp', width = 800, height = 600): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } })
  return (format === 'jpeg' ? image.jpeg() : format === 'png' ? image.png() : image.webp()).toBuffer()
}

/** Degrees as the three EXIF rationals degrees/1, minutes/1, seconds×100/100. */
function rationals(value: number): number[] {
  const d = Math.floor(value)
  const m = Math.floor((value - d) * 60)
  const s = Math.round(((value - d) * 60 - m) * 60 * 100)
  return [d, 1, m, 1, s, 100]
}

/**
 * The JPEG with an EXIF block holding a GPS position, written by hand (little-endian TIFF: IFD0 with
 * a GPS pointer, then the GPS IFD with latitude and longitude), as a phone camera would.
 */
export function withGpsExif(jpeg: Buffer, lat: number, lon: number): Buffer {
  const tiff = Buffer.alloc(128)
  tiff.write('II', 0, 'latin1')
  tiff.writeUInt16LE(42, 2)
  tiff.writeUInt32LE(8, 4)
  const entry = (at: number, tag: number, type: number, count: number, value: number | string) => {
    tiff.writeUInt16LE(tag, at)
    tiff.writeUInt16LE(type, at + 2)
    tiff.writeUInt32LE(count, at + 4)
    if (typeof value === 'string') tiff.write(value, at + 8, 'latin1')
    else tiff.writeUInt32LE(value, at + 8)
  }
  tiff.writeUInt16LE(1, 8)
  entry(10, 0x8825, 4, 1, 26) // GPSInfo → the GPS IFD at 26
  tiff.writeUInt32LE(0, 22)
  tiff.writeUInt16LE(4, 26)
  entry(28, 0x0001, 2, 2, 'N\0')
  entry(40, 0x0002, 5, 3, 80)
  entry(52, 0x0003, 2, 2, 'E\0')
  entry(64, 0x0004, 5, 3, 104)
  tiff.writeUInt32LE(0, 76)
  rationals(lat).forEach((n, i) => tiff.writeUInt32LE(n, 80 + i * 4))
  rationals(lon).forEach((n, i) => tiff.writeUInt32LE(n, 104 + i * 4))
  const header = Buffer.from('Exif\0\0', 'latin1')
  const length = Buffer.alloc(2)
  length.writeUInt16BE(2 + header.length + tiff.length)
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), length, header, tiff])
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)])
}

/** ID numbers for tests: the 17 digits and their true check character. */
export { idNumberCheckCharacter } from './id-number.ts'
