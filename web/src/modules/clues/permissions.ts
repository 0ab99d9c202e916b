import type { ConsoleKind } from './api.ts'

/** The permissions the clue pages need; the server checks the same ones, these only hide what would be refused. */
export const CLUE_PERMISSIONS = {
  read: 'clue.read',
  write: 'clue.write',
  assign: 'clue.assign',
  caseRead: 'case.read',
} as const

/** What each kind of clue needs to be entered (intake.ts's CREATE_PERMISSION). */
export const CREATE_PERMISSION: Record<ConsoleKind, string> = {
  public_tip: 'clue.write',
  mandatory_report: 'mandatory_report.submit',
  online_report: 'clue.write',
  directive: 'directive.issue',
  assist_request: 'assist_request.send',
}

export const CONSOLE_KINDS = Object.keys(CREATE_PERMISSION) as ConsoleKind[]

/** The division-code prefix a unit's jurisdiction covers ('' for the whole country), as the server reckons it. */
function jurisdictionPrefix(divisionCode: string): string {
  if (divisionCode === '000000') return ''
  if (divisionCode.endsWith('0000')) return divisionCode.slice(0, 2)
  if (divisionCode.endsWith('00')) return divisionCode.slice(0, 4)
  return divisionCode
}

/** Whether `inner` lies within the jurisdiction of a unit at `outer`: where a directive may go and an assistance request may not. */
export const isWithinDivision = (outer: string, inner: string) => inner.startsWith(jurisdictionPrefix(outer))
