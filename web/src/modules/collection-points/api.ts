import { api } from '../../api/client.ts'
import type {
  CollectionPointCreate,
  CollectionPointImport,
  CollectionPointImportResult,
  CollectionPointListQuery,
  CollectionPointUpdate,
  CollectionPointView,
  PublicCollectionPointQuery,
  PublicCollectionPointView,
} from '../../../../src/modules/collection-points/schema.ts'
import type { DivisionView } from '../../../../src/modules/identity/schema.ts'

export type {
  CollectionPointCreate,
  CollectionPointImportResult,
  CollectionPointUpdate,
  CollectionPointView,
  PublicCollectionPointView,
} from '../../../../src/modules/collection-points/schema.ts'
export type { DivisionView } from '../../../../src/modules/identity/schema.ts'

export const listCollectionPoints = (query: CollectionPointListQuery = {}) =>
  api.get<CollectionPointView[]>('/api/collection-points', query)
export const createCollectionPoint = (body: CollectionPointCreate) => api.post<CollectionPointView>('/api/collection-points', body)
export const updateCollectionPoint = (id: string, body: CollectionPointUpdate) =>
  api.patch<CollectionPointView>(`/api/collection-points/${id}`, body)
export const deactivateCollectionPoint = (id: string) => api.post<CollectionPointView>(`/api/collection-points/${id}/deactivate`)
export const activateCollectionPoint = (id: string) => api.post<CollectionPointView>(`/api/collection-points/${id}/activate`)
export const importCollectionPoints = (body: CollectionPointImport) =>
  api.post<CollectionPointImportResult>('/api/collection-points/import', body)

// No sign-in: the public finder.
export const searchPublicCollectionPoints = (query: PublicCollectionPointQuery) =>
  api.get<PublicCollectionPointView[]>('/api/public/collection-points', query)
export const listPublicDivisions = (parent: string) => api.get<DivisionView[]>('/api/public/divisions', { parent })
