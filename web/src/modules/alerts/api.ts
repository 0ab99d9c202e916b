import { api } from '../../api/client.ts'
import type {
  AlertCreate,
  AlertDraftUpdate,
  AlertEnd,
  AlertListQuery,
  AlertRadiusChange,
  AlertView,
  AlertWorkspace,
  DeliveryListQuery,
  DeliveryView,
  PublicAlert,
  PublicAlertQuery,
  PushSubscriptionCreate,
  PushSubscriptionDelete,
} from '../../../../src/modules/alerts/schema.ts'
import type { PartnerCreate, PartnerUpdate, PartnerView, PartnerWithSecret } from '../../../../src/modules/alerts/partners/schema.ts'
import type { CasePage, CaseView } from '../../../../src/modules/cases/schema.ts'
import type { DivisionView } from '../../../../src/modules/identity/schema.ts'

export type {
  AlertDetails,
  AlertMessageView,
  AlertView,
  AlertWorkspace,
  ChannelTally,
  DeliveryView,
  PublicAlert,
} from '../../../../src/modules/alerts/schema.ts'
export type { PartnerView } from '../../../../src/modules/alerts/partners/schema.ts'
export type { CaseView } from '../../../../src/modules/cases/schema.ts'
export type { DivisionView } from '../../../../src/modules/identity/schema.ts'
export { ALERT_STATUSES, CHANNELS } from '../../../../src/modules/alerts/schema.ts'

export type AlertStatus = AlertView['status']
export type Channel = DeliveryView['channel']

// The console.
export const listAlerts = (query: AlertListQuery = {}) => api.get<AlertView[]>('/api/alerts', query)
export const getAlert = (id: string) => api.get<AlertWorkspace>(`/api/alerts/${id}`)
export const draftAlert = (body: AlertCreate) => api.post<AlertView>('/api/alerts', body)
export const updateAlertDraft = (id: string, body: AlertDraftUpdate) => api.patch<AlertView>(`/api/alerts/${id}`, body)
export const approveAlert = (id: string) => api.post<AlertWorkspace>(`/api/alerts/${id}/approve`)
export const rejectAlertDraft = (id: string, note: string) => api.post<AlertView>(`/api/alerts/${id}/reject`, { note })
export const changeAlertRadius = (id: string, body: AlertRadiusChange) => api.post<AlertWorkspace>(`/api/alerts/${id}/radius`, body)
export const endAlert = (id: string, body: AlertEnd) => api.post<AlertWorkspace>(`/api/alerts/${id}/end`, body)
export const listDeliveries = (id: string, query: DeliveryListQuery) => api.get<DeliveryView[]>(`/api/alerts/${id}/deliveries`, query)
export const getCase = (id: string) => api.get<CaseView>(`/api/cases/${id}`)
export const casePhotoUrl = (caseId: string, photoId: string, size: 'thumb' | 'full' = 'thumb') =>
  `/api/cases/${caseId}/photos/${photoId}?size=${size}`

// Partner apps (national level).
export const listPartners = () => api.get<PartnerView[]>('/api/alerts/partners')
export const createPartner = (body: PartnerCreate) => api.post<PartnerWithSecret>('/api/alerts/partners', body)
export const updatePartner = (id: string, body: PartnerUpdate) => api.patch<PartnerView>(`/api/alerts/partners/${id}`, body)
export const rotatePartnerSecret = (id: string) => api.post<PartnerWithSecret>(`/api/alerts/partners/${id}/rotate-secret`)

// No sign-in: the public pages.
export const listPublicAlerts = (query: PublicAlertQuery) => api.get<PublicAlert[]>('/api/public/alerts', query)
export const getPublicAlert = (id: string) => api.get<PublicAlert>(`/api/public/alerts/${id}`)
export const listPublicDivisions = (parent: string) => api.get<DivisionView[]>('/api/public/divisions', { parent })
export const getVapidKey = () => api.get<{ publicKey: string }>('/api/public/alerts/push/key')
/** `proof`: a solved proof-of-work challenge (web/src/shared/public-proof.ts), as for every public submission. */
export const subscribeToAlerts = (body: PushSubscriptionCreate, proof: Record<string, string>) =>
  api.submitPublic<{ id: string }>('/api/public/alerts/push/subscriptions', body, proof)
export const unsubscribeFromAlerts = (body: PushSubscriptionDelete) => api.post<void>('/api/public/alerts/push/unsubscribe', body)

export interface MapConfig {
  tileUrl: string
  attribution: string
}

let mapConfig: Promise<MapConfig> | null = null
/** Fetched once per visit; a failure is forgotten so that the next map asks again. */
export function getMapConfig(): Promise<MapConfig> {
  mapConfig ??= api.get<MapConfig>('/api/public/map-config').catch((error: unknown) => {
    mapConfig = null
    throw error
  })
  return mapConfig
}

/**
 * A same-origin path for a link the server gives as an absolute URL on its configured public address: the
 * console may be reached under another name (intranet, a proxy, a test server) than the one alerts carry.
 */
export const localPath = (url: string) => {
  const parsed = new URL(url, window.location.origin)
  return `${parsed.pathname}${parsed.search}`
}

/** Cases to draft from, by number or the child's name. */
export const searchCases = (q: string) => api.get<CasePage>('/api/cases', { q, pageSize: 20 })
