// The batch shapes of `tuanyuan dna lr` and POST /api/dna/kinship. Imports only typebox and other schemas,
// so web/ can import the types.
import { Type, type Static } from 'typebox'
import { DecisionPolicyOverride } from './decision.ts'
import { Conclusion, FrequencyTable, MutationIndex, MutationSpec, Profile, Relationship, Sexes } from './types.ts'

export const KinshipCaseInput = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 200 }),
    relationship: Relationship,
    /** Profiles by role: child and parent; child, mother and father; or child and relative. */
    profiles: Type.Record(Type.String({ minLength: 1 }), Profile),
    /** Replaces the batch's table for this case. */
    frequencies: Type.Optional(FrequencyTable),
    mutation: Type.Optional(MutationSpec),
    /** Fst for the Balding–Nichols correction (NRC II 4.10); 0.01–0.03 is usual. */
    theta: Type.Optional(Type.Number({ minimum: 0, maximum: 0.5 })),
    mutationIndex: Type.Optional(MutationIndex),
    /** Sexes of members the relationship leaves open (parent, sharedParent …), for sex-specific rates. */
    sexes: Type.Optional(Sexes),
  },
  { additionalProperties: false },
)
export type KinshipCaseInput = Static<typeof KinshipCaseInput>

export const KinshipBatchInput = Type.Object(
  {
    frequencies: Type.Optional(FrequencyTable),
    /** Thresholds per relationship laid over the defaults (docs/dna-statistics.md). */
    policy: Type.Optional(DecisionPolicyOverride),
    cases: Type.Array(KinshipCaseInput, { minItems: 1 }),
  },
  { additionalProperties: false },
)
export type KinshipBatchInput = Static<typeof KinshipBatchInput>

export const KinshipResultView = Type.Object({
  id: Type.String(),
  /** The combined index (CPI), 10^log10Lr. */
  lr: Type.Number({ minimum: 0 }),
  /** Sum of the per-locus log10 LRs; null when a locus excludes (LR 0). */
  log10Lr: Type.Union([Type.Number(), Type.Null()]),
  perLocus: Type.Record(Type.String(), Type.Number({ minimum: 0 })),
  inconsistentLoci: Type.Array(Type.String()),
  conclusion: Conclusion,
})
export type KinshipResultView = Static<typeof KinshipResultView>

export const KinshipBatchOutput = Type.Object({ results: Type.Array(KinshipResultView) })
export type KinshipBatchOutput = Static<typeof KinshipBatchOutput>
