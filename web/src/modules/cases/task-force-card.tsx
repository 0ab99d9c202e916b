import { useState } from 'react'
import { App, Button, Card, Descriptions, Empty, Form, Input, Modal, Space, Typography } from 'antd'
import { MinusCircleOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { listEligibleOfficers, setTaskForce, type CaseView, type TaskForceSet, type UserView } from './api.ts'
import { useLoad } from '../../api/use-load.ts'
import { CaseLoadError, useCaseReportError } from './errors.tsx'
import { UserPicker, type KnownUser } from './user-picker.tsx'
import { withNote } from './format.ts'

/** Police officers who may lead a task force, as the server requires (一长三包). */
const isLeadingOfficer = (user: UserView) => user.roles.includes('investigator') || user.roles.includes('command')

function TaskForceModal({
  view,
  canListUsers,
  onClose,
  onSaved,
}: {
  view: CaseView
  canListUsers: boolean
  onClose(): void
  onSaved(): void
}) {
  const { t } = useTranslation('cases')
  const reportError = useCaseReportError()
  const [form] = Form.useForm<TaskForceSet>()
  const [isSaving, setIsSaving] = useState(false)
  // Those who may not list users pick from the case's eligible officers, loaded once for the whole form.
  const officers = useLoad(async () => (canListUsers ? [] : listEligibleOfficers(view.id)), [view.id, canListUsers])
  const current = view.taskForce
  const known: KnownUser[] = current
    ? [
        { id: current.headUserId, label: withNote(t, current.headName, current.headUnitName) },
        ...current.members.map((m) => ({ id: m.userId, label: withNote(t, m.displayName, m.unitName) })),
      ]
    : []

  const onFinish = async (values: TaskForceSet) => {
    setIsSaving(true)
    try {
      await setTaskForce(view.id, {
        headUserId: values.headUserId,
        members: (values.members ?? []).map((m) => ({ ...m, duty: m.duty.trim() })),
      })
      onSaved()
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }

  return (
    <Modal
      open
      title={current ? t('taskForce.change') : t('taskForce.create')}
      okText={t('common:actions.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      width={680}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('taskForce.rule')}</Typography.Paragraph>
      {officers.error ? <CaseLoadError error={officers.error} onRetry={officers.reload} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          current
            ? { headUserId: current.headUserId, members: current.members.map((m) => ({ userId: m.userId, duty: m.duty })) }
            : { members: [] }
        }
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item name="headUserId" label={t('taskForce.head')} rules={[{ required: true, message: t('taskForce.headRequired') }]}>
          <UserPicker canList={canListUsers} officers={officers.data ?? []} headsOnly known={known} filter={isLeadingOfficer} />
        </Form.Item>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[field.name, 'userId']}
                    rules={[{ required: true, message: t('taskForce.memberRequired') }]}
                    style={{ width: 300 }}
                  >
                    <UserPicker canList={canListUsers} officers={officers.data ?? []} known={known} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'duty']}
                    rules={[{ required: true, whitespace: true, max: 200, message: t('taskForce.dutyRequired') }]}
                    style={{ width: 260 }}
                  >
                    <Input maxLength={200} placeholder={t('taskForce.dutyPlaceholder')} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('taskForce.removeMember')}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ duty: '' })} block>
                {t('taskForce.addMember')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  )
}

/** The task force (专案组) of a case: its head and members with their duties; writers set or change it. */
export function TaskForceCard({
  view,
  canEdit,
  canListUsers,
  onSaved,
}: {
  view: CaseView
  canEdit: boolean
  canListUsers: boolean
  onSaved(): void
}) {
  const { t } = useTranslation('cases')
  const { message } = App.useApp()
  const [isEditing, setIsEditing] = useState(false)
  const taskForce = view.taskForce

  return (
    <Card
      title={t('taskForce.title')}
      size="small"
      extra={
        canEdit && (
          <Button size="small" icon={<TeamOutlined />} onClick={() => setIsEditing(true)} data-testid="task-force-edit">
            {taskForce ? t('taskForce.change') : t('taskForce.create')}
          </Button>
        )
      }
    >
      {!taskForce ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={view.suspectedTrafficking ? t('taskForce.required') : t('taskForce.none')}
        />
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'head', label: t('taskForce.head'), children: withNote(t, taskForce.headName, taskForce.headUnitName) },
            ...taskForce.members.map((m) => ({
              key: m.userId,
              label: m.duty,
              children: withNote(t, m.displayName, m.unitName),
            })),
          ]}
          data-testid="task-force"
        />
      )}
      {isEditing && (
        <TaskForceModal
          view={view}
          canListUsers={canListUsers}
          onClose={() => setIsEditing(false)}
          onSaved={() => {
            setIsEditing(false)
            void message.success(t('taskForce.saved'))
            onSaved()
          }}
        />
      )}
    </Card>
  )
}
