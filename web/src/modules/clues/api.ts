import { api } from '../../api/client.ts'
import type {
  ClueAssign,
  ClueAttachmentView,
  ClueEventView,
  ClueFeedback,
  ClueInboxCounts,
  ClueInboxCountsQuery,
  ClueInboxQuery,
  ClueReroute,
  ClueRouteView,
  ClueUnitView,
  ClueView,
  MandatoryReportCreate,
  OnlineReportCreate,
  PublicTipCreate,
  StatsQuery,
  TeamMemberView,
  TipAddition,
  TipReceipt,
  TipStatusView,
  UnitMonthStats,
  UnitRequestCreate,
} from '../../../../src/modules/clues/schema.ts'
import type { DivisionView } from '../../../../src/modules/identity/schema.ts'

export type {
  ClueAttachmentView,
  ClueEventView,
  ClueInboxCounts,
  ClueKind,
  ClueOutcome,
  ClueRouteView,
  ClueSource,
  ClueStatus,
  ClueUnitView,
  ClueView,
  InstitutionType,
  PublicTipCreate,
  RouteRule,
  TeamMemberView,
  TipStatusView,
  UnitMonthStats,
} from '../../../../src/modules/clues/schema.ts'
export type { DivisionView } from '../../../../src/modules/identity/schema.ts'

export type InboxView = NonNullable<ClueInboxQuery['view']>
export type PublicTipStatus = TipStatusView['status']
/** The kinds a signed-in user enters in the console, each with its own endpoint and body. */
export type ConsoleKind = 'public_tip' | 'mandatory_report' | 'online_report' | 'directive' | 'assist_request'
export type ConsoleClueBody = PublicTipCreate | MandatoryReportCreate | OnlineReportCreate | UnitRequestCreate

const id = (value: string) => encodeURIComponent(value)

const CREATE_PATH: Record<ConsoleKind, string> = {
  public_tip: '/api/clues/tips',
  mandatory_report: '/api/clues/mandatory-reports',
  online_report: '/api/clues/online-reports',
  directive: '/api/clues/directives',
  assist_request: '/api/clues/assist-requests',
}

// The console.
export const createClue = (kind: ConsoleKind, body: ConsoleClueBody) => api.post<ClueView>(CREATE_PATH[kind], body)
export const listInbox = (query: ClueInboxQuery) => api.get<ClueView[]>('/api/clues', query)
export const countInbox = (query: ClueInboxCountsQuery) => api.get<ClueInboxCounts>('/api/clues/counts', query)
export const assignClues = (body: ClueAssign) => api.post<ClueView[]>('/api/clues/assignments', body)
export const getClue = (clueId: string) => api.get<ClueView>(`/api/clues/${id(clueId)}`)
export const listClueEvents = (clueId: string) => api.get<ClueEventView[]>(`/api/clues/${id(clueId)}/events`)
export const listClueRoutes = (clueId: string) => api.get<ClueRouteView[]>(`/api/clues/${id(clueId)}/routes`)
export const rerouteClue = (clueId: string, body: ClueReroute) => api.post<ClueView>(`/api/clues/${id(clueId)}/reroute`, body)
export const recordFeedback = (clueId: string, body: ClueFeedback) => api.post<ClueView>(`/api/clues/${id(clueId)}/feedback`, body)
export const linkClueToCase = (clueId: string, caseId: string) => api.post<ClueView>(`/api/clues/${id(clueId)}/case`, { caseId })
export const listClueAttachments = (clueId: string) => api.get<ClueAttachmentView[]>(`/api/clues/${id(clueId)}/attachments`)
export const clueAttachmentUrl = (clueId: string, attachmentId: string) => `/api/clues/${id(clueId)}/attachments/${id(attachmentId)}`
export const monthlyStats = (query: StatsQuery) => api.get<UnitMonthStats[]>('/api/clues/stats', query)
export const listTeamCandidates = (unitId?: string) => api.get<TeamMemberView[]>('/api/clues/team', unitId ? { unitId } : {})
export const listDivisions = (parent: string) => api.get<DivisionView[]>('/api/divisions', { parent })

/** The file is the request body with its own Content-Type, as the attachment endpoint takes no multipart. */
export async function addClueAttachment(clueId: string, file: File): Promise<ClueAttachmentView> {
  return api.upload<ClueAttachmentView>('POST', `/api/clues/${id(clueId)}/attachments`, file)
}

let units: Promise<ClueUnitView[]> | null = null
/** The police units' directory, fetched once per visit (it changes when units are created, rarely); a failure is forgotten. */
export function listClueUnits(): Promise<ClueUnitView[]> {
  units ??= api.get<ClueUnitView[]>('/api/clues/units').catch((error: unknown) => {
    units = null
    throw error
  })
  return units
}

// No sign-in: the tipster's pages. Each submission carries a freshly solved challenge.
export const getTipStatus = (receipt: string) => api.get<TipStatusView>(`/api/public/tips/${id(receipt)}`)
export const listPublicDivisions = (parent: string) => api.get<DivisionView[]>('/api/public/divisions', { parent })

export const submitPublicTip = (body: PublicTipCreate, proof: Record<string, string>) =>
  api.submitPublic<TipReceipt>('/api/public/tips', body, proof)
export const addTipInformation = (receipt: string, body: TipAddition, proof: Record<string, string>) =>
  api.submitPublic<TipStatusView>(`/api/public/tips/${id(receipt)}/additions`, body, proof)
export const addTipPhoto = (receipt: string, file: File, proof: Record<string, string>) =>
  api.submitPublic<ClueAttachmentView>(`/api/public/tips/${id(receipt)}/photos`, file, proof)
