// A profile submitted as JSON through the API. The schema checks the shape; `validateProfileSubmission` applies
// the same rules as the CSV path (build-profile.ts), so both accept and reject the same genotypes.
import { Type, type Static } from 'typebox'
import { buildProfile } from './build-profile.ts'
import {
  AMELOGENIN_CALLS,
  resolveRules,
  SAMPLE_CODE_MAX_LENGTH,
  sampleCodeProblem,
  type BuiltProfile,
  type ImportProblem,
  type MarkerEntry,
  type ProfileRules,
} from './rules.ts'

export const AlleleValue = Type.Union([Type.String({ minLength: 1, maxLength: 8 }), Type.Number({ exclusiveMinimum: 0, maximum: 100 })], {
  description: 'An allele designation: 12, 9.3, "9.3" or "OL" (off-ladder).',
})

export const ProfileSubmission = Type.Object(
  {
    sampleCode: Type.String({ minLength: 1, maxLength: SAMPLE_CODE_MAX_LENGTH, description: 'The sample barcode; never a name.' }),
    kit: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    lab: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    collectedAt: Type.Optional(Type.String({ format: 'date' })),
    collectionPoint: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    amelogenin: Type.Optional(Type.Enum(AMELOGENIN_CALLS)),
    genotypes: Type.Record(Type.String(), Type.Array(AlleleValue, { minItems: 1, maxItems: 8 }), {
      maxProperties: 100,
      propertyNames: { minLength: 1, maxLength: 40 },
      description: 'Alleles by locus, in any usual spelling (vWA, Penta D, TH01…); one allele means a homozygote.',
    }),
  },
  { additionalProperties: false },
)
export type ProfileSubmission = Static<typeof ProfileSubmission>

export interface SubmittedProfile extends BuiltProfile {
  kit?: string
  lab?: string
  collectedAt?: string
  collectionPoint?: string
}

const pointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1')

/**
 * Applies the import rules to a schema-valid submission. `profile` is null when the profile is rejected; problems
 * carry a JSON pointer (`/genotypes/vWA`) instead of a line.
 */
export function validateProfileSubmission(
  input: ProfileSubmission,
  rules: Partial<ProfileRules> = {},
): { profile: SubmittedProfile | null; problems: ImportProblem[] } {
  const resolved = resolveRules(rules)
  const codeProblem = sampleCodeProblem(input.sampleCode)
  if (codeProblem !== null) {
    const problem: ImportProblem = {
      line: null,
      sample: null,
      code: 'missing_sample_code',
      severity: 'error',
      reason: `${codeProblem}: profile rejected`,
      path: '/sampleCode',
    }
    return { profile: null, problems: [problem] }
  }
  const entries: MarkerEntry[] = Object.entries(input.genotypes).map(([marker, alleles]) => ({
    marker,
    alleles: alleles.map(String),
    line: null,
    path: `/genotypes/${pointer(marker)}`,
  }))
  if (input.amelogenin !== undefined) entries.push({ marker: 'AMEL', alleles: [input.amelogenin], line: null, path: '/amelogenin' })
  const result = buildProfile({ sampleCode: input.sampleCode, line: null, entries }, resolved)
  // Problems about the whole profile (too few loci) point at the genotypes object.
  const problems = result.problems.map((p) => (p.path === undefined ? { ...p, path: '/genotypes' } : p))
  if (result.profile === null) return { profile: null, problems }
  const { kit, lab, collectedAt, collectionPoint } = input
  const extra = Object.fromEntries(Object.entries({ kit, lab, collectedAt, collectionPoint }).filter(([, v]) => v !== undefined))
  return { profile: { ...result.profile, ...extra }, problems }
}

/** Errors (not warnings) as the `{ path, message }` list a `DomainError` carries to problem+json. */
export function problemsAsFieldErrors(problems: readonly ImportProblem[]): { path: string; message: string }[] {
  return problems.filter((p) => p.severity === 'error').map((p) => ({ path: p.path ?? '', message: `${p.code}: ${p.reason}` }))
}
