import type { Ctx } from '../../platform/context.ts'
import { makeUnit, makeUser, type TestUser } from '../identity/testing.ts'
import type { UnitView } from '../identity/schema.ts'
import type { PublicTipCreate } from './schema.ts'

/**
 * Police units in Guangdong under the ministry: the province, Shenzhen, two of its districts (南山 440305,
 * 福田 440304), and Beijing's Dongcheng (110101) for another jurisdiction. Shenzhen's 宝安 (440306) and
 * Dongguan (441900) have no unit of their own, nor does Beijing between the ministry and Dongcheng.
 */
export async function makeClueUnits(ctx: Ctx) {
  const nation = await makeUnit(ctx, { divisionCode: '000000', name: '公安部刑侦局' })
  const guangdong = await makeUnit(ctx, { divisionCode: '440000', parentId: nation.id, name: '广东省公安厅' })
  const shenzhen = await makeUnit(ctx, { divisionCode: '440300', parentId: guangdong.id, name: '深圳市公安局' })
  const nanshan = await makeUnit(ctx, { divisionCode: '440305', parentId: shenzhen.id, name: '南山分局' })
  const futian = await makeUnit(ctx, { divisionCode: '440304', parentId: shenzhen.id, name: '福田分局' })
  const dongcheng = await makeUnit(ctx, { divisionCode: '110101', parentId: nation.id, name: '东城分局' })
  const civil = await makeUnit(ctx, { divisionCode: '440305', parentId: shenzhen.id, type: 'civil_affairs', name: '南山区民政局' })
  return { nation, guangdong, shenzhen, nanshan, futian, dongcheng, civil }
}
export type ClueUnits = Awaited<ReturnType<typeof makeClueUnits>>

export function investigatorOf(ctx: Ctx, unit: UnitView): Promise<TestUser> {
  return makeUser(ctx, unit, ['investigator'])
}

export function tipInput(overrides: Partial<PublicTipCreate> = {}): PublicTipCreate {
  return {
    subject: '疑似走失儿童',
    text: '在公交站看到一名约5岁男孩独自哭泣，穿红色上衣。',
    seenAt: '2026-01-05T00:30:00.000Z',
    place: { divisionCode: '440305', address: '南山区科技园公交站', lat: 22.54, lon: 113.95 },
    ...overrides,
  }
}
