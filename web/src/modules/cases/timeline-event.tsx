import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../shared/format.ts'
import type { CaseEventView, DispatchCreate } from './api.ts'
import { useCaseLabels } from './labels.ts'
import './cases.css'
import { labelled } from './format.ts'

type Details = Record<string, unknown>
type Labels = ReturnType<typeof useCaseLabels>

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null)
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null)

/** Short lines, one per fact, under an event's heading. */
function Lines({ lines }: { lines: (ReactNode | null | false)[] }) {
  const shown = lines.filter((line): line is ReactNode => line !== null && line !== false && line !== '')
  if (shown.length === 0) return null
  return (
    <ul className="ty-timeline-lines">
      {shown.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  )
}

function dispatchLines(t: TFunction, d: DispatchCreate): ReactNode[] {
  const lines: ReactNode[] = []
  for (const u of d.unitsSent ?? []) {
    lines.push(
      labelled(
        t,
        t('dispatch.unitsSent'),
        [u.name, u.officers && t('dispatch.officerCount', { count: u.officers }), u.task].filter(Boolean).join(' · '),
      ),
    )
  }
  for (const c of d.checkpoints ?? []) {
    lines.push(
      labelled(t, t('dispatch.checkpoints'), `${c.location}${c.lat !== undefined && c.lon !== undefined ? ` (${c.lat}, ${c.lon})` : ''}`),
    )
  }
  for (const c of d.cctvChecked ?? []) {
    const period = c.from || c.to ? ` · ${formatDateTime(c.from)} – ${formatDateTime(c.to)}` : ''
    lines.push(labelled(t, t('dispatch.cctvChecked'), `${c.location}${period}${c.finding ? ` · ${c.finding}` : ''}`))
  }
  for (const a of d.areasSearched ?? [])
    lines.push(labelled(t, t('dispatch.areasSearched'), `${a.area}${a.result ? ` · ${a.result}` : ''}`))
  if (d.note) lines.push(labelled(t, t('dispatch.note'), d.note))
  return lines
}

/** How many deliveries an alert event queued, per channel, when it says. */
function queued(t: TFunction, d: Details): string | null {
  const webhook = num(d.webhook)
  const push = num(d.push)
  return webhook === null && push === null ? null : t('timeline.queued', { webhook: webhook ?? 0, push: push ?? 0 })
}

function alertLink(t: TFunction, d: Details): ReactNode {
  const id = str(d.alertId)
  return id && <Link to={`/alerts/${id}`}>{t('timeline.openAlert')}</Link>
}

/** The facts of an event in the reader's language, from its typed details; the server's summary where they say less. */
function describe(t: TFunction, labels: Labels, event: CaseEventView): ReactNode[] {
  const d = event.details
  const summary = <Typography.Text type="secondary">{event.summary}</Typography.Text>
  switch (event.kind) {
    case 'case.reported':
      return [
        summary,
        str(d.intakeChannel) && labelled(t, t('fields.intakeChannel'), labels.channelLabel(str(d.intakeChannel)!)),
        d.suspectedTrafficking === true && t('fields.trafficking'),
      ]
    case 'case.status':
      return [
        `${labels.statusLabel(str(d.from) ?? '?')} → ${labels.statusLabel(str(d.to) ?? '?')}`,
        str(d.closeReason) && labelled(t, t('fields.closeReason'), labels.closeReasonLabel(str(d.closeReason)!)),
        str(d.reason) && labelled(t, t('move.reason'), str(d.reason)!),
      ]
    case 'case.updated':
      return [
        Array.isArray(d.changed) &&
          labelled(
            t,
            t('timeline.changed'),
            d.changed.map((c) => t(`timeline.columns.${String(c)}`, { defaultValue: String(c) })).join(t('listJoin')),
          ),
      ]
    case 'dispatch':
      return dispatchLines(t, d as DispatchCreate)
    case 'task_force.set':
      return [
        summary,
        ...(Array.isArray(d.members)
          ? (d.members as { duty?: string }[]).map((m) => m.duty && labelled(t, t('taskForce.duty'), m.duty))
          : []),
      ]
    case 'supervision.listed':
      return [
        str(d.level) && labels.levelLabel(str(d.level)!),
        num(d.reportCycleDays) !== null && t('supervision.cycle', { count: num(d.reportCycleDays)! }),
        summary,
      ]
    case 'wanted_notice.revoked':
      return [str(d.reason) && labelled(t, t('wanted.fields.revokeReason'), labels.revokeReasonLabel(str(d.reason)!)), summary]
    case 'alert.published':
    case 'alert.widened':
      return [
        num(d.radiusKm) !== null && t('timeline.radius', { km: num(d.radiusKm)! }),
        num(d.stageNo) !== null && t('timeline.stage', { n: num(d.stageNo)! }),
        queued(t, d),
        alertLink(t, d),
      ]
    case 'alert.radius_set':
      return [t('timeline.radiusFromTo', { from: num(d.from) ?? '?', to: num(d.to) ?? '?' }), str(d.reason), queued(t, d), alertLink(t, d)]
    case 'alert.ended':
      return [
        str(d.reason) && t(`timeline.alertEndReason.${str(d.reason)}`, { defaultValue: str(d.reason)! }),
        str(d.note),
        queued(t, d),
        alertLink(t, d),
      ]
    case 'alert.drafted':
    case 'alert.returned':
      return [event.kind === 'alert.returned' && summary, alertLink(t, d)]
    default:
      return [summary]
  }
}

const COLORS: Record<string, string> = {
  dispatch: 'red',
  'case.status': 'blue',
  'supervision.overdue': 'red',
  'supervision.escalated': 'red',
}

/** The colour of an event's dot: alerts and dispatches stand out, overdue reports are red. */
export const eventColor = (kind: string) =>
  COLORS[kind] ?? (kind.startsWith('alert.') ? 'red' : kind.startsWith('supervision.') ? 'orange' : 'gray')

/** One timeline event: what happened (the kind, in words), when, by whom, and its details. */
export function TimelineEvent({ event }: { event: CaseEventView }) {
  const { t } = useTranslation('cases')
  const labels = useCaseLabels()
  return (
    <div data-testid="timeline-event" data-kind={event.kind}>
      <Typography.Text strong>{t(`timeline.kinds.${event.kind}`, { defaultValue: event.kind })}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
        {formatDateTime(event.at)}
        {event.actorName && ` · ${event.actorName}`}
      </Typography.Text>
      <Lines lines={describe(t, labels, event)} />
    </div>
  )
}
