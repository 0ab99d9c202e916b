// What is known about a frequency table besides its numbers. Shipped tables keep it in `data/<id>.meta.json`;
// a table loaded by an administrator comes with the same object. Imports nothing but typebox, so web/ can use it.
import { Type, type Static } from 'typebox'

export const DisabledLocus = Type.Object(
  {
    locus: Type.String({ minLength: 1, maxLength: 40 }),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
)
export type DisabledLocus = Static<typeof DisabledLocus>

export const FrequencyTableMeta = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    population: Type.String({ minLength: 1, maxLength: 500 }),
    /** Individuals sampled. At least 3, so that 5/(2N) is a probability; null when the source does not say. */
    sampleSize: Type.Union([Type.Integer({ minimum: 3 }), Type.Null()]),
    sampleSizeNote: Type.Optional(Type.String({ maxLength: 1000 })),
    source: Type.String({ minLength: 1, maxLength: 2000 }),
    licence: Type.String({ minLength: 1, maxLength: 1000 }),
    /** Text that must accompany any use of the table, where its licence asks for one. */
    attribution: Type.Optional(Type.String({ maxLength: 1000 })),
    /** Loci present in the table that must not be used, each with the reason. */
    disabledLoci: Type.Array(DisabledLocus, { maxItems: 100 }),
    /** Overrides the minimum frequency for alleles absent from the table; see `minimumFrequencyFor`. */
    minimumFrequency: Type.Optional(Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: 1 }), Type.Null()])),
    /** Shipped tables only: the CSV file beside the metadata. */
    file: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9.-]*\\.csv$' })),
  },
  { additionalProperties: false },
)
export type FrequencyTableMeta = Static<typeof FrequencyTableMeta>
