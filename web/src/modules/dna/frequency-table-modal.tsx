import { useState } from 'react'
import { Alert, App, Form, Input, InputNumber, Modal, Radio } from 'antd'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/client.ts'
import { applyFieldErrors } from '../../api/errors.ts'
import { loadFrequencyTable, type FrequencyTableMeta } from './api.ts'
import { DisabledLociFields } from './disabled-loci-fields.tsx'
import { describeDnaError } from './errors.tsx'
import { FilePicker } from './file-picker.tsx'
import { readText } from './read-text.ts'

type MetaFields = Omit<FrequencyTableMeta, 'sampleSize' | 'minimumFrequency' | 'file'> & {
  sampleSize?: number | null
  minimumFrequency?: number | null
}

interface TableFields {
  meta: MetaFields
  format: 'csv' | 'json'
  file: File | null
}

const blankToUndefined = (v?: string) => (v?.trim() ? v.trim() : undefined)

/** Loads an administrator's table: its metadata (source, licence, disabled loci) and the CSV or JSON numbers. */
export function FrequencyTableModal({ open, onClose, onLoaded }: { open: boolean; onClose(): void; onLoaded(): void }) {
  const { t } = useTranslation('dna')
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<TableFields>()
  const [isSaving, setIsSaving] = useState(false)
  const [problems, setProblems] = useState<string[] | null>(null)

  const onFinish = async ({ meta, format, file }: TableFields) => {
    if (!file) return
    setIsSaving(true)
    setProblems(null)
    try {
      const { table, warnings } = await loadFrequencyTable({
        format,
        content: await readText(file),
        meta: {
          ...meta,
          sampleSize: meta.sampleSize ?? null,
          minimumFrequency: meta.minimumFrequency ?? null,
          sampleSizeNote: blankToUndefined(meta.sampleSizeNote),
          attribution: blankToUndefined(meta.attribution),
          disabledLoci: meta.disabledLoci ?? [],
        },
      })
      form.resetFields()
      onLoaded()
      if (warnings.length)
        modal.warning({
          title: t('frequency.form.warnings', { name: table.name, count: warnings.length }),
          content: warnings.map((w) => <div key={w.message}>{w.message}</div>),
        })
      else void message.success(t('frequency.form.loaded', { name: table.name }))
    } catch (error) {
      if (isApiError(error) && error.code === 'dna.frequency_table.invalid') {
        setProblems([describeDnaError(t, error), ...error.errors.map((e) => e.message)])
      } else if (!applyFieldErrors(t, form, error)) setProblems([describeDnaError(t, error)])
    } finally {
      setIsSaving(false)
    }
  }

  const required = (key: string) => [{ required: true, whitespace: true, message: t(`frequency.form.required.${key}`) }]

  return (
    <Modal
      open={open}
      width={720}
      title={t('frequency.form.title')}
      okText={t('frequency.form.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      {problems && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={problems[0]}
          description={problems.slice(1).map((p) => (
            <div key={p}>{p}</div>
          ))}
        />
      )}
      <Form<TableFields>
        form={form}
        layout="vertical"
        initialValues={{ format: 'csv', meta: { disabledLoci: [] } }}
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item
          name={['meta', 'id']}
          label={t('frequency.form.id')}
          extra={t('frequency.form.idHint')}
          rules={[...required('id'), { pattern: /^[a-z0-9][a-z0-9-]{0,62}$/, message: t('frequency.form.idPattern') }]}
        >
          <Input className="ty-mono" maxLength={63} />
        </Form.Item>
        <Form.Item name={['meta', 'name']} label={t('frequency.form.name')} rules={required('name')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name={['meta', 'population']} label={t('frequency.fields.population')} rules={required('population')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name={['meta', 'sampleSize']} label={t('frequency.fields.sampleSize')} extra={t('frequency.form.sampleSizeHint')}>
          <InputNumber min={3} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name={['meta', 'sampleSizeNote']} label={t('frequency.form.sampleSizeNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name={['meta', 'source']} label={t('frequency.fields.source')} rules={required('source')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name={['meta', 'licence']} label={t('frequency.fields.licence')} rules={required('licence')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name={['meta', 'attribution']} label={t('frequency.form.attribution')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item
          name={['meta', 'minimumFrequency']}
          label={t('frequency.fields.minimumFrequency')}
          extra={t('frequency.form.minimumFrequencyHint')}
        >
          <InputNumber min={0.000001} max={1} step={0.001} style={{ width: 200 }} />
        </Form.Item>
        <DisabledLociFields />
        <Form.Item name="format" label={t('frequency.form.format')}>
          <Radio.Group
            options={[
              { value: 'csv', label: t('frequency.form.formats.csv') },
              { value: 'json', label: t('frequency.form.formats.json') },
            ]}
          />
        </Form.Item>
        <Form.Item name="file" label={t('frequency.form.file')} rules={[{ required: true, message: t('frequency.form.required.file') }]}>
          <FilePicker
            accept=".csv,.json,.txt"
            testId="frequency-file"
            onChange={(file) => file && form.setFieldValue('format', file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv')}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
