// Batch kinship calculation: pure, no database. The CLI and the HTTP route both call runKinshipBatch.
import { Value } from 'typebox/value'
import { invalid, isDomainError, type FieldError } from '../../../platform/errors.ts'
import { KinshipBatchInput, type KinshipBatchOutput, type KinshipCaseInput, type KinshipResultView } from './batch-schema.ts'
import { decideKinship, mergeDecisionPolicy, type DecisionPolicy } from './decision.ts'
import { LocusModels } from './locus-model.ts'
import { computeKinshipLr } from './lr.ts'
import { ROLES, type FrequencyTable } from './types.ts'

export { KinshipBatchInput, KinshipBatchOutput, KinshipCaseInput, KinshipResultView } from './batch-schema.ts'

export interface KinshipBatchOptions {
  /** The table used when neither the batch nor a case gives one (the database's default table). */
  defaultFrequencies?: FrequencyTable
}

const MAX_REPORTED_ERRORS = 20

/** Validates a batch and computes every case; an error names the case, and the locus and allele where it lies. */
export function runKinshipBatch(input: unknown, options: KinshipBatchOptions = {}): KinshipBatchOutput {
  const batch = parseKinshipBatch(input)
  const policy = mergeDecisionPolicy(batch.policy)
  const models = new ModelCache()
  const results = batch.cases.map((kinshipCase) => {
    try {
      return computeCase(kinshipCase, batch, options, policy, models)
    } catch (error) {
      if (isDomainError(error)) throw invalid(error.code, `case "${kinshipCase.id}": ${error.message}`, error.errors)
      throw error
    }
  })
  return { results }
}

/** The input checked against the schema, with every mismatch listed by its JSON path. */
export function parseKinshipBatch(input: unknown): KinshipBatchInput {
  if (Value.Check(KinshipBatchInput, input)) {
    const ids = input.cases.map((c) => c.id)
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i)
    if (repeated !== undefined) throw invalid('dna.kinship.duplicate_case', `case id "${repeated}" is used twice; ids name the results`)
    return input
  }
  const errors: FieldError[] = [...Value.Errors(KinshipBatchInput, input)]
    .filter((e) => e.keyword !== 'boolean') // the same fact as its additionalProperties error
    .slice(0, MAX_REPORTED_ERRORS)
    .map((e) => ({ path: e.instancePath || '/', message: describeError(e) }))
  throw invalid('dna.kinship.invalid_input', 'the input does not match the kinship batch format (see docs/dna-statistics.md)', errors)
}

function describeError(e: { message: string; params: Record<string, unknown> }): string {
  if (Array.isArray(e.params.additionalProperties)) return `unknown field ${e.params.additionalProperties.map((p) => `"${p}"`).join(', ')}`
  if (Array.isArray(e.params.allowedValues)) return `${e.message}: ${e.params.allowedValues.join(', ')}`
  if (e.params.allowedValue !== undefined) return `must be ${JSON.stringify(e.params.allowedValue)}`
  return e.message
}

function computeCase(
  kinshipCase: KinshipCaseInput,
  batch: KinshipBatchInput,
  options: KinshipBatchOptions,
  policy: DecisionPolicy,
  models: ModelCache,
): KinshipResultView {
  const roles: readonly string[] = ROLES[kinshipCase.relationship]
  for (const role of Object.keys(kinshipCase.profiles))
    if (!roles.includes(role))
      throw invalid(
        'dna.kinship.unknown_role',
        `unknown role "${role}" for ${kinshipCase.relationship} (its roles are ${roles.join(', ')})`,
      )
  const frequencies = kinshipCase.frequencies ?? batch.frequencies ?? options.defaultFrequencies
  if (!frequencies) throw invalid('dna.kinship.no_frequencies', 'no allele frequency table: give "frequencies" in the batch or the case')
  const result = computeKinshipLr({
    relationship: kinshipCase.relationship,
    profiles: kinshipCase.profiles,
    models: models.get(frequencies, kinshipCase.mutation),
    theta: kinshipCase.theta,
    mutationIndex: kinshipCase.mutationIndex,
    sexes: kinshipCase.sexes,
  })
  return {
    id: kinshipCase.id,
    lr: result.lr,
    log10Lr: Number.isFinite(result.log10Lr) ? result.log10Lr : null,
    perLocus: result.perLocus,
    inconsistentLoci: result.inconsistentLoci,
    conclusion: decideKinship(kinshipCase.relationship, result, policy),
  }
}

// Cases sharing a table and a mutation model share their per-locus matrices.
class ModelCache {
  readonly #byTable = new Map<FrequencyTable, Map<string, LocusModels>>()
  get(frequencies: FrequencyTable, mutation: KinshipCaseInput['mutation']): LocusModels {
    let byMutation = this.#byTable.get(frequencies)
    if (!byMutation) this.#byTable.set(frequencies, (byMutation = new Map()))
    const key = JSON.stringify(mutation ?? null)
    let models = byMutation.get(key)
    if (!models) byMutation.set(key, (models = new LocusModels(frequencies, mutation)))
    return models
  }
}
