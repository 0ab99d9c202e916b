import { useState } from 'react'
import { App, Button, Card, Flex, Typography } from 'antd'
import { LinkOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { CaseSelect } from '../cases/case-select.tsx'
import { linkClueToCase, type ClueView } from './api.ts'
import { useClueReportError } from './errors.tsx'

/** Ties a clue to the case it turned out to concern, once: the case's timeline then carries it and its result. */
export function CaseLinkCard({ clue, onLinked }: { clue: ClueView; onLinked(view: ClueView): void }) {
  const { t } = useTranslation('clues')
  const { message } = App.useApp()
  const reportError = useClueReportError()
  const [caseId, setCaseId] = useState<string>()
  const [isSaving, setIsSaving] = useState(false)
  const link = async () => {
    if (!caseId) return
    setIsSaving(true)
    try {
      const view = await linkClueToCase(clue.id, caseId)
      void message.success(t('caseLink.done'))
      onLinked(view)
    } catch (error) {
      reportError(error)
    } finally {
      setIsSaving(false)
    }
  }
  return (
    <Card title={t('caseLink.title')} size="small" data-testid="clue-case-link-card">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('caseLink.hint')}
      </Typography.Paragraph>
      <Flex gap={8}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <CaseSelect value={caseId} onChange={setCaseId} />
        </div>
        <Button icon={<LinkOutlined />} disabled={!caseId} loading={isSaving} onClick={() => void link()}>
          {t('caseLink.submit')}
        </Button>
      </Flex>
    </Card>
  )
}
