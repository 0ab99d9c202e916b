import { afterAll, describe, expect, it } from 'vitest'
import { CHUNK_ROWS } from './layout.ts'
import { WorkerPool } from './pool.ts'
import { searchMany, type SearchRequest } from './query.ts'
import { randomProfile, seededRandom } from './simulate.ts'
import { buildPopulation, testModel } from './testing.ts'

const model = testModel()
const pool = new WorkerPool({ size: 2 })
afterAll(() => pool.close())

describe('the worker pool', () => {
  it('gives the same results as one thread, across chunks, and sees profiles added after its first scan', async () => {
    // More general profiles than one chunk holds, so the workers share out several chunks of one store.
    const population = buildPopulation(model, {
      seed: 31,
      reference: 300,
      candidate: 2000,
      general: CHUNK_ROWS + 5000,
      families: 12,
      maxDropped: 2,
    })
    const { index } = population
    const requests: SearchRequest[] = population.families.flatMap((f): SearchRequest[] => [
      {
        subject: { kind: 'reference', mother: f.mother.genotypes, father: f.father.genotypes, keys: [f.mother.key, f.father.key] },
        modes: ['duo', 'trio'],
      },
      {
        subject: { kind: 'reference', profile: f.sibling.genotypes, key: f.sibling.key },
        modes: ['full_siblings', 'half_siblings'],
        thresholds: { half_siblings: 2 },
      },
      {
        subject: { kind: f.child.kind, profile: f.child.genotypes, key: f.child.key },
        modes: f.child.kind === 'candidate' ? ['duo', 'trio', 'identity'] : ['duo', 'identity'],
      },
    ])
    const inline = await searchMany({ index, model }, requests, 5)
    const pooled = await searchMany({ index, model, executor: pool }, requests, 5)
    expect(pooled).toEqual(inline)
    expect(inline.flat().length).toBeGreaterThan(40)

    // A new chunk of general profiles, one of them a copy of a planted child: the pool must send the new chunk.
    const random = seededRandom(5)
    let key = 10_000_000
    for (let i = 0; i < CHUNK_ROWS; i++) index.add({ key: key++, kind: 'general', genotypes: randomProfile(population.sampler, random) })
    const twin = population.families[0].child
    index.add({ key: key++, kind: 'general', genotypes: twin.genotypes })
    const again = { subject: { kind: 'candidate' as const, profile: twin.genotypes, key: twin.key }, modes: ['identity' as const] }
    const [pooledAgain] = await searchMany({ index, model, executor: pool }, [again])
    expect(pooledAgain.map((h) => h.targetKeys)).toContainEqual([key - 1])
    expect(pooledAgain).toEqual((await searchMany({ index, model }, [again]))[0])
  })
})
