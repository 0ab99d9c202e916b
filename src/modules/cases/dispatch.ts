// 快速查找: the command centre's actions right after a report, recorded on the case timeline.
import type { Ctx } from '../../platform/context.ts'
import { conflict, invalid } from '../../platform/errors.ts'
import { getCaseRow, lockCaseRow } from './access.ts'
import { isUnsolved } from './lifecycle.ts'
import { appendCaseEvent } from './timeline.ts'
import type { CaseEventView, DispatchCreate } from './timeline-schema.ts'

/** Something the command centre may still do for this case: the child has not been found. */
function assertSearchable(row: { status: Parameters<typeof isUnsolved>[0]; caseNo: string }) {
  if (!isUnsolved(row.status)) throw conflict('case.not_searching', `case ${row.caseNo} is ${row.status}: no search to dispatch`)
}

function summarise(input: DispatchCreate): string {
  const parts = [
    input.unitsSent?.length ? `派出警力 ${input.unitsSent.length} 处` : '',
    input.checkpoints?.length ? `设卡 ${input.checkpoints.length} 处` : '',
    input.cctvChecked?.length ? `查看监控 ${input.cctvChecked.length} 处` : '',
    input.areasSearched?.length ? `搜寻区域 ${input.areasSearched.length} 处` : '',
  ].filter(Boolean)
  return `快速查找：${parts.length ? parts.join('，') : (input.note ?? '')}`
}

/**
 * Records one dispatch action (units sent, checkpoints, CCTV checked, areas searched) as a
 * `dispatch` event whose details are the typed body. Needs `case.dispatch` and the case in reach.
 */
export async function recordDispatch(ctx: Ctx, caseId: string, input: DispatchCreate): Promise<CaseEventView> {
  assertSearchable(await getCaseRow(ctx, caseId, 'case.dispatch'))
  const lists = [input.unitsSent, input.checkpoints, input.cctvChecked, input.areasSearched]
  if (!lists.some((l) => l?.length) && !input.note) {
    throw invalid('case.dispatch_empty', 'record at least one unit, checkpoint, camera, area or a note')
  }
  const now = ctx.now()
  const at = input.at ? new Date(input.at) : now
  if (at.getTime() > now.getTime() + 5 * 60_000) {
    throw invalid('case.dispatch_in_future', 'a dispatch cannot be recorded for the future', [{ path: '/at', message: 'in the future' }])
  }
  for (const [i, cctv] of (input.cctvChecked ?? []).entries()) {
    if (cctv.from && cctv.to && new Date(cctv.from).getTime() > new Date(cctv.to).getTime()) {
      throw invalid('case.dispatch_period', 'a camera period ends before it starts', [
        { path: `/cctvChecked/${i}/to`, message: 'before from' },
      ])
    }
  }
  return ctx.db.transaction(async (tx) => {
    const row = await lockCaseRow(ctx, tx, caseId, 'case.dispatch')
    assertSearchable(row)
    const { at: _at, ...details } = input
    const event = await appendCaseEvent(ctx, tx, caseId, { kind: 'dispatch', summary: summarise(input), details, at })
    await ctx.audit({ action: 'case.dispatch', resource: { type: 'case', id: caseId }, details: { eventId: event.id } }, tx)
    return event
  })
}
