import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { withDatabase } from './runtime.ts'
import { EXIT, print } from './output.ts'
import { counted, describeBatch, findUnit, progressBar } from './dna.ts'
import { notFound } from '../platform/errors.ts'
import { fileDigest } from '../modules/dna/import/digest.ts'
import { parseYstrCsv } from '../modules/dna/ystr/csv.ts'
import { importHaplotypes } from '../modules/dna/ystr/import.ts'

/** `tuanyuan dna import-ystr`: a lab's Y-STR export into a unit's haplotypes, as `dna import` does for profiles. */
export function registerDnaYstr(dna: Command) {
  dna
    .command('import-ystr')
    .description(
      'import a Y-STR lab export (GeneMapper long form, or one row per sample; DYS385a/b and DYF387S1 as two copies) into a unit’s haplotypes; all or nothing, idempotent',
    )
    .argument('<file>')
    .requiredOption('--unit <unit>', 'owning unit: id or exact name')
    .option('--kit <kit>', 'the kit the lab typed with, kept with every haplotype (e.g. "Yfiler Plus")')
    .option('--json', 'machine-readable output')
    .action((file: string, o: { unit: string; kit?: string; json?: boolean }) =>
      withDatabase(async ({ ctx }) => {
        if (!fs.existsSync(file)) throw notFound('cli.file_not_found', `no file ${file}`)
        const unit = await findUnit(ctx, o.unit)
        const bar = progressBar(fs.statSync(file).size)
        const batch = await importHaplotypes(ctx, parseYstrCsv(counted(file, bar.bytes)), {
          fileName: path.basename(file),
          digest: await fileDigest(file),
          unitId: unit.id,
          kit: o.kit,
          onProgress: bar.update,
        })
        bar.done()
        print(batch, o, () =>
          describeBatch(batch, {
            imported: `imported ${batch.imported} of ${batch.samples} haplotypes (${batch.samples - batch.imported} already stored)`,
            rejected: 'fix the rows below and import again',
          }),
        )
        if (batch.status === 'rejected') process.exitCode = EXIT.invalid
      }),
    )
}
