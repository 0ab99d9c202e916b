import { api } from '../../api/client.ts'
import type {
  HaplotypeUpload,
  HitDecision,
  HitListQuery,
  HitView,
  ImportBatchView,
  ImportUpload,
  LineageQuery,
  LineageResult,
  ProfileListQuery,
  ProfileView,
} from '../../../../src/modules/dna/schema.ts'
import type { FrequencyTableMeta } from '../../../../src/modules/dna/frequencies/meta.ts'
import type { FrequencyTableSummary } from '../../../../src/modules/dna/frequency-tables.ts'

export type {
  DnaIndex,
  HitDecision,
  HitListQuery,
  HitMode,
  HitSide,
  HitStatus,
  HitView,
  ImportBatchView,
  ImportProblemView,
  LineageResult,
  PersonCategory,
  ProfileView,
} from '../../../../src/modules/dna/schema.ts'
export type { FrequencyTableMeta } from '../../../../src/modules/dna/frequencies/meta.ts'
export type { FrequencyTableSummary } from '../../../../src/modules/dna/frequency-tables.ts'

export interface FrequencyTableUpload {
  meta: FrequencyTableMeta
  format: 'csv' | 'json'
  content: string
}

export interface FrequencyTableLoaded {
  table: FrequencyTableSummary
  warnings: { code: string; message: string }[]
}

const id = (value: string) => encodeURIComponent(value)

export const listHits = (query: HitListQuery = {}) => api.get<HitView[]>('/api/dna/hits', query)
export const getHit = (hitId: string) => api.get<HitView>(`/api/dna/hits/${id(hitId)}`)
export const decideHit = (hitId: string, body: HitDecision) => api.post<HitView>(`/api/dna/hits/${id(hitId)}/decision`, body)

export const listProfiles = (query: ProfileListQuery = {}) => api.get<ProfileView[]>('/api/dna/profiles', query)
export const getProfile = (profileId: string) => api.get<ProfileView>(`/api/dna/profiles/${id(profileId)}`)

export const importLabExport = (body: ImportUpload) => api.post<ImportBatchView>('/api/dna/imports', body)

export const listFrequencyTables = () => api.get<FrequencyTableSummary[]>('/api/dna/frequency-tables')
export const loadFrequencyTable = (body: FrequencyTableUpload) => api.post<FrequencyTableLoaded>('/api/dna/frequency-tables', body)
export const setDefaultFrequencyTable = (name: string) => api.post<FrequencyTableSummary>(`/api/dna/frequency-tables/${id(name)}/default`)

export const searchLineage = (body: LineageQuery) => api.post<LineageResult>('/api/dna/ystr/search', body)
export const importHaplotypes = (body: HaplotypeUpload) => api.post<ImportBatchView>('/api/dna/ystr/imports', body)
