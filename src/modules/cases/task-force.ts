// 一长三包: the task force of a case, headed by a county-level or higher police leader.
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.ts'
import type { Db } from '../../platform/db/client.ts'
import { isWithinDivision } from '../../platform/auth/authorize.ts'
import { invalid } from '../../platform/errors.ts'
import { unitRef, userRef } from '../identity/index.ts'
import type { Role } from '../identity/schema.ts'
import { assertNotClosed, getCaseRow, lockCaseRow, type CaseRow } from './access.ts'
import { appendCaseEvent } from './timeline.ts'
import { taskForce, taskForceMember } from './tables.ts'
import type { TaskForceView } from './schema.ts'
import type { TaskForceSet } from './timeline-schema.ts'

/** Police officers who may lead: the roles of the investigating and commanding officers. */
const LEADING_ROLES: readonly Role[] = ['investigator', 'command']

interface TaskForceUser {
  id: string
  displayName: string
  roles: Role[]
  disabled: boolean
  unitName: string
  unitType: string
  unitDivision: string
}

async function usersById(db: Db, ids: readonly string[]): Promise<Map<string, TaskForceUser>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({
      id: userRef.id,
      displayName: userRef.displayName,
      roles: userRef.roles,
      disabled: userRef.disabled,
      unitName: unitRef.name,
      unitType: unitRef.type,
      unitDivision: unitRef.divisionCode,
    })
    .from(userRef)
    .innerJoin(unitRef, eq(unitRef.id, userRef.unitId))
    .where(inArray(userRef.id, [...new Set(ids)]))
  return new Map(rows.map((r) => [r.id, r]))
}

/** Why `user` cannot head the task force of `row`, or null when they can. */
function headProblem(row: CaseRow, user: TaskForceUser | undefined): string | null {
  if (!user || user.disabled) return 'no such active user'
  if (user.unitType !== 'public_security') return 'the head must be a police officer'
  if (!user.roles.some((r) => LEADING_ROLES.includes(r))) return 'the head must be an investigating or commanding officer'
  // Every unit level is county or higher; "higher" here means the case's own unit or one above it.
  if (!isWithinDivision(user.unitDivision, row.divisionCode)) return 'the head must belong to the case’s unit or a unit above it'
  return null
}

/** Sets (or replaces) the task force of a case. It can be changed but never dissolved: 案件不破，专案组不得撤销. */
export async function setTaskForce(ctx: Ctx, caseId: string, input: TaskForceSet): Promise<TaskForceView> {
  const row = await getCaseRow(ctx, caseId, 'case.write')
  assertNotClosed(row)
  const users = await usersById(ctx.db, [input.headUserId, ...input.members.map((m) => m.userId)])
  const problem = headProblem(row, users.get(input.headUserId))
  if (problem) throw invalid('case.task_force_head', problem, [{ path: '/headUserId', message: problem }])
  const badMembers = input.members.flatMap((m, i) => (users.get(m.userId)?.disabled === false ? [] : [i]))
  const seen = new Set<string>()
  const duplicates = input.members.flatMap((m, i) => (seen.has(m.userId) ? [i] : (seen.add(m.userId), [])))
  if (badMembers.length + duplicates.length > 0) {
    throw invalid('case.task_force_member', 'every member must be a distinct active user', [
      ...badMembers.map((i) => ({ path: `/members/${i}/userId`, message: 'no such active user' })),
      ...duplicates.map((i) => ({ path: `/members/${i}/userId`, message: 'listed twice' })),
    ])
  }
  return ctx.db.transaction(async (tx) => {
    assertNotClosed(await lockCaseRow(ctx, tx, caseId, 'case.write'))
    const now = ctx.now()
    const [existing] = await tx.select().from(taskForce).where(eq(taskForce.caseId, caseId))
    if (existing) await tx.update(taskForce).set({ headUserId: input.headUserId, updatedAt: now }).where(eq(taskForce.caseId, caseId))
    else await tx.insert(taskForce).values({ caseId, headUserId: input.headUserId, createdAt: now, updatedAt: now })
    await tx.delete(taskForceMember).where(eq(taskForceMember.caseId, caseId))
    if (input.members.length) await tx.insert(taskForceMember).values(input.members.map((m) => ({ caseId, ...m })))
    const head = users.get(input.headUserId)!
    await appendCaseEvent(ctx, tx, caseId, {
      kind: 'task_force.set',
      summary: `专案组${existing ? '调整' : '成立'}：组长 ${head.displayName}（${head.unitName}），成员 ${input.members.length} 人`,
      details: { headUserId: input.headUserId, members: input.members },
    })
    await ctx.audit(
      {
        action: 'case.task_force.set',
        resource: { type: 'case', id: caseId },
        details: { headUserId: input.headUserId, members: input.members.length },
      },
      tx,
    )
    return (await loadTaskForceView(tx, caseId))!
  })
}

/** The task force of a case with names, or null; the caller has authorised the case. */
export async function loadTaskForceView(db: Db, caseId: string): Promise<TaskForceView | null> {
  const [tf] = await db.select().from(taskForce).where(eq(taskForce.caseId, caseId))
  if (!tf) return null
  const members = await db.select().from(taskForceMember).where(eq(taskForceMember.caseId, caseId)).orderBy(asc(taskForceMember.duty))
  const users = await usersById(db, [tf.headUserId, ...members.map((m) => m.userId)])
  const head = users.get(tf.headUserId)
  return {
    headUserId: tf.headUserId,
    headName: head?.displayName ?? '',
    headUnitName: head?.unitName ?? '',
    members: members.map((m) => ({
      userId: m.userId,
      displayName: users.get(m.userId)?.displayName ?? '',
      unitName: users.get(m.userId)?.unitName ?? '',
      duty: m.duty,
    })),
    createdAt: tf.createdAt.toISOString(),
    updatedAt: tf.updatedAt.toISOString(),
  }
}

export async function hasTaskForce(db: Db, caseId: string): Promise<boolean> {
  const [row] = await db.select({ caseId: taskForce.caseId }).from(taskForce).where(eq(taskForce.caseId, caseId))
  return row !== undefined
}

const divisionAndAbove = (code: string) => [...new Set([code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`, '000000'])]

export interface EligibleOfficer {
  id: string
  displayName: string
  unitName: string
  roles: Role[]
  /** An investigating or commanding officer: may head the task force, not only join it. */
  canHead: boolean
}

/**
 * The officers to pick a task force from: active police of the case's unit and the units above it, those who may
 * head it marked. Lets an investigator pick people without the admin's user list.
 */
export async function listEligibleOfficers(ctx: Ctx, caseId: string): Promise<EligibleOfficer[]> {
  const row = await getCaseRow(ctx, caseId, 'case.write')
  const rows = await ctx.db
    .select({
      id: userRef.id,
      displayName: userRef.displayName,
      roles: userRef.roles,
      disabled: userRef.disabled,
      unitName: unitRef.name,
      unitType: unitRef.type,
      unitDivision: unitRef.divisionCode,
    })
    .from(userRef)
    .innerJoin(unitRef, eq(unitRef.id, userRef.unitId))
    // Units at the case's division or above it: its county, city, province and the ministry.
    .where(and(eq(unitRef.type, 'public_security'), inArray(unitRef.divisionCode, divisionAndAbove(row.divisionCode))))
    .orderBy(asc(unitRef.divisionCode), asc(userRef.displayName))
  return rows
    .filter((user) => !user.disabled)
    .map((user) => ({
      id: user.id,
      displayName: user.displayName,
      unitName: user.unitName,
      roles: user.roles,
      canHead: headProblem(row, user) === null,
    }))
}
