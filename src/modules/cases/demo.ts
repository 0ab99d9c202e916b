import sharp from 'sharp'
import { eq } from 'drizzle-orm'
import { DAY, MINUTE } from '../../platform/clock.ts'
import type { Ctx } from '../../platform/context.ts'
import { userRef } from '../identity/index.ts'
import type { UnitView } from '../identity/schema.ts'
import { createCase } from './service.ts'
import { addCasePhoto } from './case-photos.ts'
import { transitionCase } from './transitions.ts'
import { setTaskForce } from './task-force.ts'
import { recordDispatch } from './dispatch.ts'
import { createSupervision } from './supervision.ts'
import { issueWantedNotice, publishWantedNotice, setWantedPhoto } from './wanted.ts'
import type { CaseCreate, CaseView } from './schema.ts'

const ago = (ctx: Ctx, ms: number) => new Date(ctx.now().getTime() - ms).toISOString()

/** A drawn silhouette, so that the demo shows photos without showing anyone's child. */
function silhouette(hue: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800">
    <rect width="600" height="800" fill="${hue}"/><circle cx="300" cy="280" r="130" fill="#f5f5f5"/>
    <path d="M100 800 C100 560 500 560 500 800 Z" fill="#f5f5f5"/></svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()
}

async function userId(ctx: Ctx, username: string): Promise<string | null> {
  const [row] = await ctx.db.select({ id: userRef.id }).from(userRef).where(eq(userRef.username, username))
  return row?.id ?? null
}

const base = (ctx: Ctx, unit: UnitView, reportedAgo: number): Omit<CaseCreate, 'child' | 'lastSeen'> => ({
  unitId: unit.id,
  intakeChannel: 'command_centre',
  reportedAt: ago(ctx, reportedAgo),
  circumstances: '示例数据：家长报警称孩子在户外玩耍时走失。',
  reporter: { name: '示例家长', relation: '母亲', phone: '13800000000' },
})

export interface DemoCases {
  /** Reported 40 minutes ago in 南山区, searching, with a photo: the case an active alert can be drafted from. */
  active: CaseView
  /** Suspected trafficking in 福田区: task force, dispatch, provincial supervision, a class B wanted notice. */
  trafficking: CaseView
  /** Found two days after being reported in 天河区. */
  found: CaseView
  /** An unsolved case from 2015 in 武侯区, gone cold. */
  cold: CaseView
}

/** Demo cases across the demo units (all made-up names and numbers), built through the module's own services. */
export async function seedDemoCases(ctx: Ctx, units: Record<string, UnitView>): Promise<DemoCases> {
  const active = await createCase(ctx, {
    ...base(ctx, units.ns, 40 * MINUTE),
    child: {
      name: '示例·小宇',
      sex: 'male',
      birthDate: '2020-03-15',
      heightCm: 105,
      clothing: '蓝色外套，黑色运动裤，红色运动鞋',
      marks: '右耳后有一颗小痣',
      dialect: '普通话',
    },
    lastSeen: {
      at: ago(ctx, 70 * MINUTE),
      address: '南山区海岸城购物中心一楼（示例）',
      divisionCode: '440305',
      lat: 22.5172,
      lon: 113.9365,
    },
  })
  await addCasePhoto(ctx, active.id, await silhouette('#4a78b5'), 'image/jpeg')
  await transitionCase(ctx, active.id, { to: 'searching', reason: '启动快速查找机制' })
  await recordDispatch(ctx, active.id, {
    unitsSent: [{ name: '南山派出所（示例）', unitId: units.ns.id, officers: 8, task: '商场及周边搜寻' }],
    cctvChecked: [{ location: '海岸城东门监控（示例）', finding: '10:05 独自走出东门' }],
  })

  const trafficking = await createCase(ctx, {
    ...base(ctx, units.ft, 3 * DAY - 2 * 3600_000),
    suspectedTrafficking: true,
    child: { name: '示例·小雨', sex: 'female', ageYears: 3, clothing: '粉色连衣裙', marks: '左手腕有胎记' },
    lastSeen: { at: ago(ctx, 3 * DAY), address: '福田区某城中村巷口（示例）', divisionCode: '440304', lat: 22.5334, lon: 114.0291 },
  })
  const chief = await userId(ctx, 'command')
  const investigator = await userId(ctx, 'investigator')
  if (chief) {
    await setTaskForce(ctx, trafficking.id, {
      headUserId: chief,
      members: investigator ? [{ userId: investigator, duty: '侦查破案（示例）' }] : [],
    })
    await transitionCase(ctx, trafficking.id, { to: 'searching', reason: '专案组成立，全力侦查' })
    await recordDispatch(ctx, trafficking.id, { checkpoints: [{ location: '深圳北站（示例）' }, { location: '皇岗口岸（示例）' }] })
    await createSupervision(ctx, {
      targetKind: 'case',
      caseId: trafficking.id,
      reportCycleDays: 7,
      supervisingUnitId: units.gd.id,
      warning: '限期侦破（示例）',
    })
    const notice = await issueWantedNotice(ctx, {
      caseId: trafficking.id,
      class: 'B',
      issuingUnitId: units.gd.id,
      suspectName: '示例·某某',
      suspectSex: 'male',
      suspectBirthYear: 1985,
      description: '示例数据：身高约170厘米，偏瘦，操外地口音。',
      rewardText: '示例：对提供线索抓获者给予奖励',
      rewardAmountCny: 20000,
      contactPhone: '020-83110000',
    })
    await setWantedPhoto(ctx, notice.id, await silhouette('#7a7a7a'), 'image/jpeg')
    await publishWantedNotice(ctx, notice.id)
  }

  const found = await createCase(ctx, {
    ...base(ctx, units.th, 3 * DAY - 3600_000),
    child: { name: '示例·小杰', sex: 'male', ageYears: 8, clothing: '白色校服' },
    lastSeen: { at: ago(ctx, 3 * DAY), address: '天河区某小学门口（示例）', divisionCode: '440106', lat: 23.1353, lon: 113.3613 },
  })
  await transitionCase(ctx, found.id, { to: 'searching' })
  await transitionCase(ctx, found.id, { to: 'found', reason: '在同学家中找到（示例）' })

  const cold = await createCase(ctx, {
    ...base(ctx, units.wh, 0),
    reportedAt: '2015-06-02T01:00:00Z',
    child: { name: '示例·小峰', sex: 'male', birthDate: '2011-09-09', dialect: '四川话' },
    lastSeen: { at: '2015-06-01T09:30:00Z', address: '武侯区某农贸市场（示例）', divisionCode: '510107', lat: 30.6424, lon: 104.0432 },
  })
  await transitionCase(ctx, cold.id, { to: 'cold', reason: '线索中断，列为积案（示例）' })
  return { active, trafficking, found, cold }
}
