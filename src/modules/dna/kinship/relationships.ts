// Each relationship as two small pedigrees, H1 (as claimed) and H0 (the alternative), plus its IBD
// coefficients. Typed members carry the role names; the others are untyped and summed over.
import { invalid } from '../../../platform/errors.ts'
import { PedigreeLikelihood, type MemberSex, type Pedigree, type PedigreeMember } from './pedigree.ts'
import { ROLES, type Relationship, type Sexes } from './types.ts'

export type Kappa = readonly [number, number, number]

/** P(IBD = 0, 1, 2) for the pairwise relationships (Thompson 1975; Egeland, Kling & Mostad 2016, ch. 2). */
export const KAPPA = {
  'parent-child': [0, 1, 0],
  'full-siblings': [0.25, 0.5, 0.25],
  'half-siblings': [0.5, 0.5, 0],
  grandparent: [0.5, 0.5, 0],
  avuncular: [0.5, 0.5, 0],
  'first-cousins': [0.75, 0.25, 0],
} as const satisfies Partial<Record<Relationship, Kappa>>
export type PairwiseRelationship = keyof typeof KAPPA
export const isPairwise = (r: Relationship): r is PairwiseRelationship => r in KAPPA

/**
 * Members whose sex the relationship leaves open (it matters only with sex-specific mutation rates). When not
 * given, the member transmits through the average of the male and female matrices.
 */
export const OPEN_SEXES = {
  'parent-child': ['parent'],
  trio: [],
  'paternity-trio': [],
  'full-siblings': [],
  'half-siblings': ['sharedParent'],
  grandparent: ['relative', 'parent'],
  avuncular: ['parent'],
  'first-cousins': ['childParent', 'relativeParent'],
} as const satisfies Record<Relationship, readonly string[]>

const getOppositeSex = (sex: MemberSex): MemberSex => (sex === 'male' ? 'female' : sex === 'female' ? 'male' : 'unknown')
const makeFounder = (id: string, sex: MemberSex = 'unknown'): PedigreeMember => ({ id, sex })
const makeChild = (id: string, parents: readonly [string, string], sex: MemberSex = 'unknown'): PedigreeMember => ({ id, sex, parents })

/** A child with one given parent: the other parent is an untyped founder of the opposite sex. */
function makeChildWithSpouse(id: string, parent: string, parentSex: MemberSex, spouse: string): PedigreeMember[] {
  return [makeFounder(spouse, getOppositeSex(parentSex)), makeChild(id, [parent, spouse])]
}

function buildH1(relationship: Relationship, sex: (member: string) => MemberSex): Pedigree {
  switch (relationship) {
    case 'parent-child':
      return [makeFounder('parent', sex('parent')), ...makeChildWithSpouse('child', 'parent', sex('parent'), 'otherParent')]
    case 'trio':
    case 'paternity-trio':
      return [makeFounder('mother', 'female'), makeFounder('father', 'male'), makeChild('child', ['father', 'mother'])]
    case 'full-siblings':
      return [
        makeFounder('father', 'male'),
        makeFounder('mother', 'female'),
        makeChild('child', ['father', 'mother']),
        makeChild('relative', ['father', 'mother']),
      ]
    case 'half-siblings': {
      const shared = sex('sharedParent')
      return [
        makeFounder('sharedParent', shared),
        ...makeChildWithSpouse('child', 'sharedParent', shared, 'childOtherParent'),
        ...makeChildWithSpouse('relative', 'sharedParent', shared, 'relativeOtherParent'),
      ]
    }
    case 'grandparent':
      return [
        makeFounder('relative', sex('relative')),
        makeFounder('relativeSpouse', getOppositeSex(sex('relative'))),
        makeChild('parent', ['relative', 'relativeSpouse'], sex('parent')),
        ...makeChildWithSpouse('child', 'parent', sex('parent'), 'parentSpouse'),
      ]
    case 'avuncular':
      return [
        makeFounder('grandfather', 'male'),
        makeFounder('grandmother', 'female'),
        makeChild('parent', ['grandfather', 'grandmother'], sex('parent')),
        makeChild('relative', ['grandfather', 'grandmother']),
        ...makeChildWithSpouse('child', 'parent', sex('parent'), 'parentSpouse'),
      ]
    case 'first-cousins':
      return [
        makeFounder('grandfather', 'male'),
        makeFounder('grandmother', 'female'),
        makeChild('childParent', ['grandfather', 'grandmother'], sex('childParent')),
        makeChild('relativeParent', ['grandfather', 'grandmother'], sex('relativeParent')),
        ...makeChildWithSpouse('child', 'childParent', sex('childParent'), 'childParentSpouse'),
        ...makeChildWithSpouse('relative', 'relativeParent', sex('relativeParent'), 'relativeParentSpouse'),
      ]
  }
}

function buildH0(relationship: Relationship): Pedigree {
  // paternity-trio: the mother is the mother and the alleged father is unrelated; otherwise all unrelated.
  if (relationship === 'paternity-trio')
    return [
      makeFounder('mother', 'female'),
      makeFounder('father', 'male'),
      makeFounder('trueFather', 'male'),
      makeChild('child', ['trueFather', 'mother']),
    ]
  return ROLES[relationship].map((role) => makeFounder(role))
}

export interface Hypotheses {
  h1: PedigreeLikelihood
  h0: PedigreeLikelihood
}

const cache = new Map<string, Hypotheses>()

/** H1 and H0 of a relationship, with the open sexes given by the case (validated here). */
export function getHypotheses(relationship: Relationship, sexes: Sexes = {}): Hypotheses {
  const open: readonly string[] = OPEN_SEXES[relationship]
  for (const member of Object.keys(sexes))
    if (!open.includes(member))
      throw invalid(
        'dna.kinship.unknown_sex_member',
        `relationship ${relationship} has no member "${member}" whose sex can be set${open.length ? ` (it has: ${open.join(', ')})` : ''}`,
      )
  const key = `${relationship}|${open.map((m) => sexes[m] ?? '').join(',')}`
  let hypotheses = cache.get(key)
  if (!hypotheses) {
    const sex = (member: string): MemberSex => sexes[member] ?? 'unknown'
    hypotheses = { h1: new PedigreeLikelihood(buildH1(relationship, sex)), h0: new PedigreeLikelihood(buildH0(relationship)) }
    cache.set(key, hypotheses)
  }
  return hypotheses
}

/** The sex through whose mutation rate each alleged parent transmits (for the Chinese stepwise index). */
export function getParentSexes(relationship: Relationship, sexes: Sexes = {}): Record<string, MemberSex> {
  if (relationship === 'parent-child') return { parent: sexes.parent ?? 'unknown' }
  return { mother: 'female', father: 'male' }
}
