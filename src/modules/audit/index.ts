export { searchAudit, verifyAudit } from './service.ts'
export { verifyAuditChain } from '../../platform/audit/verify.ts'
