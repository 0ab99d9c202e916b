import { Link } from 'react-router'
import { Card, Descriptions, Typography, type DescriptionsProps } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../shared/format.ts'
import type { ClueView } from './api.ts'
import { useClueLabels } from './labels.ts'

/** Only web addresses become links: a report's URL is someone else's text, and `javascript:` must never be clickable. */
const isWebAddress = (url: string) => /^https?:\/\//i.test(url)

/**
 * What the clue says and where it came from. Every text from outside (the public's words, another unit's subject)
 * is rendered by React as text, never as markup, so `<script>` shows as the characters typed.
 */
export function ClueDetailsCard({ clue, unitName }: { clue: ClueView; unitName: (id: string | null) => string }) {
  const { t } = useTranslation('clues')
  const { kindLabel, sourceLabel, institutionLabel } = useClueLabels()
  const place = clue.place
  const items: DescriptionsProps['items'] = [
    { key: 'kind', label: t('fields.kind'), children: kindLabel(clue.kind) },
    { key: 'source', label: t('fields.source'), children: sourceLabel(clue.source) },
    { key: 'createdAt', label: t('fields.createdAt'), children: formatDateTime(clue.createdAt) },
    { key: 'seenAt', label: t('fields.seenAt'), children: formatDateTime(clue.seenAt) },
    ...(clue.senderUnitId ? [{ key: 'sender', label: t('fields.senderUnit'), children: unitName(clue.senderUnitId) }] : []),
    { key: 'routed', label: t('fields.routedUnit'), children: unitName(clue.routedUnitId) },
    ...(place
      ? [
          {
            key: 'place',
            label: t('fields.place'),
            span: 2,
            children: (
              <span data-testid="clue-place">
                {[place.address, t('clue.divisionCode', { code: place.divisionCode })].filter(Boolean).join(' · ')}
              </span>
            ),
          },
        ]
      : []),
    ...(clue.institutionType
      ? [
          {
            key: 'institution',
            label: t('fields.institution'),
            children: `${institutionLabel(clue.institutionType)} · ${clue.institutionName ?? ''}`,
          },
        ]
      : []),
    ...(clue.url
      ? [
          {
            key: 'url',
            label: t('fields.url'),
            span: 2,
            children: isWebAddress(clue.url) ? (
              <Typography.Link href={clue.url} target="_blank" rel="noopener noreferrer nofollow" style={{ overflowWrap: 'anywhere' }}>
                {clue.url}
              </Typography.Link>
            ) : (
              clue.url
            ),
          },
        ]
      : []),
    ...(clue.platform ? [{ key: 'platform', label: t('fields.platform'), children: clue.platform }] : []),
    ...(clue.contact
      ? [{ key: 'contact', label: t('fields.contact'), children: [clue.contact.name, clue.contact.phone].filter(Boolean).join(' · ') }]
      : []),
    ...(clue.caseId
      ? [
          {
            key: 'case',
            label: t('fields.case'),
            children: (
              <Link to={`/cases/${clue.caseId}`} data-testid="clue-case-link">
                {t('clue.openCase')}
              </Link>
            ),
          },
        ]
      : []),
    ...(clue.alertId
      ? [{ key: 'alert', label: t('fields.alert'), children: <Link to={`/alerts/${clue.alertId}`}>{t('clue.openAlert')}</Link> }]
      : []),
  ]
  return (
    <Card title={t('clue.details')} size="small" data-testid="clue-details">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('fields.text')}
      </Typography.Title>
      <Typography.Paragraph className="ty-clue-text" data-testid="clue-text">
        {clue.text}
      </Typography.Paragraph>
      <Descriptions items={items} column={{ xs: 1, md: 2 }} size="small" style={{ marginTop: 16 }} />
      {clue.feedback && (
        <>
          <Typography.Title level={5}>{t('fields.feedback')}</Typography.Title>
          <Typography.Paragraph className="ty-clue-text" data-testid="clue-feedback-text">
            {clue.feedback}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  )
}
