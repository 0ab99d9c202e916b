// Photos of children and suspects: proven to be images by decoding them, stripped of metadata, thumbnailed.
import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { invalid } from '../../platform/errors.ts'

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024
export const THUMBNAIL_PX = 320
/** About 40 megapixels: a phone photo fits, a decompression bomb does not. */
const MAX_PIXELS = 40_000_000

const CONTENT_TYPES = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const
type Format = keyof typeof CONTENT_TYPES
export const PHOTO_CONTENT_TYPES: readonly string[] = Object.values(CONTENT_TYPES)

export interface ProcessedImage {
  contentType: string
  bytes: Buffer
  thumbnail: Buffer
  width: number
  height: number
  sha256: string
}

const isFormat = (format: string | undefined): format is Format => format !== undefined && format in CONTENT_TYPES

async function detectFormat(input: Buffer): Promise<Format> {
  let format: string | undefined
  try {
    format = (await sharp(input, { limitInputPixels: MAX_PIXELS }).metadata()).format
  } catch {
    throw invalid('photo.not_an_image', 'the file is not an image that can be read')
  }
  if (!isFormat(format)) throw invalid('photo.unsupported_type', `${format} images are not accepted: send JPEG, PNG or WebP`)
  return format
}

/** Decodes the whole image (a truncated or forged file fails here) and encodes it again without metadata. */
async function reencode(input: Buffer, format: Format) {
  const decoded = sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).autoOrient()
  const encoded = format === 'jpeg' ? decoded.jpeg({ quality: 90 }) : format === 'png' ? decoded.png() : decoded.webp({ quality: 90 })
  return encoded.toBuffer({ resolveWithObject: true })
}

async function thumbnailOf(image: Buffer): Promise<Buffer> {
  return sharp(image)
    .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80 })
    .toBuffer()
}

/**
 * Checks an uploaded photo and prepares it for storage. The declared type (the upload's
 * Content-Type) must agree with what the bytes are; `application/octet-stream` declares nothing.
 * EXIF, XMP and ICC data are dropped, so no GPS position of where a child's photo was taken survives.
 */
export async function processImage(input: Buffer, declaredType?: string): Promise<ProcessedImage> {
  if (input.length === 0) throw invalid('photo.empty', 'the file is empty')
  if (input.length > PHOTO_MAX_BYTES) throw invalid('photo.too_large', `a photo may be at most ${PHOTO_MAX_BYTES} bytes`)
  const format = await detectFormat(input)
  const declared = declaredType?.split(';')[0].trim().toLowerCase()
  if (declared && declared !== 'application/octet-stream' && declared !== CONTENT_TYPES[format]) {
    throw invalid('photo.type_mismatch', `the file says ${declared} but is ${CONTENT_TYPES[format]}`)
  }
  let full: Awaited<ReturnType<typeof reencode>>
  try {
    full = await reencode(input, format)
  } catch (error) {
    const message = error instanceof Error ? error.message : ''
    if (/pixel limit/i.test(message)) throw invalid('photo.too_many_pixels', `a photo may have at most ${MAX_PIXELS} pixels`)
    throw invalid('photo.not_an_image', 'the image is damaged or incomplete')
  }
  return {
    contentType: CONTENT_TYPES[format],
    bytes: full.data,
    thumbnail: await thumbnailOf(full.data),
    width: full.info.width,
    height: full.info.height,
    sha256: createHash('sha256').update(full.data).digest('hex'),
  }
}
