// Public intake protection: what modules and app.ts may import.
export { abusePlugin } from './plugin.ts'
export { tipFingerprint, DUPLICATE_WINDOW_MINUTES, type TipFingerprintInput } from './fingerprint.ts'
export { PROOF_OF_WORK_HEADER, ProofOfWorkChallenge, type ProofOfWorkPayload, type ProofOfWorkSolution } from './schema.ts'
