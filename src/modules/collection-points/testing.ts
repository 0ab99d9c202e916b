import { randomBytes } from 'node:crypto'
import type { Ctx } from '../../platform/context.ts'
import type { UnitView } from '../identity/schema.ts'
import { createCollectionPoint } from './service.ts'
import type { CollectionPointCreate, CollectionPointView } from './schema.ts'

/** A point of `unit`, in the unit's own division unless told otherwise, with a unique name. */
export async function makeCollectionPoint(
  ctx: Ctx,
  unit: UnitView,
  overrides: Partial<CollectionPointCreate> = {},
): Promise<CollectionPointView> {
  return createCollectionPoint(ctx, {
    unitId: unit.id,
    name: `测试采血点 ${randomBytes(3).toString('hex')}`,
    address: `${unit.name} 一楼`,
    divisionCode: unit.divisionCode,
    latitude: 22.54,
    longitude: 113.93,
    ...overrides,
  })
}

/** A CSV file as the import route takes it. */
export const csvFile = (text: string, fileName = 'points.csv') => ({
  fileName,
  contentBase64: Buffer.from(text, 'utf8').toString('base64'),
})
