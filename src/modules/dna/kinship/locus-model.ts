// One frequency table plus one mutation model, turned into per-locus engine inputs on first use.
import { invalid } from '../../../platform/errors.ts'
import { buildTransmission, getMutationRates } from './mutation-matrix.ts'
import type { LocusModel } from './pedigree.ts'
import type { Allele, FrequencyTable, MutationSpec, Sex } from './types.ts'

/**
 * Frequencies of a locus may miss 1 by rounding this much (as the dna frequency tables allow); SE33 of the
 * shipped Chinese table (0.954) may not.
 */
export const FREQUENCY_SUM_TOLERANCE = 0.005

export interface KinshipLocus extends LocusModel {
  locus: string
  alleles: Allele[]
  indexOf: ReadonlyMap<Allele, number>
  /** Total mutation rates per sex (equal and stepwise models), for the Chinese stepwise index. */
  rates: Record<Sex, number> | null
  /** The same locus without mutation: for counting loci inconsistent with Mendelian inheritance. */
  withoutMutation: LocusModel
}

export class LocusModels {
  readonly frequencies: FrequencyTable
  readonly mutation: MutationSpec | undefined
  readonly #cache = new Map<string, KinshipLocus>()
  constructor(frequencies: FrequencyTable, mutation?: MutationSpec) {
    this.frequencies = frequencies
    this.mutation = mutation
  }

  /** The model of a locus; an error names a locus missing from the table or one whose frequencies do not sum to 1. */
  get(locus: string): KinshipLocus {
    let model = this.#cache.get(locus)
    if (!model) {
      model = buildLocusModel(locus, this.frequencies[locus], this.mutation)
      this.#cache.set(locus, model)
    }
    return model
  }
}

function buildLocusModel(locus: string, table: Record<Allele, number> | undefined, mutation: MutationSpec | undefined): KinshipLocus {
  if (!table) throw invalid('dna.kinship.unknown_locus', `locus ${locus} is not in the frequency table`)
  const alleles = Object.keys(table)
  const frequencies = Float64Array.from(alleles, (a) => table[a])
  if (frequencies.some((p) => !(p > 0 && p <= 1)))
    throw invalid('dna.kinship.bad_frequency', `locus ${locus}: allele frequencies must be above 0 and at most 1`)
  const sum = frequencies.reduce((s, p) => s + p, 0)
  if (Math.abs(sum - 1) > FREQUENCY_SUM_TOLERANCE)
    throw invalid(
      'dna.kinship.bad_frequency',
      `locus ${locus}: allele frequencies sum to ${sum.toFixed(4)}, not 1; the table is incomplete for this locus`,
    )
  const size = alleles.length
  const withoutMutation: LocusModel = { size, frequencies, transmission: { male: null, female: null, unknown: null } }
  return {
    locus,
    alleles,
    indexOf: new Map(alleles.map((a, i) => [a, i])),
    size,
    frequencies,
    transmission: buildTransmission(mutation, locus, alleles),
    rates: getMutationRates(mutation, locus),
    withoutMutation,
  }
}

/** Allele indices of a genotype; an error names the locus and the allele the table lacks. */
export function indexGenotype(model: KinshipLocus, genotype: readonly [Allele, Allele]): [number, number] {
  return [indexAllele(model, genotype[0]), indexAllele(model, genotype[1])]
}

function indexAllele(model: KinshipLocus, allele: Allele): number {
  const i = model.indexOf.get(allele)
  if (i === undefined) throw invalid('dna.kinship.unknown_allele', `locus ${model.locus}: allele ${allele} has no frequency in the table`)
  return i
}
