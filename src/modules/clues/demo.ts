import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { anonymous, type Actor } from '../../platform/auth/actor.ts'
import { DAY, HOUR } from '../../platform/clock.ts'
import type { Ctx } from '../../platform/context.ts'
import { userRef } from '../identity/index.ts'
import type { UnitView } from '../identity/schema.ts'
import type { CaseView } from '../cases/index.ts'
import { createClue } from './intake.ts'
import { addTipInformation, submitPublicTip } from './public-tips.ts'
import { assignClues, recordFeedback } from './work.ts'
import { addClueAttachment } from './attachments.ts'

const unitOf = (unit: UnitView) => ({ id: unit.id, name: unit.name, type: unit.type, level: unit.level, divisionCode: unit.divisionCode })

/** A demo user as the actor of their own work, so that routing, permissions and history read as they would in use. */
async function userActor(ctx: Ctx, username: string, unit: UnitView): Promise<Extract<Actor, { kind: 'user' }> | null> {
  const [user] = await ctx.db.select().from(userRef).where(eq(userRef.username, username))
  if (!user) return null
  return { kind: 'user', id: user.id, name: user.displayName, unit: unitOf(unit), roles: user.roles, sessionId: null }
}

/**
 * Chengdu has no demo user: its request comes from a demo integration of the city bureau, as a real one would
 * through an API key with the `assist_request.send` scope.
 */
const chengduSystem = (unit: UnitView): Actor => ({
  kind: 'api_key',
  id: 'demo:chengdu-assist',
  name: '示例：成都市公安局协查系统',
  unit: unitOf(unit),
  scopes: ['assist_request.send', 'clue.read'],
})

/** The same context with its clock `ms` in the past, so that demo clues have an age and their deadlines a history. */
const ago = (ctx: Ctx, actor: Actor, ms: number): Ctx => {
  const at = new Date(ctx.now().getTime() - ms)
  return { ...ctx.as(actor), now: () => at }
}

/** A drawn street scene, so that the demo's directive carries a photo without showing anyone. */
function sketch(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <rect width="640" height="480" fill="#cfd8e3"/><rect y="330" width="640" height="150" fill="#8c8c8c"/>
    <rect x="60" y="150" width="160" height="180" fill="#f0f0f0"/><rect x="380" y="110" width="200" height="220" fill="#e6e6e6"/>
    <circle cx="300" cy="300" r="22" fill="#d46b08"/><rect x="288" y="320" width="24" height="60" fill="#d46b08"/></svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer()
}

/**
 * Demo clues in 南山分局's inbox, entered through the module's own services so that routing, deadlines, history and
 * audit are real: a public tip about the demo's missing child with the tipster's later addition, a directive from
 * 深圳市公安局 due soon, an assistance request from Chengdu gone overdue, an online report not yet assigned, and a
 * mandatory report from the civil-affairs bureau already verified and closed. All text is made up.
 */
export async function seedDemoClues(ctx: Ctx, units: Record<string, UnitView>, active: CaseView): Promise<void> {
  const investigator = await userActor(ctx, 'investigator', units.ns)
  const command = await userActor(ctx, 'command', units.sz)
  const caseworker = await userActor(ctx, 'caseworker', units.szmz)
  if (!investigator || !command || !caseworker) return

  // The tip comes in after the alert went out, so it is the newest entry on the case's timeline.
  const tipster = ctx.as(anonymous)
  const { receipt } = await submitPublicTip(tipster, {
    subject: '在海德三道看到一个穿蓝色外套的小男孩',
    text: '示例数据：十几分钟前，在海德三道公交站附近看到一个穿蓝色外套、红色运动鞋的小男孩，独自往东走，看起来在哭。',
    seenAt: new Date(ctx.now().getTime() - 15 * 60_000).toISOString(),
    place: { divisionCode: '440305', address: '南山区海德三道公交站（示例）', lat: 22.5186, lon: 113.9392 },
    caseId: active.id,
  })
  await addTipInformation(tipster, receipt, { text: '示例数据：补充一下，后来看到他跟着一位穿灰色衣服的中年女子上了公交车。' })

  const directive = await createClue(ago(ctx, command, 5 * DAY + 6 * HOUR), {
    kind: 'directive',
    subject: '核查辖区内疑似非法收养儿童线索',
    text: '示例数据：据群众反映，南山区某小区一户人家近期突然多了一名约两岁的女童，来源不明。请于期限内核查并反馈。',
    place: { divisionCode: '440305', address: '南山区某小区（示例）' },
    targetUnitId: units.ns.id,
  })
  await addClueAttachment(ctx.as(command), directive.id, await sketch(), 'image/jpeg')
  await assignClues(ago(ctx, investigator, 5 * DAY), { clueIds: [directive.id], assignees: [investigator.id] })

  await createClue(ago(ctx, chengduSystem(units.cd), 20 * DAY), {
    kind: 'assist_request',
    subject: '协查：核实一名被拐儿童可能的落脚点',
    text: '示例数据：我局侦办的一起拐卖儿童案中，嫌疑人供述曾将孩子带至深圳南山区某城中村暂住。请协助核实该地址近年租住人员情况。',
    place: { divisionCode: '440305', address: '南山区某城中村（示例）' },
    targetUnitId: units.ns.id,
  })

  await createClue(ago(ctx, investigator, 2 * DAY), {
    kind: 'online_report',
    subject: '网络平台疑似有偿送养婴儿信息',
    text: '示例数据：某平台账号发布“刚出生男婴寻找爱心家庭，需支付营养费”的信息，疑似买卖儿童。',
    url: 'https://example.com/post/demo-12345',
    platform: '示例社交平台',
  })

  const report = await createClue(ago(ctx, caseworker, 12 * DAY), {
    kind: 'mandatory_report',
    subject: '婚姻登记时发现疑似被拐妇女携带的儿童',
    text: '示例数据：办理登记时，女方携带的幼儿无出生证明，女方对孩子来源说法前后不一。',
    place: { divisionCode: '440305', address: '南山区婚姻登记处（示例）' },
    institutionType: 'marriage_registry',
    institutionName: '南山区婚姻登记处（示例）',
    contact: { name: '示例工作人员', phone: '0755-00000000' },
  })
  await assignClues(ago(ctx, investigator, 11 * DAY), { clueIds: [report.id], assignees: [investigator.id] })
  await recordFeedback(ago(ctx, investigator, 9 * DAY), report.id, { note: '示例数据：已约谈当事人，调取出生医学证明存根。' })
  await recordFeedback(ago(ctx, investigator, 7 * DAY), report.id, {
    note: '示例数据：经核实，孩子系女方与前夫所生，出生证明遗失后已补办，无拐卖情形。',
    outcome: 'no_finding',
  })
}
