import { Card, Empty } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Load } from '../../api/use-load.ts'
import type { CaseEventView } from './api.ts'
import { CaseLoadError } from './errors.tsx'
import { eventColor, TimelineEvent } from './timeline-event.tsx'

/** Everything done on the case, newest first (as fetched). */
export function CaseTimeline({ timeline }: { timeline: Load<CaseEventView[]> }) {
  const { t } = useTranslation('cases')
  const events = timeline.data ?? []
  return (
    <Card
      title={t('timeline.title', { count: events.length })}
      size="small"
      loading={timeline.isLoading && !timeline.data}
      data-testid="case-timeline"
    >
      <CaseLoadError error={timeline.error} onRetry={timeline.reload} />
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />
      ) : (
        <ol className="ty-timeline">
          {events.map((event) => (
            <li key={event.id} className={`ty-timeline-item ty-timeline-${eventColor(event.kind)}`}>
              <TimelineEvent event={event} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
