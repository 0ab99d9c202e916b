import type { Ctx } from '../../platform/context.ts'
import { authorize } from '../../platform/auth/authorize.ts'
import { runKinshipBatch, type KinshipBatchInput, type KinshipBatchOutput } from './kinship/index.ts'
import { getDefaultFrequencyTable } from './frequency-tables.ts'
import { usableLoci } from './frequencies/table.ts'

/**
 * Batch kinship calculation for labs (the same as `tuanyuan dna lr`): cases without a table of their
 * own use the database's default table, less its disabled loci. Audited: the genotypes are DNA data.
 */
export async function computeKinshipBatch(ctx: Ctx, input: KinshipBatchInput): Promise<KinshipBatchOutput> {
  authorize(ctx.actor, 'dna.kinship')
  const table = await getDefaultFrequencyTable(ctx.db)
  const defaultFrequencies = Object.fromEntries(usableLoci(table).map((locus) => [locus, table.frequencies[locus]]))
  const output = runKinshipBatch(input, { defaultFrequencies })
  await ctx.audit({ action: 'dna.kinship.compute', details: { cases: input.cases.map((c) => c.id), table: table.meta.id } })
  return output
}
