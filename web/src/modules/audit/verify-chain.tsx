import { useState } from 'react'
import { Alert, Button } from 'antd'
import { SafetyCertificateOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useReportError } from '../../api/errors.ts'
import { verifyAudit, type AuditVerifyView } from './api.ts'

/**
 * Re-checks the hash chain of the whole log; a break means an entry was altered or removed.
 * Returns the button and its result separately, so the page can put them in different places.
 */
export function useVerifyChain() {
  const { t } = useTranslation('audit')
  const reportError = useReportError()
  const [result, setResult] = useState<AuditVerifyView | null>(null)
  const [isChecking, setIsChecking] = useState(false)

  const onVerify = async () => {
    setIsChecking(true)
    try {
      setResult(await verifyAudit())
    } catch (error) {
      reportError(error)
    } finally {
      setIsChecking(false)
    }
  }

  const button = (
    <Button icon={<SafetyCertificateOutlined />} onClick={() => void onVerify()} loading={isChecking} data-testid="audit-verify">
      {t('verify.button')}
    </Button>
  )
  const outcome = result && (
    <Alert
      data-testid="audit-verify-result"
      style={{ marginBottom: 16 }}
      type={result.ok ? 'success' : 'error'}
      showIcon
      title={
        result.ok
          ? t('verify.ok', { count: result.checked })
          : t('verify.broken', { seq: result.firstBroken?.seq ?? '?', reason: result.firstBroken?.reason ?? '', count: result.checked })
      }
    />
  )
  return { button, outcome }
}
