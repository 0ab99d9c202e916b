/** The permissions the case pages need; the server checks the same ones, these only hide what would be refused. */
export const CASE_PERMISSIONS = {
  read: 'case.read',
  write: 'case.write',
  dispatch: 'case.dispatch',
  supervisionRead: 'supervision.read',
  supervisionWrite: 'supervision.write',
  supervisionReport: 'supervision.report',
  wantedIssue: 'wanted_notice.issue',
  alertDraft: 'alert.draft',
  listUsers: 'user.manage',
} as const

/** Only the ministry and the provinces list cases and areas for supervision (the server derives the level from the unit). */
export const canListForSupervision = (level: string | undefined) => level === 'national' || level === 'province'
