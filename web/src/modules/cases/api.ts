import { api } from '../../api/client.ts'
import type {
  CaseCreate,
  CaseListQuery,
  CasePage,
  CasePhotoView,
  CaseUpdate,
  CaseView,
  ColdCasePage,
  ColdCaseQuery,
  TaskForceView,
} from '../../../../src/modules/cases/schema.ts'
import type { CaseEventView, CaseTransition, DispatchCreate, TaskForceSet } from '../../../../src/modules/cases/timeline-schema.ts'
import type {
  SupervisionCreate,
  SupervisionDetail,
  SupervisionLift,
  SupervisionListQuery,
  SupervisionPage,
  SupervisionView,
} from '../../../../src/modules/cases/supervision-schema.ts'
import type {
  PublicWantedNoticeView,
  PublicWantedPage,
  PublicWantedQuery,
  WantedNoticeCreate,
  WantedNoticeListQuery,
  WantedNoticePage,
  WantedNoticeRevoke,
  WantedNoticeView,
} from '../../../../src/modules/cases/wanted-schema.ts'
import type { DivisionView, UserView } from '../../../../src/modules/identity/schema.ts'

export type {
  CaseCreate,
  CaseStatus,
  CaseSummary,
  CaseUpdate,
  CaseView,
  CloseReason,
  IntakeChannel,
  Sex,
  TaskForceView,
} from '../../../../src/modules/cases/schema.ts'
export type { CaseEventView, DispatchCreate, TaskForceSet } from '../../../../src/modules/cases/timeline-schema.ts'
export type { SupervisionCreate, SupervisionDetail, SupervisionView } from '../../../../src/modules/cases/supervision-schema.ts'
export type {
  PublicWantedNoticeView,
  RevokeReason,
  WantedClass,
  WantedNoticeCreate,
  WantedNoticeView,
  WantedStatus,
} from '../../../../src/modules/cases/wanted-schema.ts'
export type { DivisionView, UserView } from '../../../../src/modules/identity/schema.ts'

const id = (value: string) => encodeURIComponent(value)

// Cases.
/** Several statuses go as repeated `status=` parameters, which the shared client's one-value query cannot say. */
export function listCases(query: CaseListQuery) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined && one !== '') params.append(key, String(one))
  }
  const text = params.toString()
  return api.get<CasePage>(text ? `/api/cases?${text}` : '/api/cases')
}
export const listColdCases = (query: ColdCaseQuery) => api.get<ColdCasePage>('/api/cases/cold', query)
export const createCase = (body: CaseCreate) => api.post<CaseView>('/api/cases', body)
export const getCase = (caseId: string) => api.get<CaseView>(`/api/cases/${id(caseId)}`)
export const updateCase = (caseId: string, body: CaseUpdate) => api.patch<CaseView>(`/api/cases/${id(caseId)}`, body)
export const transitionCase = (caseId: string, body: CaseTransition) => api.post<CaseView>(`/api/cases/${id(caseId)}/transitions`, body)
/** Newest first, so that a timeline longer than one page shows its latest events. */
export const listTimeline = (caseId: string) =>
  api.get<CaseEventView[]>(`/api/cases/${id(caseId)}/timeline`, { limit: 1000, order: 'desc' })
export const recordDispatch = (caseId: string, body: DispatchCreate) => api.post<CaseEventView>(`/api/cases/${id(caseId)}/dispatches`, body)
export const setTaskForce = (caseId: string, body: TaskForceSet) => api.put<TaskForceView>(`/api/cases/${id(caseId)}/task-force`, body)
export const addCasePhoto = (caseId: string, file: File) => api.upload<CasePhotoView>('POST', `/api/cases/${id(caseId)}/photos`, file)
export const casePhotoUrl = (caseId: string, photoId: string, size: 'thumb' | 'full') =>
  `/api/cases/${id(caseId)}/photos/${id(photoId)}?size=${size}`

// 挂牌督办.
export const listSupervisions = (query: SupervisionListQuery) => api.get<SupervisionPage>('/api/supervisions', query)
export const getSupervision = (supervisionId: string) => api.get<SupervisionDetail>(`/api/supervisions/${id(supervisionId)}`)
export const createSupervision = (body: SupervisionCreate) => api.post<SupervisionView>('/api/supervisions', body)
export const submitSupervisionReport = (supervisionId: string, text: string) =>
  api.post<SupervisionDetail>(`/api/supervisions/${id(supervisionId)}/reports`, { text })
export const liftSupervision = (supervisionId: string, body: SupervisionLift) =>
  api.post<SupervisionView>(`/api/supervisions/${id(supervisionId)}/lift`, body)

// 通缉令.
export const listWantedNotices = (query: WantedNoticeListQuery) => api.get<WantedNoticePage>('/api/wanted-notices', query)
export const issueWantedNotice = (body: WantedNoticeCreate) => api.post<WantedNoticeView>('/api/wanted-notices', body)
export const setWantedPhoto = (noticeId: string, file: File) =>
  api.upload<WantedNoticeView>('PUT', `/api/wanted-notices/${id(noticeId)}/photo`, file)
export const publishWantedNotice = (noticeId: string) => api.post<WantedNoticeView>(`/api/wanted-notices/${id(noticeId)}/publish`)
export const revokeWantedNotice = (noticeId: string, body: WantedNoticeRevoke) =>
  api.post<WantedNoticeView>(`/api/wanted-notices/${id(noticeId)}/revoke`, body)
export const wantedPhotoUrl = (noticeId: string, size: 'thumb' | 'full') => `/api/wanted-notices/${id(noticeId)}/photo?size=${size}`

// No sign-in.
export const listPublicWanted = (query: PublicWantedQuery) => api.get<PublicWantedPage>('/api/public/wanted', query)
export const getPublicWanted = (noticeId: string) => api.get<PublicWantedNoticeView>(`/api/public/wanted/${id(noticeId)}`)
export const publicWantedPhotoUrl = (noticeId: string, size: 'thumb' | 'full') => `/api/public/wanted/${id(noticeId)}/photo?size=${size}`
export const listPublicDivisions = (parent: string) => api.get<DivisionView[]>('/api/public/divisions', { parent })

// People for a task force: any user for those who may list users, else the case's eligible officers.
export const listUsers = (q?: string) => api.get<UserView[]>('/api/users', q ? { q } : {})
export interface EligibleOfficer {
  id: string
  displayName: string
  unitName: string
  roles: string[]
  canHead: boolean
}
export const listEligibleOfficers = (caseId: string) => api.get<EligibleOfficer[]>(`/api/cases/${id(caseId)}/task-force/eligible`)
