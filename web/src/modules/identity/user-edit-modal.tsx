import { useState } from 'react'
import { Form, Input, Modal, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { useReportError } from '../../api/errors.ts'
import { updateUser, type Role, type UserView } from './api.ts'
import { ROLES, useIdentityLabels } from './labels.ts'

interface UserEditFields {
  displayName: string
  roles: Role[]
}

interface UserEditModalProps {
  user: UserView | null
  onClose(): void
  onSaved(user: UserView): void
}

/** Changes the display name and roles; the unit and user name stay fixed once created. */
export function UserEditModal({ user, onClose, onSaved }: UserEditModalProps) {
  const { t } = useTranslation('identity')
  const { roleLabel } = useIdentityLabels()
  const reportError = useReportError()
  const [form] = Form.useForm<UserEditFields>()
  const [isSaving, setIsSaving] = useState(false)

  const onFinish = async (values: UserEditFields) => {
    if (!user) return
    setIsSaving(true)
    try {
      onSaved(await updateUser(user.id, { displayName: values.displayName.trim(), roles: values.roles }))
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  return (
    <Modal
      open={user !== null}
      title={t('users.form.editTitle', { username: user?.username ?? '' })}
      okText={t('common:actions.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      {user && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ displayName: user.displayName, roles: user.roles }}
          onFinish={(v) => void onFinish(v)}
        >
          <Form.Item
            name="displayName"
            label={t('users.fields.displayName')}
            rules={[{ required: true, max: 60, message: t('users.form.displayNameRule') }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item
            name="roles"
            label={t('users.fields.roles')}
            rules={[{ required: true, type: 'array', min: 1, message: t('users.form.rolesRequired') }]}
          >
            <Select mode="multiple" options={ROLES.map((value) => ({ value, label: roleLabel(value) }))} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}
