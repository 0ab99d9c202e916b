import { useState } from 'react'
import { Form, Input, Modal, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { useReportError } from '../../api/errors.ts'
import { createUser, type UnitView, type UserCreate, type UserView } from './api.ts'
import { ROLES, useIdentityLabels } from './labels.ts'
import { UnitSelect } from './unit-select.tsx'

interface UserCreateModalProps {
  open: boolean
  units: readonly UnitView[]
  defaultUnitId: string | null
  onClose(): void
  onCreated(user: UserView): void
}

/** New account with an initial password that the officer should change after the first sign-in. */
export function UserCreateModal({ open, units, defaultUnitId, onClose, onCreated }: UserCreateModalProps) {
  const { t } = useTranslation('identity')
  const { roleLabel } = useIdentityLabels()
  const reportError = useReportError()
  const [form] = Form.useForm<UserCreate>()
  const [isSaving, setIsSaving] = useState(false)

  const onFinish = async (values: UserCreate) => {
    setIsSaving(true)
    try {
      onCreated(await createUser({ ...values, username: values.username.trim(), displayName: values.displayName.trim() }))
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('users.form.createTitle')}
      okText={t('common:actions.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ unitId: defaultUnitId, roles: [] }} onFinish={(v) => void onFinish(v)}>
        <Form.Item
          name="username"
          label={t('users.fields.username')}
          extra={t('users.form.usernameHint')}
          rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{2,39}$/, message: t('users.form.usernameRule') }]}
        >
          <Input autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.fields.displayName')}
          rules={[{ required: true, max: 60, message: t('users.form.displayNameRule') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="unitId" label={t('users.fields.unit')} rules={[{ required: true, message: t('users.form.unitRequired') }]}>
          <UnitSelect units={units} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.fields.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('users.form.rolesRequired') }]}
        >
          <Select mode="multiple" options={ROLES.map((value) => ({ value, label: roleLabel(value) }))} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.fields.initialPassword')}
          extra={t('auth:password.policy')}
          rules={[{ required: true, message: t('users.form.passwordRequired') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
