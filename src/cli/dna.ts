import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { withDatabase, type CliEnv } from './runtime.ts'
import { EXIT, print, table } from './output.ts'
import { invalid, notFound } from '../platform/errors.ts'
import { listUnits } from '../modules/identity/units.ts'
import { fileDigest } from '../modules/dna/import/digest.ts'
import { parseLabCsv } from '../modules/dna/import/lab-csv.ts'
import { importProfiles, type ImportEvent } from '../modules/dna/import-profiles.ts'
import { DNA_INDEXES, PERSON_CATEGORIES, type DnaIndex, type ImportBatchView, type PersonCategory } from '../modules/dna/schema.ts'

/** Counts bytes as the parser pulls them, for the progress bar. */
export async function* counted(file: string, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 })) {
    onBytes((chunk as Buffer).length)
    yield chunk as Buffer
  }
}

export function progressBar(total: number) {
  let read = 0
  let last = 0
  let status = { samples: 0, problems: 0 }
  const draw = (final = false) => {
    if (!process.stderr.isTTY) return
    const now = Date.now()
    if (!final && now - last < 100) return
    last = now
    const share = total ? Math.min(1, read / total) : 1
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '-')
    process.stderr.write(
      `\r[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${status.samples} samples  ${status.problems} problems${final ? '\n' : ''}`,
    )
  }
  return {
    bytes: (n: number) => {
      read += n
      draw()
    },
    update: (p: { samples: number; problems: number }) => {
      status = p
      draw()
    },
    done: () => draw(true),
  }
}

/** The one unit an operator names by id or exact name. */
export async function findUnit(ctx: CliEnv['ctx'], idOrName: string) {
  const units = (await listUnits(ctx)).filter((u) => u.id === idOrName || u.name === idOrName)
  if (units.length !== 1) throw notFound('unit.not_found', `no single unit "${idOrName}" (see \`tuanyuan unit list\`)`)
  return units[0]
}

/** The import report as text: what became of the file (in the caller's words where kinds differ), then every problem by line. */
export function describeBatch(batch: ImportBatchView, words: { imported: string; rejected: string }): string {
  const head = {
    imported: words.imported,
    unchanged: `this file was imported before (${batch.createdAt}): nothing changed`,
    rejected: `REJECTED: nothing imported; ${words.rejected}`,
  }[batch.status]
  const problems = batch.problems.length
    ? `\n${table(batch.problems as unknown as Record<string, unknown>[], ['line', 'sample', 'code', 'reason'])}`
    : ''
  return `${head}${problems}`
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value as T)) throw invalid('cli.invalid_option', `${what} must be one of: ${allowed.join(', ')}`)
  return value as T
}

export function registerDna(program: Command) {
  const dna = program.command('dna').description('the anti-trafficking DNA database')
  dna
    .command('import')
    .description(
      'import a lab export (GeneMapper/GeneMarker long form, or one row per sample) into a unit’s profiles; all or nothing, idempotent',
    )
    .argument('<file>')
    .requiredOption('--unit <unit>', 'owning unit: id or exact name')
    .option(
      '--category <category>',
      `category of samples not registered at collection: ${PERSON_CATEGORIES.join('|')}`,
      'unknown_origin_child',
    )
    .option('--index <index>', `${DNA_INDEXES.join('|')} (general = an export of the national database)`, 'anti_trafficking')
    .option('--accept-partial', 'import the valid samples even if some are rejected')
    .option('--min-loci <n>', 'flag "re-sample needed" below this many autosomal loci', '15')
    .option('--json', 'machine-readable output')
    .action(
      (file: string, o: { unit: string; category: string; index: string; acceptPartial?: boolean; minLoci: string; json?: boolean }) =>
        withDatabase(async ({ ctx }) => {
          if (!fs.existsSync(file)) throw notFound('cli.file_not_found', `no file ${file}`)
          const unit = await findUnit(ctx, o.unit)
          const bar = progressBar(fs.statSync(file).size)
          const events = parseLabCsv(counted(file, bar.bytes), { resampleBelowLoci: Number(o.minLoci) }) as AsyncIterable<ImportEvent>
          const batch = await importProfiles(ctx, events, {
            fileName: path.basename(file),
            digest: await fileDigest(file),
            unitId: unit.id,
            index: oneOf<DnaIndex>(o.index, DNA_INDEXES, '--index'),
            category: oneOf<PersonCategory>(o.category, PERSON_CATEGORIES, '--category'),
            acceptPartial: o.acceptPartial,
            onProgress: bar.update,
          })
          bar.done()
          print(batch, o, () =>
            describeBatch(batch, {
              imported: `imported ${batch.imported} of ${batch.samples} samples (${batch.resampleNeeded} flagged re-sample needed)`,
              rejected: 'fix the rows below and import again (or use --accept-partial)',
            }),
          )
          if (batch.status === 'rejected') process.exitCode = EXIT.invalid
        }),
    )
  return dna
}
