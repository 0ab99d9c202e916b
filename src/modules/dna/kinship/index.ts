// The public face of kinship calculation: the batch, the per-case LR and the decision rules.
export { runKinshipBatch, parseKinshipBatch, type KinshipBatchOptions } from './batch.ts'
export { KinshipBatchInput, KinshipBatchOutput, KinshipCaseInput, KinshipResultView } from './batch-schema.ts'
export { computeKinshipLr, type KinshipCalculation, type KinshipLr } from './lr.ts'
export { LocusModels } from './locus-model.ts'
export { decideKinship, mergeDecisionPolicy, DEFAULT_DECISION_POLICY, DecisionRule, type DecisionPolicy } from './decision.ts'
export { computeKappaLr, computeTrioLr } from './closed-form.ts'
export { KAPPA } from './relationships.ts'
export * from './types.ts'
