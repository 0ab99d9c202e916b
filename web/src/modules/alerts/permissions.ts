/** The permissions the alert pages need; the server checks the same ones, these only hide what would be refused. */
export const ALERT_PERMISSIONS = {
  read: 'alert.read',
  draft: 'alert.draft',
  approve: 'alert.approve',
  end: 'alert.end',
  partners: 'alert.partner.manage',
} as const
