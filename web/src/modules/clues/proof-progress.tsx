import { useEffect, useState } from 'react'
import { Button, Card, Flex, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SubmitPhase } from './use-proof-submit.ts'

/** The browser at work on the challenge, then sending: said in words, with the seconds so far and a way out while checking. */
export function ProofProgress({ phase, step, onCancel }: { phase: SubmitPhase; step?: string; onCancel(): void }) {
  const { t } = useTranslation('clues')
  const [seconds, setSeconds] = useState(0)
  useEffect(() => {
    setSeconds(0)
    if (phase === 'idle') return
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000)
    return () => clearInterval(timer)
  }, [phase])
  if (phase === 'idle') return null
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="proof-progress" aria-live="polite">
      <Flex gap={12} align="center">
        <Spin />
        <Flex vertical style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong data-testid={`proof-phase-${phase}`}>
            {phase === 'checking' ? t('public.checking.title') : t('public.checking.sending')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {step ?? (phase === 'checking' ? t('public.checking.why') : '')} {t('public.checking.seconds', { count: seconds })}
          </Typography.Text>
        </Flex>
        {phase === 'checking' && (
          <Button onClick={onCancel} data-testid="proof-cancel">
            {t('public.checking.cancel')}
          </Button>
        )}
      </Flex>
    </Card>
  )
}
