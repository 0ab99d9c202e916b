import { Button, DatePicker, Form, Input, Select, Space } from 'antd'
import { SearchOutlined } from '@ant-design/icons'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { AuditSearchQuery } from './api.ts'

export type AuditFilters = Omit<AuditSearchQuery, 'before' | 'limit'>

interface FilterFields {
  actor?: string
  action?: string
  resourceType?: string
  resourceId?: string
  outcome?: AuditSearchQuery['outcome']
  range?: [Dayjs | null, Dayjs | null] | null
}

const OUTCOMES: NonNullable<AuditSearchQuery['outcome']>[] = ['success', 'failure', 'denied']

const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : undefined)

function toFilters(fields: FilterFields): AuditFilters {
  const [from, to] = fields.range ?? [null, null]
  return {
    actor: trimmed(fields.actor),
    action: trimmed(fields.action),
    resourceType: trimmed(fields.resourceType),
    resourceId: trimmed(fields.resourceId),
    outcome: fields.outcome,
    from: from?.toISOString(),
    to: to?.toISOString(),
  }
}

/** The audit search form; submitting starts a new search from the newest entry. */
export function AuditFilterForm({ onSearch, isLoading }: { onSearch(filters: AuditFilters): void; isLoading: boolean }) {
  const { t } = useTranslation('audit')
  const [form] = Form.useForm<FilterFields>()
  return (
    <Form form={form} layout="inline" onFinish={(fields) => onSearch(toFilters(fields))} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="actor">
        <Input placeholder={t('filters.actor')} allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="action" tooltip={t('filters.actionHint')}>
        <Input placeholder={t('filters.action')} allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="resourceType">
        <Input placeholder={t('filters.resourceType')} allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="resourceId">
        <Input placeholder={t('filters.resourceId')} allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="outcome">
        <Select
          placeholder={t('filters.outcome')}
          allowClear
          style={{ width: 120 }}
          options={OUTCOMES.map((value) => ({ value, label: t(`outcomes.${value}`) }))}
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={isLoading}>
            {t('common:actions.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields()
              onSearch({})
            }}
          >
            {t('common:actions.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  )
}
