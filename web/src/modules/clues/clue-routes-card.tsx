import { useState } from 'react'
import { App, Button, Card, Form, Input, Modal, Select, Typography } from 'antd'
import { SwapOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { formatDateTime } from '../../shared/format.ts'
import { listClueRoutes, rerouteClue, type ClueUnitView, type ClueView } from './api.ts'
import { ClueLoadError, useClueReportError } from './errors.tsx'
import { useClueLabels } from './labels.ts'

interface RoutesCardProps {
  clue: ClueView
  units: ClueUnitView[]
  canReroute: boolean
  version: string
  onRerouted(view: ClueView): void
}

/** The path the clue took (the sender sees where it went and why), and a hand-over to another unit with a reason. */
export function ClueRoutesCard({ clue, units, canReroute, version, onRerouted }: RoutesCardProps) {
  const { t } = useTranslation('clues')
  const { ruleLabel } = useClueLabels()
  const routes = useLoad(() => listClueRoutes(clue.id), [clue.id, version])
  const [isOpen, setIsOpen] = useState(false)
  return (
    <Card
      title={t('routes.title')}
      size="small"
      data-testid="clue-routes"
      extra={
        canReroute && (
          <Button size="small" icon={<SwapOutlined />} onClick={() => setIsOpen(true)} data-testid="clue-reroute">
            {t('routes.reroute')}
          </Button>
        )
      }
    >
      <ClueLoadError error={routes.error} onRetry={routes.reload} />
      <ol className="ty-clue-history" data-testid="clue-route-list">
        {(routes.data ?? []).map((route) => (
          <li key={route.id}>
            <Typography.Text strong>{route.toUnitName}</Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(route.at)} · {ruleLabel(route.rule)}
            </Typography.Text>
            {route.reason && <Typography.Paragraph className="ty-clue-text">{route.reason}</Typography.Paragraph>}
          </li>
        ))}
      </ol>
      {isOpen && (
        <RerouteModal
          clue={clue}
          units={units.filter((u) => u.id !== clue.routedUnitId)}
          onClose={() => setIsOpen(false)}
          onDone={(view) => {
            setIsOpen(false)
            onRerouted(view)
          }}
        />
      )}
    </Card>
  )
}

function RerouteModal({
  clue,
  units,
  onClose,
  onDone,
}: {
  clue: ClueView
  units: ClueUnitView[]
  onClose(): void
  onDone(view: ClueView): void
}) {
  const { t } = useTranslation('clues')
  const { message } = App.useApp()
  const reportError = useClueReportError()
  const [form] = Form.useForm<{ unitId: string; reason: string }>()
  const [isSaving, setIsSaving] = useState(false)
  const save = async (values: { unitId: string; reason: string }) => {
    setIsSaving(true)
    try {
      const view = await rerouteClue(clue.id, { unitId: values.unitId, reason: values.reason.trim() })
      void message.success(t('routes.done'))
      onDone(view)
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }
  return (
    <Modal
      open
      title={t('routes.rerouteTitle')}
      okText={t('routes.reroute')}
      onOk={() => form.submit()}
      confirmLoading={isSaving}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('routes.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="unitId" label={t('routes.toUnit')} rules={[{ required: true, message: t('create.required') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
            data-testid="reroute-unit"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('routes.reason')}
          rules={[{ required: true, whitespace: true, max: 2000, message: t('routes.reasonRule') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="reroute-reason" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
