import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClueKind, ClueOutcome, ClueSource, ClueStatus, InboxView, InstitutionType, PublicTipStatus } from './api.ts'

// Records keyed by the schema's unions: TypeScript refuses these lists if the server adds or drops a value,
// and the web need not import the schema's runtime arrays (which would pull typebox into the bundle).
const KIND_COLOR_OF: Record<ClueKind, string> = {
  public_tip: 'blue',
  mandatory_report: 'purple',
  online_report: 'geekblue',
  directive: 'volcano',
  assist_request: 'orange',
}
const SOURCE_SET: Record<ClueSource, true> = { public: true, institution: true, agency: true }
const STATUS_COLOR_OF: Record<ClueStatus, string> = { new: 'gold', assigned: 'blue', verifying: 'cyan', closed: 'default' }
const OUTCOME_COLOR_OF: Record<ClueOutcome, string> = { confirmed_lead: 'green', no_finding: 'default', false_report: 'red' }
const INSTITUTION_SET: Record<InstitutionType, true> = {
  school: true,
  hospital: true,
  hotel: true,
  transport: true,
  marriage_registry: true,
  welfare: true,
  other: true,
}
const TIP_STATUS_STEP: Record<PublicTipStatus, number> = { received: 0, in_progress: 1, closed: 2 }

export const CLUE_KINDS = Object.keys(KIND_COLOR_OF) as ClueKind[]
export const CLUE_SOURCES = Object.keys(SOURCE_SET) as ClueSource[]
export const CLUE_OUTCOMES = Object.keys(OUTCOME_COLOR_OF) as ClueOutcome[]
export const INSTITUTION_TYPES = Object.keys(INSTITUTION_SET) as InstitutionType[]
/** The inbox's tabs, in the order an officer works them. */
export const INBOX_TABS = ['new', 'due_soon', 'overdue', 'open', 'closed'] as const satisfies readonly InboxView[]
export type InboxTab = (typeof INBOX_TABS)[number]

export const kindColor = (kind: ClueKind) => KIND_COLOR_OF[kind]
export const statusColor = (status: ClueStatus) => STATUS_COLOR_OF[status]
export const outcomeColor = (outcome: ClueOutcome) => OUTCOME_COLOR_OF[outcome]
export const tipStatusStep = (status: PublicTipStatus) => TIP_STATUS_STEP[status]

/** Within this many hours of its due date an open clue counts as due soon, as the inbox's default says. */
export const DUE_SOON_HOURS = 72

export type DueState = 'overdue' | 'due_soon' | 'on_time'

/** Where an open clue stands against its deadline at `now`; closed clues and clues without one have none. */
export function dueState(clue: { status: ClueStatus; dueAt: string | null }, now = Date.now()): DueState | null {
  if (clue.status === 'closed' || !clue.dueAt) return null
  const left = new Date(clue.dueAt).getTime() - now
  if (left <= 0) return 'overdue'
  return left <= DUE_SOON_HOURS * 3600_000 ? 'due_soon' : 'on_time'
}

/** Words for the module's codes; an unknown code shows as itself rather than as nothing. */
export function useClueLabels() {
  const { t } = useTranslation('clues')
  const label = useCallback((group: string, value: string) => t(`${group}.${value}`, { defaultValue: value }), [t])
  return {
    kindLabel: useCallback((v: string) => label('kind', v), [label]),
    sourceLabel: useCallback((v: string) => label('source', v), [label]),
    statusLabel: useCallback((v: string) => label('status', v), [label]),
    outcomeLabel: useCallback((v: string) => label('outcome', v), [label]),
    institutionLabel: useCallback((v: string) => label('institution', v), [label]),
    ruleLabel: useCallback((v: string) => label('rule', v), [label]),
    tipStatusLabel: useCallback((v: string) => label('tipStatus', v), [label]),
  }
}
