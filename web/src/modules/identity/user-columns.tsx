import { Button, Popconfirm, Space, Tag, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import type { UserView } from './api.ts'
import { useIdentityLabels } from './labels.ts'

export const isLocked = (user: UserView) => user.lockedUntil !== null && dayjs(user.lockedUntil).isAfter(dayjs())

interface UserActions {
  onEdit(user: UserView): void
  onSetDisabled(user: UserView, disabled: boolean): void
  onUnlock(user: UserView): void
}

/** Columns of the users table, with the row actions an admin may take. */
export function useUserColumns({ onEdit, onSetDisabled, onUnlock }: UserActions): TableColumnsType<UserView> {
  const { t } = useTranslation('identity')
  const { roleLabel } = useIdentityLabels()
  return [
    {
      title: t('users.fields.username'),
      dataIndex: 'username',
      key: 'username',
      render: (v: string) => <span className="ty-mono">{v}</span>,
    },
    { title: t('users.fields.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('users.fields.unit'), dataIndex: 'unitName', key: 'unitName' },
    {
      title: t('users.fields.roles'),
      dataIndex: 'roles',
      key: 'roles',
      render: (roles: string[]) => (
        <Space size={[0, 4]} wrap>
          {roles.map((role) => (
            <Tag key={role} color={role === 'admin' ? 'red' : role === 'auditor' ? 'purple' : 'blue'}>
              {roleLabel(role)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.fields.status'),
      key: 'status',
      render: (_, user) => (
        <Space size={[0, 4]} wrap>
          {user.disabled && <Tag color="default">{t('users.status.disabled')}</Tag>}
          {isLocked(user) && <Tag color="orange">{t('users.status.locked')}</Tag>}
          {!user.disabled && !isLocked(user) && <Tag color="green">{t('users.status.active')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('users.fields.totp'),
      dataIndex: 'totpEnabled',
      key: 'totp',
      render: (on: boolean) => (on ? <Tag color="green">{t('users.totp.on')}</Tag> : <Tag>{t('users.totp.off')}</Tag>),
    },
    {
      title: t('common:fields.actions'),
      key: 'actions',
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => onEdit(user)}>
            {t('common:actions.edit')}
          </Button>
          <Popconfirm
            title={
              user.disabled ? t('users.confirmEnable', { name: user.displayName }) : t('users.confirmDisable', { name: user.displayName })
            }
            onConfirm={() => onSetDisabled(user, !user.disabled)}
          >
            <Button type="link" size="small" danger={!user.disabled}>
              {user.disabled ? t('users.enable') : t('users.disable')}
            </Button>
          </Popconfirm>
          {isLocked(user) && (
            <Button type="link" size="small" onClick={() => onUnlock(user)}>
              {t('users.unlock')}
            </Button>
          )}
        </Space>
      ),
    },
  ]
}
