// The likelihood ratio of one case, locus by locus, combined in log space.
//
// θ = 0: the full pedigree likelihood of H1 over H0 at every locus, with the case's mutation model (as
// Familias and forrel compute it). θ > 0: the Balding–Nichols closed forms at loci consistent with Mendelian
// inheritance, and the θ = 0 mutation likelihood at inconsistent ones (θ changes a consistent locus by a
// factor; mutation decides an inconsistent one). With `chinese-stepwise`, inconsistent parentage loci take
// the stepwise index and consistent ones the textbook PI, as Chinese paper reports do.
import { invalid } from '../../../platform/errors.ts'
import { computeStepwiseIndex, type StepwiseParent } from './chinese-index.ts'
import { computeKappaLr, computeTrioLr, type Alleles } from './closed-form.ts'
import { indexGenotype, type KinshipLocus, type LocusModels } from './locus-model.ts'
import type { IndexedGenotype, MemberSex, PedigreeLikelihood } from './pedigree.ts'
import { getHypotheses, getParentSexes, isPairwise, KAPPA, type Hypotheses } from './relationships.ts'
import { PARENTAGE_RELATIONSHIPS, ROLES, type Genotype, type MutationIndex, type Profile, type Relationship, type Sexes } from './types.ts'

export interface KinshipCalculation {
  relationship: Relationship
  /** Profiles by role (ROLES[relationship]); a role may lack loci, but every role must be present. */
  profiles: Record<string, Profile>
  models: LocusModels
  theta?: number
  mutationIndex?: MutationIndex
  sexes?: Sexes
}

export interface KinshipLr {
  lr: number
  /** −Infinity when some locus excludes. */
  log10Lr: number
  perLocus: Record<string, number>
  /** Parentage loci where H1 is impossible without mutation, in locus order. */
  inconsistentLoci: string[]
  /** Whether every inconsistent locus was scored by a mutation model, rather than left at 0. */
  isMutationScored: boolean
}

const isParentage = (r: Relationship) => (PARENTAGE_RELATIONSHIPS as readonly Relationship[]).includes(r)

/** Per-locus and combined LR of H1 (the relationship) against its alternative. */
export function computeKinshipLr(calc: KinshipCalculation): KinshipLr {
  checkCalculation(calc)
  const roles: readonly string[] = ROLES[calc.relationship]
  const hypotheses = getHypotheses(calc.relationship, calc.sexes)
  const perLocus: Record<string, number> = {}
  const inconsistentLoci: string[] = []
  let log10Lr = 0
  for (const locus of listLoci(roles.map((r) => calc.profiles[r]))) {
    const { lr, isInconsistent } = computeLocusLr(calc, hypotheses, locus)
    if (isInconsistent) inconsistentLoci.push(locus)
    perLocus[locus] = lr
    log10Lr += Math.log10(lr)
  }
  // A zero at an inconsistent locus means no mutation model reached it (none given, no matrix, rate 0).
  const isMutationScored = inconsistentLoci.every((locus) => perLocus[locus] > 0)
  const lr = 10 ** log10Lr
  // A CPI past the largest double (only conceivable with dozens of rare homozygous loci) is reported as that
  // double; log10Lr stays exact.
  return { lr: Number.isFinite(lr) ? lr : Number.MAX_VALUE, log10Lr, perLocus, inconsistentLoci, isMutationScored }
}

function computeLocusLr(calc: KinshipCalculation, hypotheses: Hypotheses, locus: string): { lr: number; isInconsistent: boolean } {
  const { relationship, profiles } = calc
  const theta = calc.theta ?? 0
  const model = calc.models.get(locus)
  const typed = new Map<string, Alleles>()
  for (const role of ROLES[relationship]) if (profiles[role][locus]) typed.set(role, indexGenotype(model, profiles[role][locus]))
  const genotypesOf = (likelihood: PedigreeLikelihood): IndexedGenotype[] => likelihood.pedigree.map((m) => typed.get(m.id) ?? null)
  const isInconsistent = isParentage(relationship) && hypotheses.h1.compute(model.withoutMutation, genotypesOf(hypotheses.h1)) === 0
  if (isInconsistent && calc.mutationIndex === 'chinese-stepwise') return { lr: computeChineseLocus(calc, locus, model), isInconsistent }
  if (!isInconsistent && (theta > 0 || calc.mutationIndex === 'chinese-stepwise'))
    return { lr: computeClosedFormLocus(relationship, typed, model.frequencies, theta), isInconsistent }
  const h0 = hypotheses.h0.compute(model, genotypesOf(hypotheses.h0))
  // Only paternity-trio's H0 has a transmission (mother to child) that can be impossible.
  if (h0 === 0)
    throw invalid(
      'dna.kinship.impossible',
      `locus ${locus}: the genotypes are impossible under both hypotheses (the mother is inconsistent with the child); give a mutation model`,
    )
  return { lr: hypotheses.h1.compute(model, genotypesOf(hypotheses.h1)) / h0, isInconsistent }
}

function checkCalculation(calc: KinshipCalculation): void {
  const theta = calc.theta ?? 0
  if (!(theta >= 0 && theta < 1)) throw invalid('dna.kinship.bad_theta', `theta must be at least 0 and below 1, not ${theta}`)
  for (const role of ROLES[calc.relationship])
    if (!calc.profiles[role]) throw invalid('dna.kinship.missing_role', `relationship ${calc.relationship} needs a profile for ${role}`)
  if (calc.mutationIndex !== 'chinese-stepwise') return
  if (!isParentage(calc.relationship))
    throw invalid('dna.kinship.bad_mutation_index', `mutationIndex chinese-stepwise applies to ${PARENTAGE_RELATIONSHIPS.join(', ')} only`)
  const model = calc.models.mutation?.model
  if (model !== 'equal' && model !== 'stepwise')
    throw invalid(
      'dna.kinship.bad_mutation_index',
      'mutationIndex chinese-stepwise takes μ from the mutation rate: give mutation {"model":"equal"|"stepwise","rate":…}',
    )
}

/** Loci typed in anyone, in the order they first appear; a locus typed in no one would give 1. */
function listLoci(profiles: Profile[]): string[] {
  return [...new Set(profiles.flatMap((p) => Object.keys(p)))]
}

/** Closed forms (θ allowed, no mutation); untyped roles reduce a trio to a duo or to 1. */
function computeClosedFormLocus(relationship: Relationship, typed: Map<string, Alleles>, p: Float64Array, theta: number): number {
  const child = typed.get('child')
  if (!child) return 1
  if (isPairwise(relationship)) {
    const other = typed.get(relationship === 'parent-child' ? 'parent' : 'relative')
    return other ? computeKappaLr(child, other, KAPPA[relationship], p, theta) : 1
  }
  const mother = typed.get('mother')
  const father = typed.get('father')
  if (relationship === 'paternity-trio') {
    if (!father) return 1
    return mother
      ? computeTrioLr(child, mother, father, 'mother-known', p, theta)
      : computeKappaLr(child, father, KAPPA['parent-child'], p, theta)
  }
  if (mother && father) return computeTrioLr(child, mother, father, 'unrelated', p, theta)
  const parent = mother ?? father
  return parent ? computeKappaLr(child, parent, KAPPA['parent-child'], p, theta) : 1
}

function computeChineseLocus(calc: KinshipCalculation, locus: string, model: KinshipLocus): number {
  const genotype = (role: string): Genotype | undefined => calc.profiles[role][locus]
  const rates = model.rates!
  const rateOf = (sex: MemberSex) => (sex === 'unknown' ? (rates.male + rates.female) / 2 : rates[sex])
  const sexes = getParentSexes(calc.relationship, calc.sexes)
  const parent = (role: string): StepwiseParent | null => {
    const g = genotype(role)
    return g ? { genotype: g, rate: rateOf(sexes[role]) } : null
  }
  const frequency = (allele: string) => model.frequencies[model.indexOf.get(allele)!]
  const child = genotype('child')!
  if (calc.relationship === 'parent-child') return computeStepwiseIndex(child, parent('parent')!, null, frequency, false)
  const mother = parent('mother')
  const father = parent('father')
  if (calc.relationship === 'paternity-trio' && !father) return 1
  if (mother && father) return computeStepwiseIndex(child, mother, father, frequency, calc.relationship === 'paternity-trio')
  return computeStepwiseIndex(child, (mother ?? father)!, null, frequency, false)
}
