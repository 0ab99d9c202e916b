// From an LR to a conclusion, by thresholds that labs may change per relationship.
import { Type, type Static } from 'typebox'
import type { KinshipLr } from './lr.ts'
import { PARENTAGE_RELATIONSHIPS, RELATIONSHIPS, type Conclusion, type Relationship } from './types.ts'

export const EXCLUSION_RULES = ['either', 'both'] as const
export const DecisionRule = Type.Object(
  {
    /** Combined LR at or above which the relationship is supported. */
    supportAt: Type.Number({ exclusiveMinimum: 0 }),
    /** Combined LR at or below which the alternative is supported (non-parentage; unrelated). */
    excludeAt: Type.Number({ minimum: 0 }),
    /** Parentage: this many loci inconsistent with Mendelian inheritance exclude; 0 turns the count off. */
    excludeInconsistentLoci: Type.Integer({ minimum: 0 }),
    /** Whether exclusion needs either condition (count or LR) or both. */
    exclusionRule: Type.Enum(EXCLUSION_RULES),
  },
  { additionalProperties: false },
)
export type DecisionRule = Static<typeof DecisionRule>
export type DecisionPolicy = Record<Relationship, DecisionRule>
const RuleOverride = Type.Optional(Type.Partial(DecisionRule))
/** A policy as the batch input gives it: any relationship, any field; the rest stays at the defaults. */
export const DecisionPolicyOverride = Type.Object(
  {
    'parent-child': RuleOverride,
    trio: RuleOverride,
    'paternity-trio': RuleOverride,
    'full-siblings': RuleOverride,
    'half-siblings': RuleOverride,
    grandparent: RuleOverride,
    avuncular: RuleOverride,
    'first-cousins': RuleOverride,
  },
  { additionalProperties: false },
)
export type DecisionPolicyOverride = Static<typeof DecisionPolicyOverride>

// GB/T 37223-2018 and SF/Z JD0105001-2016: CPI ≥ 10 000 supports parentage, ≥ 3 inconsistent loci or
// CPI ≤ 0.0001 support non-parentage.
const PARENTAGE_RULE: DecisionRule = { supportAt: 10_000, excludeAt: 0.0001, excludeInconsistentLoci: 3, exclusionRule: 'either' }
// No Chinese standard we could read fixes these for the other relationships; the same LR bounds, without the
// locus count (siblings and more distant relatives need not share an allele at any locus).
export const KINSHIP_RULE: DecisionRule = { supportAt: 10_000, excludeAt: 0.0001, excludeInconsistentLoci: 0, exclusionRule: 'either' }

export const DEFAULT_DECISION_POLICY: DecisionPolicy = Object.fromEntries(
  RELATIONSHIPS.map((r) => [r, (PARENTAGE_RELATIONSHIPS as readonly Relationship[]).includes(r) ? PARENTAGE_RULE : KINSHIP_RULE]),
) as DecisionPolicy

/** The default policy with a lab's changes laid over it. */
export function mergeDecisionPolicy(override: DecisionPolicyOverride = {}): DecisionPolicy {
  return Object.fromEntries(RELATIONSHIPS.map((r) => [r, { ...DEFAULT_DECISION_POLICY[r], ...override[r] }])) as DecisionPolicy
}

/**
 * The conclusion of one case. 1 to (excludeInconsistentLoci − 1) inconsistent loci call for the index computed
 * with mutation: without a mutation model such a case is inconclusive rather than excluded by its zero LR.
 */
export function decideKinship(relationship: Relationship, result: KinshipLr, policy: DecisionPolicy = DEFAULT_DECISION_POLICY): Conclusion {
  return decideByRule(policy[relationship], result)
}

/** decideKinship with the rule given: for comparisons no relationship names, such as two samples of one person. */
export function decideByRule(rule: DecisionRule, result: Pick<KinshipLr, 'lr' | 'inconsistentLoci' | 'isMutationScored'>): Conclusion {
  const inconsistent = result.inconsistentLoci.length
  const byCount = rule.excludeInconsistentLoci > 0 && inconsistent >= rule.excludeInconsistentLoci
  const isUnscoredMutation = inconsistent > 0 && !byCount && !result.isMutationScored
  const byLr = !isUnscoredMutation && result.lr <= rule.excludeAt
  const countApplies = rule.excludeInconsistentLoci > 0
  const excluded = rule.exclusionRule === 'both' && countApplies ? byCount && byLr : byCount || byLr
  if (excluded) return 'excluded'
  // A count that excludes on its own under 'either' still bars support under 'both'.
  if (isUnscoredMutation || byCount) return 'inconclusive'
  if (result.lr >= rule.supportAt) return 'supports'
  return 'inconclusive'
}
