import { useState } from 'react'
import { App, Button, Space, Table } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useReportError } from '../../api/errors.ts'
import { useLoad } from '../../api/use-load.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { LoadError } from '../../shared/load-error.tsx'
import { PageHeader } from '../../shared/page-header.tsx'
import { listUnits, listUsers, unlockUser, updateUser, type UserView } from './api.ts'
import { UnitSelect } from './unit-select.tsx'
import { useUserColumns } from './user-columns.tsx'
import { UserCreateModal } from './user-create-modal.tsx'
import { UserEditModal } from './user-edit-modal.tsx'

/** Accounts in the admin's jurisdiction: create, change roles, disable, unlock. */
export default function UsersPage() {
  const { t } = useTranslation('identity')
  const { me } = useAuth()
  const { message } = App.useApp()
  const reportError = useReportError()
  const [unitId, setUnitId] = useState<string | null>(null)
  const units = useLoad(listUnits)
  const users = useLoad(() => listUsers(unitId ? { unitId } : {}), [unitId])
  const [isCreating, setIsCreating] = useState(false)
  const [editing, setEditing] = useState<UserView | null>(null)

  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run()
      void message.success(done)
      users.reload()
    } catch (error) {
      reportError(error)
    }
  }

  const columns = useUserColumns({
    onEdit: setEditing,
    onSetDisabled: (user, disabled) =>
      void act(() => updateUser(user.id, { disabled }), t(disabled ? 'users.disabled' : 'users.enabled', { name: user.displayName })),
    onUnlock: (user) => void act(() => unlockUser(user.id), t('users.unlocked', { name: user.displayName })),
  })

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Space wrap>
            <div style={{ width: 260 }}>
              <UnitSelect units={units.data ?? []} value={unitId} onChange={setUnitId} allowClear placeholder={t('users.filterByUnit')} />
            </div>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="user-create">
              {t('users.create')}
            </Button>
          </Space>
        }
      />
      <LoadError error={users.error ?? units.error} onRetry={users.reload} />
      <Table<UserView>
        rowKey="id"
        columns={columns}
        dataSource={users.data ?? []}
        loading={users.isLoading}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      <UserCreateModal
        open={isCreating}
        units={units.data ?? []}
        defaultUnitId={unitId ?? me?.unit.id ?? null}
        onClose={() => setIsCreating(false)}
        onCreated={(user) => {
          setIsCreating(false)
          void message.success(t('users.created', { name: user.displayName }))
          users.reload()
        }}
      />
      <UserEditModal
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={(user) => {
          setEditing(null)
          void message.success(t('users.saved', { name: user.displayName }))
          users.reload()
        }}
      />
    </>
  )
}
