import { api } from '../../api/client.ts'
import type { DeadlineList, DeadlineListQuery } from '../../../../src/platform/deadlines/schema.ts'

export type { DeadlineStatus, DeadlineView } from '../../../../src/platform/deadlines/schema.ts'

export const listDeadlines = (query: DeadlineListQuery) => api.get<DeadlineList>('/api/deadlines', query)
