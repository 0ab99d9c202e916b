import { systemActor } from '../../platform/auth/actor.ts'
import type { Ctx } from '../../platform/context.ts'
import { getCase, type CaseView } from '../cases/index.ts'
import { draftAlert } from './drafts.ts'
import { approveAlert } from './publish.ts'

/**
 * One active 团圆 alert for the demo's missing child, drafted and approved through the module's own services
 * (by two demo operators: the drafter may not approve), so that the public page and the alert console have
 * something to show. No demo partners: their deliveries would only fail.
 */
export async function seedDemoAlerts(ctx: Ctx, active: CaseView): Promise<void> {
  const { photos } = await getCase(ctx, active.id)
  const draft = await draftAlert(ctx.as(systemActor('demo-drafter')), {
    caseId: active.id,
    description: '示例数据：孩子独自走出商场东门，可能沿海德三道方向行走。',
    contactPhone: '0755-26543110',
    photoId: photos[0]?.id ?? null,
  })
  await approveAlert(ctx.as(systemActor('demo-approver')), draft.id)
}
