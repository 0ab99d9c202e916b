import { Card, Empty, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Load } from '../../api/use-load.ts'
import { formatDateTime } from '../../shared/format.ts'
import type { ClueEventView } from './api.ts'
import { ClueLoadError } from './errors.tsx'

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null)

/** The words an event carries beyond its kind: the tipster's addition, a note or reason typed by an officer. */
function eventBody(t: TFunction, event: ClueEventView, unitName: (id: string | null) => string): string | null {
  const d = event.details
  switch (event.kind) {
    case 'tip.addition': {
      const contact = d.contact as { name?: string; phone?: string } | undefined
      const who = [contact?.name, contact?.phone].filter(Boolean).join(' · ')
      return [text(d.text), who ? t('history.contact', { who }) : null].filter(Boolean).join('\n')
    }
    case 'clue.progress':
    case 'clue.closed':
      return [d.outcome ? t(`outcome.${String(d.outcome)}`) : null, text(d.note)].filter(Boolean).join('：')
    case 'clue.rerouted':
      return t('history.rerouted', { unit: unitName(text(d.toUnitId)), reason: text(d.reason) ?? '' })
    case 'clue.received':
      return t('history.routedTo', { unit: unitName(text(d.routedUnitId)) })
    case 'clue.assigned':
      return t('history.team', { count: Array.isArray(d.assignees) ? d.assignees.length : 0 })
    default:
      return null
  }
}

/** Everything that happened to the clue, newest first (the server lists it oldest first); texts from outside shown as typed. */
export function ClueHistory({ events, unitName }: { events: Load<ClueEventView[]>; unitName: (id: string | null) => string }) {
  const { t } = useTranslation('clues')
  const newestFirst = [...(events.data ?? [])].reverse()
  return (
    <Card
      title={t('history.title', { count: newestFirst.length })}
      size="small"
      loading={events.isLoading && !events.data}
      data-testid="clue-history"
    >
      <ClueLoadError error={events.error} onRetry={events.reload} />
      {newestFirst.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <ol className="ty-clue-history">
          {newestFirst.map((event) => {
            const body = eventBody(t, event, unitName)
            return (
              <li key={event.id} data-testid="clue-event" data-kind={event.kind}>
                <Typography.Text strong>{t(`history.kinds.${event.kind}`, { defaultValue: event.summary })}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                  {formatDateTime(event.at)}
                  {event.actorName && ` · ${event.actorName}`}
                </Typography.Text>
                {body && (
                  <Typography.Paragraph className="ty-clue-text" style={{ marginTop: 4 }}>
                    {body}
                  </Typography.Paragraph>
                )}
              </li>
            )
          })}
        </ol>
      )}
    </Card>
  )
}
