// The shapes of kinship calculation. Imports nothing but typebox, so web/ and the batch schema can use them.
import { Type, type Static } from 'typebox'

export const RELATIONSHIPS = [
  'parent-child',
  'trio',
  'paternity-trio',
  'full-siblings',
  'half-siblings',
  'grandparent',
  'avuncular',
  'first-cousins',
] as const
export const Relationship = Type.Enum(RELATIONSHIPS)
export type Relationship = Static<typeof Relationship>

/** The typed people of each relationship; the batch input names its profiles by these roles. */
export const ROLES = {
  'parent-child': ['child', 'parent'],
  trio: ['child', 'mother', 'father'],
  'paternity-trio': ['child', 'mother', 'father'],
  'full-siblings': ['child', 'relative'],
  'half-siblings': ['child', 'relative'],
  grandparent: ['child', 'relative'],
  avuncular: ['child', 'relative'],
  'first-cousins': ['child', 'relative'],
} as const satisfies Record<Relationship, readonly string[]>

/** Relationships whose inconsistent loci are counted and judged by the parentage rules of GB/T 37223-2018. */
export const PARENTAGE_RELATIONSHIPS = ['parent-child', 'trio', 'paternity-trio'] as const satisfies readonly Relationship[]

/** An allele label as a lab writes it: '10', '9.3'. Labels are compared as strings. */
export const Allele = Type.String({ minLength: 1, maxLength: 20 })
export type Allele = Static<typeof Allele>
export const Genotype = Type.Tuple([Allele, Allele])
export type Genotype = Static<typeof Genotype>
/** Genotypes by locus name. */
export const Profile = Type.Record(Type.String({ minLength: 1 }), Genotype)
export type Profile = Static<typeof Profile>
/** Allele frequencies by locus, then by allele. */
export const FrequencyTable = Type.Record(
  Type.String({ minLength: 1 }),
  Type.Record(Type.String({ minLength: 1 }), Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
)
export type FrequencyTable = Static<typeof FrequencyTable>

export const SEXES = ['male', 'female'] as const
export const Sex = Type.Enum(SEXES)
export type Sex = Static<typeof Sex>

const Probability = Type.Number({ minimum: 0, maximum: 1 })
/** A mutation rate, the same for both sexes or one per sex. */
export const Rate = Type.Union([Probability, Type.Object({ male: Probability, female: Probability }, { additionalProperties: false })])
export type Rate = Static<typeof Rate>
const Range = Type.Number({ exclusiveMinimum: 0 })

/**
 * Mutation models as pedmut (Vigeland) defines them; `loci` overrides the rates of single loci.
 * `matrix` gives explicit male and female matrices; a locus without one does not mutate.
 */
export const MutationSpec = Type.Union([
  Type.Object({ model: Type.Literal('none') }, { additionalProperties: false }),
  Type.Object(
    {
      model: Type.Literal('equal'),
      rate: Rate,
      loci: Type.Optional(Type.Record(Type.String(), Type.Object({ rate: Rate }, { additionalProperties: false }))),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      model: Type.Literal('stepwise'),
      rate: Rate,
      rate2: Rate,
      range: Range,
      loci: Type.Optional(
        Type.Record(
          Type.String(),
          Type.Object(
            { rate: Type.Optional(Rate), rate2: Type.Optional(Rate), range: Type.Optional(Range) },
            { additionalProperties: false },
          ),
        ),
      ),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      model: Type.Literal('matrix'),
      matrices: Type.Record(
        Type.String(),
        Type.Object(
          {
            alleles: Type.Array(Allele, { minItems: 1 }),
            male: Type.Array(Type.Array(Type.Number())),
            female: Type.Array(Type.Array(Type.Number())),
          },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  ),
])
export type MutationSpec = Static<typeof MutationSpec>

/**
 * How inconsistent loci of parentage cases are scored: the full likelihood under the mutation model, or the
 * per-locus stepwise index Chinese labs print in their reports.
 */
export const MUTATION_INDEXES = ['likelihood', 'chinese-stepwise'] as const
export const MutationIndex = Type.Enum(MUTATION_INDEXES)
export type MutationIndex = Static<typeof MutationIndex>

/** Sexes of pedigree members that the relationship leaves open; see relationships.ts for the names. */
export const Sexes = Type.Record(Type.String(), Sex)
export type Sexes = Static<typeof Sexes>

export const CONCLUSIONS = ['supports', 'excluded', 'inconclusive'] as const
export const Conclusion = Type.Enum(CONCLUSIONS)
export type Conclusion = Static<typeof Conclusion>
