import { api } from '../../api/client.ts'
import type { AuditPage, AuditSearchQuery, AuditVerifyView } from '../../../../src/modules/audit/schema.ts'

export type { AuditEntryView, AuditPage, AuditSearchQuery, AuditVerifyView } from '../../../../src/modules/audit/schema.ts'

export const searchAudit = (query: AuditSearchQuery) => api.get<AuditPage>('/api/audit', query)
export const verifyAudit = () => api.get<AuditVerifyView>('/api/audit/verify')
