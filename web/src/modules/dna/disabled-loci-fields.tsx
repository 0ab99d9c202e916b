import { Button, Form, Input, Space } from 'antd'
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'

/** The loci of a new table that must not be used, each with its reason (meta.disabledLoci). */
export function DisabledLociFields() {
  const { t } = useTranslation('dna')
  return (
    <Form.Item label={t('frequency.fields.disabledLoci')} extra={t('frequency.form.disabledHint')}>
      <Form.List name={['meta', 'disabledLoci']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Space key={key} align="baseline" style={{ display: 'flex', marginBottom: 8 }}>
                <Form.Item
                  name={[name, 'locus']}
                  rules={[{ required: true, whitespace: true, message: t('frequency.form.required.locus') }]}
                  noStyle
                >
                  <Input placeholder={t('frequency.form.locus')} className="ty-mono" style={{ width: 140 }} maxLength={40} />
                </Form.Item>
                <Form.Item
                  name={[name, 'reason']}
                  rules={[{ required: true, whitespace: true, message: t('frequency.form.required.reason') }]}
                  noStyle
                >
                  <Input placeholder={t('frequency.form.reason')} style={{ width: 420 }} maxLength={1000} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(name)} aria-label={t('frequency.form.removeLocus')} />
              </Space>
            ))}
            <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
              {t('frequency.form.addLocus')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  )
}
