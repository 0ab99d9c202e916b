// Test factories of the search engine: a population with planted families, and the brute-force reference the
// engine must agree with (every target scored with compare.ts, no tables, no pruning).
import fs from 'node:fs'
import path from 'node:path'
import { scoreComparison, type Comparison } from './compare.ts'
import { SearchIndex } from './profile-index.ts'
import {
  DEFAULT_MIN_FREQUENCY,
  DEFAULT_MUTATION,
  STANDARD_LOCI,
  type FrequencyTable,
  type Genotypes,
  type ProfileKind,
  type ScoreModel,
} from './model.ts'
import type { SearchRequest } from './query.ts'
import { resolveTargets } from './rules.ts'
import { AlleleSampler, childOf, dropLoci, randomProfile, readFrequencyCsv, seededRandom } from './simulate.ts'
import { DEFAULT_THRESHOLDS } from './thresholds.ts'

/** The shipped Chinese table (SE33 left out), from the repository, or the shared copy. */
export function chineseFrequencies(): FrequencyTable {
  const local = path.resolve(import.meta.dirname, '../frequencies/data/chinese.csv')
  return readFrequencyCsv(fs.existsSync(local) ? local : '/work/shared/data/frequencies/chinese.csv')
}

export function testModel(overrides: Partial<ScoreModel> = {}): ScoreModel {
  return { frequencies: chineseFrequencies(), minFrequency: DEFAULT_MIN_FREQUENCY, mutation: DEFAULT_MUTATION, ...overrides }
}

export interface Person {
  key: number
  kind: ProfileKind
  genotypes: Genotypes
}

export interface Family {
  mother: Person
  father: Person
  /** The missing child, found among candidates or general profiles. */
  child: Person
  /** A full sibling who gave a reference sample. */
  sibling: Person
}

export interface Population {
  index: SearchIndex
  people: Person[]
  families: Family[]
  pairs: [number, number][]
  sampler: AlleleSampler
}

export interface PopulationOptions {
  seed: number
  reference: number
  candidate: number
  general: number
  families: number
  loci?: readonly string[]
  /** Up to this many loci left untyped at random in each planted relative (kits differ, samples degrade). */
  maxDropped?: number
  mutationRate?: number
}

/** Unrelated people of each kind, plus families whose parents and sibling are references and child a candidate. */
export function buildPopulation(model: ScoreModel, options: PopulationOptions): Population {
  const loci = options.loci ?? STANDARD_LOCI
  const random = seededRandom(options.seed)
  const sampler = new AlleleSampler(model.frequencies, loci)
  const index = new SearchIndex(loci)
  const people: Person[] = []
  const add = (kind: ProfileKind, genotypes: Genotypes): Person => {
    const person = { key: people.length + 1, kind, genotypes }
    people.push(person)
    index.add(person)
    return person
  }
  for (const kind of ['reference', 'candidate', 'general'] as const)
    for (let i = 0; i < options[kind]; i++) add(kind, randomProfile(sampler, random))
  const families: Family[] = []
  const pairs: [number, number][] = []
  for (let f = 0; f < options.families; f++) {
    // One kit per family: the same 0 … maxDropped loci missing for all of them, so 20+ loci are compared.
    const kit = Object.keys(dropLoci(randomProfile(sampler, random), Math.floor(random() * ((options.maxDropped ?? 0) + 1)), random))
    const drop = (g: Genotypes) => Object.fromEntries(kit.map((locus) => [locus, [...g[locus]]]))
    const motherG = randomProfile(sampler, random)
    const fatherG = randomProfile(sampler, random)
    const mother = add('reference', drop(motherG))
    const father = add('reference', drop(fatherG))
    const child = add(f % 2 ? 'candidate' : 'general', drop(childOf(sampler, motherG, fatherG, random, options.mutationRate)))
    const sibling = add('reference', drop(childOf(sampler, motherG, fatherG, random, options.mutationRate)))
    index.addFamilyPair(mother.key, father.key)
    pairs.push([mother.key, father.key])
    families.push({ mother, father, child, sibling })
  }
  return { index, people, families, pairs, sampler }
}

/** A hit as the tests compare them: mode, role, target keys → log10 LR. */
export type HitKey = string
export const hitKey = (mode: string, role: string, keys: readonly number[]): HitKey => `${mode}|${role}|${keys.join(',')}`

/** Every comparison the request asks for, scored one by one. */
export function bruteForce(model: ScoreModel, population: Population, request: SearchRequest): Map<HitKey, number> {
  const { subject } = request
  const loci = population.index.loci
  const hits = new Map<HitKey, number>()
  const exclude = 'mother' in subject ? [...(subject.keys ?? [])] : subject.key === undefined ? [] : [subject.key]
  const consider = (mode: keyof typeof DEFAULT_THRESHOLDS, role: string, keys: number[], comparison: Comparison) => {
    if (keys.some((k) => exclude.includes(k))) return
    const score = scoreComparison(model, loci, comparison).log10Lr
    if (score >= (request.thresholds?.[mode] ?? DEFAULT_THRESHOLDS[mode])) hits.set(hitKey(mode, role, keys), score)
  }
  const byKey = new Map(population.people.map((p) => [p.key, p]))
  for (const mode of request.modes) {
    const targets = resolveTargets(subject.kind, 'mother' in subject, mode, request.targets)
    const people = population.people.filter((p) => targets.includes(p.kind))
    if ('mother' in subject) {
      for (const t of people) {
        if (mode === 'trio')
          consider(mode, 'parents', [t.key], { mode, child: t.genotypes, mother: subject.mother, father: subject.father })
        else
          for (const role of ['mother', 'father'] as const)
            consider(mode, role, [t.key], { mode: 'duo', child: t.genotypes, parent: subject[role] })
      }
      continue
    }
    const me = subject.profile
    if (mode === 'trio') {
      for (const [m, f] of population.pairs)
        consider(mode, 'self', [m, f], { mode, child: me, mother: byKey.get(m)!.genotypes, father: byKey.get(f)!.genotypes })
      continue
    }
    for (const t of people) {
      if (mode === 'duo' && subject.kind === 'candidate') consider(mode, 'self', [t.key], { mode, child: me, parent: t.genotypes })
      else if (mode === 'duo') consider(mode, 'self', [t.key], { mode, child: t.genotypes, parent: me })
      else consider(mode, 'self', [t.key], { mode, first: me, second: t.genotypes })
    }
  }
  return hits
}
