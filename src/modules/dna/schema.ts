// API shapes of the DNA module. Imports nothing but typebox, so web/ can import its types too.
import { Type, type Static } from 'typebox'
import { Conclusion } from './kinship/types.ts'

/** Who was sampled (the seeds' sampled groups). */
export const PERSON_CATEGORIES = [
  'relative_of_missing',
  'unknown_origin_child',
  'suspected_victim',
  'unidentified_person',
  'volunteer',
  'irregular_registration',
] as const
export type PersonCategory = (typeof PERSON_CATEGORIES)[number]

/** Categories whose profiles are references for finding a missing child, never a suspect list. */
export const REFERENCE_CATEGORIES: readonly PersonCategory[] = ['relative_of_missing', 'volunteer']

export const RELATIONS = ['mother', 'father', 'other'] as const
export type Relation = (typeof RELATIONS)[number]

export const DNA_INDEXES = ['anti_trafficking', 'general'] as const
export type DnaIndex = (typeof DNA_INDEXES)[number]

const Uuid = Type.String({ format: 'uuid' })
const DateTime = Type.String({ format: 'date-time' })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()])

export const FamilyGroupCreate = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 100, description: 'e.g. the missing child’s case number' }),
    missingCaseRef: Type.Optional(Type.String({ maxLength: 100 })),
    caseId: Type.Optional(Type.String({ format: 'uuid', description: 'the missing-child case, when it is on this platform' })),
    unitId: Uuid,
  },
  { additionalProperties: false },
)
export type FamilyGroupCreate = Static<typeof FamilyGroupCreate>

export const FamilyGroupView = Type.Object({
  id: Uuid,
  label: Type.String(),
  missingCaseRef: Nullable(Type.String()),
  caseId: Nullable(Uuid),
  unitId: Uuid,
  divisionCode: Type.String(),
  createdAt: DateTime,
})
export type FamilyGroupView = Static<typeof FamilyGroupView>

/** Who the person is: kept apart from the profile, readable only with `dna.identity.read`. */
export const PersonIdentity = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    sex: Type.Optional(Type.Enum(['male', 'female', 'unknown'])),
    birthDate: Type.Optional(Type.String({ format: 'date' })),
    idNumber: Type.Optional(Type.String({ pattern: '^[0-9]{17}[0-9Xx]$' })),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
    address: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
)
export type PersonIdentity = Static<typeof PersonIdentity>

export const PersonCreate = Type.Object(
  {
    category: Type.Enum(PERSON_CATEGORIES),
    relation: Type.Optional(Type.Enum(RELATIONS)),
    familyGroupId: Type.Optional(Uuid),
    unitId: Uuid,
    identity: Type.Optional(PersonIdentity),
    /** Codes of the samples taken, so that the lab's results find this person. */
    sampleCodes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20, uniqueItems: true })),
    consent: Type.Optional(
      Type.Object({ givenAt: DateTime, documentRef: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
)
export type PersonCreate = Static<typeof PersonCreate>

export const PersonView = Type.Object({
  id: Uuid,
  category: Type.Enum(PERSON_CATEGORIES),
  relation: Nullable(Type.Enum(RELATIONS)),
  familyGroupId: Nullable(Uuid),
  unitId: Uuid,
  divisionCode: Type.String(),
  consentGivenAt: Nullable(DateTime),
  createdAt: DateTime,
})
export type PersonView = Static<typeof PersonView>

export const ProfileView = Type.Object({
  id: Uuid,
  sampleCode: Type.String(),
  personId: Nullable(Uuid),
  category: Type.Enum(PERSON_CATEGORIES),
  index: Type.Enum(DNA_INDEXES),
  kit: Nullable(Type.String()),
  lab: Nullable(Type.String()),
  collectedAt: Nullable(DateTime),
  amelogenin: Nullable(Type.String()),
  genotypes: Type.Record(Type.String(), Type.Array(Type.String())),
  locusCount: Type.Integer(),
  resampleNeeded: Type.Boolean(),
  flags: Type.Object({ triAllelic: Type.Array(Type.String()), offLadder: Type.Array(Type.String()) }),
  unitId: Uuid,
  createdAt: DateTime,
})
export type ProfileView = Static<typeof ProfileView>

export const ProfileListQuery = Type.Object(
  {
    unitId: Type.Optional(Uuid),
    resampleNeeded: Type.Optional(Type.Boolean()),
    index: Type.Optional(Type.Enum(DNA_INDEXES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
)
export type ProfileListQuery = Static<typeof ProfileListQuery>

export const ImportProblemView = Type.Object({
  line: Type.Integer(),
  sample: Nullable(Type.String()),
  code: Type.String(),
  reason: Type.String(),
})
export type ImportProblemView = Static<typeof ImportProblemView>

export const ImportBatchView = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  digest: Type.String(),
  status: Type.Enum(['imported', 'rejected', 'unchanged']),
  samples: Type.Integer(),
  imported: Type.Integer(),
  resampleNeeded: Type.Integer(),
  problems: Type.Array(ImportProblemView),
  createdAt: DateTime,
})
export type ImportBatchView = Static<typeof ImportBatchView>

export const HIT_MODES = ['duo', 'trio', 'full_siblings', 'half_siblings', 'identity', 'ystr'] as const
export type HitMode = (typeof HIT_MODES)[number]

export const HIT_STATUSES = ['pending', 'confirmed', 'rejected', 'resample_requested'] as const
export type HitStatus = (typeof HIT_STATUSES)[number]

/** One side of a hit as lists show it, so that a list needs no read per profile. */
export const HitSide = Type.Object({
  profileId: Uuid,
  /** Null where the caller may not read the profile: it lies in the other side's jurisdiction. */
  sampleCode: Nullable(Type.String()),
  category: Type.Enum(PERSON_CATEGORIES),
  unitId: Uuid,
  unitName: Nullable(Type.String()),
})
export type HitSide = Static<typeof HitSide>

export const HitView = Type.Object({
  id: Uuid,
  mode: Type.Enum(HIT_MODES),
  relationship: Type.String(),
  referenceProfileIds: Type.Array(Uuid),
  familyGroupId: Nullable(Uuid),
  /** The missing-child case of the family group, when linked: a confirmed hit goes on its timeline. */
  caseId: Nullable(Uuid),
  candidateProfileId: Uuid,
  /** The reference profiles, in the order of `referenceProfileIds`. */
  references: Type.Array(HitSide),
  candidate: HitSide,
  lr: Type.Number(),
  log10Lr: Type.Number(),
  /**
   * What the LR supports by the default decision rules (GB/T 37223-2018 for parentage): `inconclusive` for a
   * screening hit below CPI 10⁴, which needs more loci typed before it can be confirmed.
   */
  conclusion: Conclusion,
  perLocus: Type.Record(Type.String(), Type.Number()),
  inconsistentLoci: Type.Array(Type.String()),
  frequencyTable: Type.String(),
  engineVersion: Type.String(),
  unitId: Uuid,
  otherUnitId: Uuid,
  status: Type.Enum(HIT_STATUSES),
  decisionReason: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  reviewDueAt: Nullable(DateTime),
  createdAt: DateTime,
})
export type HitView = Static<typeof HitView>

export const HitListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(HIT_STATUSES)),
    overdue: Type.Optional(Type.Boolean()),
    unitId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
)
export type HitListQuery = Static<typeof HitListQuery>

export const HitDecision = Type.Object(
  {
    decision: Type.Enum(['confirm', 'reject', 'request_resample']),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
)
export type HitDecision = Static<typeof HitDecision>

export const HaplotypeCreate = Type.Object(
  {
    sampleCode: Type.String({ minLength: 1, maxLength: 60 }),
    personId: Type.Optional(Uuid),
    unitId: Uuid,
    kit: Type.Optional(Type.String({ maxLength: 60 })),
    haplotype: Type.Record(
      Type.String({ minLength: 1, maxLength: 30 }),
      Type.Array(Type.String({ minLength: 1, maxLength: 10 }), { minItems: 1, maxItems: 4 }),
      {
        minProperties: 1,
        maxProperties: 60,
      },
    ),
  },
  { additionalProperties: false },
)
export type HaplotypeCreate = Static<typeof HaplotypeCreate>

/** A lab's Y-STR export (long or wide CSV) as text, for one unit's haplotypes. */
export const HaplotypeUpload = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    content: Type.String({ minLength: 1 }),
    unitId: Uuid,
    kit: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'e.g. Yfiler Plus; kept with every haplotype' })),
  },
  { additionalProperties: false },
)
export type HaplotypeUpload = Static<typeof HaplotypeUpload>

export const HaplotypeView = Type.Object({
  id: Uuid,
  sampleCode: Type.String(),
  personId: Nullable(Uuid),
  kit: Nullable(Type.String()),
  haplotype: Type.Record(Type.String(), Type.Array(Type.String())),
  locusCount: Type.Integer(),
  unitId: Uuid,
  createdAt: DateTime,
})
export type HaplotypeView = Static<typeof HaplotypeView>

export const LineageQuery = Type.Object(
  {
    haplotypeId: Uuid,
    maxMismatches: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    maxSteps: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
    minComparedLoci: Type.Optional(Type.Integer({ minimum: 5, maximum: 60 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
)
export type LineageQuery = Static<typeof LineageQuery>

export const LineageResult = Type.Object({
  caveat: Type.String(),
  criteria: Type.Object({ maxMismatches: Type.Integer(), maxSteps: Type.Integer(), minComparedLoci: Type.Integer() }),
  searched: Type.Integer(),
  matches: Type.Array(
    Type.Object({
      haplotypeId: Uuid,
      sampleCode: Type.String(),
      unitId: Uuid,
      comparedLoci: Type.Integer(),
      mismatches: Type.Array(
        Type.Object({
          locus: Type.String(),
          query: Type.Array(Type.String()),
          candidate: Type.Array(Type.String()),
          steps: Nullable(Type.Number()),
        }),
      ),
      totalSteps: Type.Number(),
    }),
  ),
})
export type LineageResult = Static<typeof LineageResult>

export const ImportUpload = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    /** The lab export as text (CSV or tab-separated). */
    content: Type.String({ minLength: 1 }),
    unitId: Uuid,
    category: Type.Optional(Type.Enum(PERSON_CATEGORIES)),
    index: Type.Optional(Type.Enum(DNA_INDEXES)),
    acceptPartial: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type ImportUpload = Static<typeof ImportUpload>
