import { useState } from 'react'
import { Button, Card, Form, Input, InputNumber, Space } from 'antd'
import { SearchOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../auth/auth-context.tsx'
import { PageHeader } from '../../shared/page-header.tsx'
import { searchLineage, type LineageResult } from './api.ts'
import { useDnaReportError } from './errors.tsx'
import { useUnitNames } from './use-lookups.ts'
import { YstrImport } from './ystr-import.tsx'
import { YstrResults } from './ystr-results.tsx'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

interface SearchFields {
  haplotypeId: string
  maxMismatches: number
  maxSteps: number
  minComparedLoci: number
}

/** Y-STR 家系排查: the haplotypes close to a stored one, within the analyst's criteria; and, for those who may, a lab's Y-STR file in. */
export default function YstrPage() {
  const { t } = useTranslation('dna')
  const { can } = useAuth()
  const reportError = useDnaReportError()
  const { units, nameOf } = useUnitNames()
  const [isSearching, setIsSearching] = useState(false)
  const [result, setResult] = useState<LineageResult | null>(null)

  const onFinish = async (fields: SearchFields) => {
    setIsSearching(true)
    try {
      setResult(await searchLineage({ ...fields, haplotypeId: fields.haplotypeId.trim() }))
    } catch (error) {
      setResult(null)
      reportError(error)
    } finally {
      setIsSearching(false)
    }
  }

  return (
    <>
      <PageHeader title={t('ystr.title')} testId="dna-ystr-title" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<SearchFields>
          layout="inline"
          style={{ rowGap: 12 }}
          initialValues={{ maxMismatches: 2, maxSteps: 3, minComparedLoci: 15 }}
          onFinish={(fields) => void onFinish(fields)}
        >
          <Form.Item
            name="haplotypeId"
            label={t('ystr.haplotypeId')}
            rules={[{ required: true, pattern: UUID, transform: (v: string) => v?.trim(), message: t('ystr.haplotypeIdRule') }]}
          >
            <Input className="ty-mono" style={{ width: 340 }} placeholder={t('ystr.haplotypeIdPlaceholder')} data-testid="ystr-id" />
          </Form.Item>
          <Form.Item name="maxMismatches" label={t('ystr.maxMismatches')} tooltip={t('ystr.maxMismatchesHint')}>
            <InputNumber min={0} max={10} precision={0} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="maxSteps" label={t('ystr.maxSteps')} tooltip={t('ystr.maxStepsHint')}>
            <InputNumber min={0} max={20} precision={0} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="minComparedLoci" label={t('ystr.minComparedLoci')}>
            <InputNumber min={5} max={60} precision={0} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={isSearching} data-testid="ystr-search">
                {t('common:actions.search')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {result && (
        <div style={{ marginBottom: 16 }}>
          <YstrResults result={result} unitName={nameOf} />
        </div>
      )}
      {can('dna.profile.write') && <YstrImport units={units} />}
    </>
  )
}
