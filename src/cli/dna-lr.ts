import fs from 'node:fs/promises'
import type { Command } from 'commander'
import { invalid } from '../platform/errors.ts'
import { runKinshipBatch, type KinshipBatchOptions } from '../modules/dna/kinship/index.ts'
import { loadShippedTables } from '../modules/dna/frequencies/shipped.ts'
import { usableLoci } from '../modules/dna/frequencies/table.ts'

/** Cases without a table of their own use the shipped default (the Chinese table), less its disabled loci. */
async function shippedDefaultFrequencies(): Promise<NonNullable<KinshipBatchOptions['defaultFrequencies']>> {
  const [table] = await loadShippedTables()
  return Object.fromEntries(usableLoci(table).map((locus) => [locus, table.frequencies[locus]]))
}

/** Reads a file, or standard input for "-". */
async function readInput(file: string): Promise<string> {
  if (file !== '-') {
    try {
      return await fs.readFile(file, 'utf8')
    } catch (error) {
      throw invalid('dna.kinship.unreadable_input', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
    }
  }
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw invalid('dna.kinship.malformed_json', `${file === '-' ? 'standard input' : file} is not JSON: ${(error as Error).message}`)
  }
}

/**
 * `tuanyuan dna lr`: likelihood ratios for a batch of kinship cases, pure calculation (no database). Bad input
 * is a DomainError 'invalid', which the CLI entry turns into exit code 65 and a message naming what is wrong.
 */
export function registerDnaLr(dnaCommand: Command, options: KinshipBatchOptions = {}): Command {
  return dnaCommand
    .command('lr')
    .description('likelihood ratios for kinship cases (parent-child, trio, siblings …) from a JSON batch; see docs/dna-statistics.md')
    .requiredOption('--input <file>', 'JSON batch {frequencies?, cases: [...]}, or - for standard input')
    .option('--output <file>', 'write the results JSON here instead of standard output')
    .action(async (o: { input: string; output?: string }) => {
      const batch = parseJson(await readInput(o.input), o.input)
      const defaultFrequencies = options.defaultFrequencies ?? (await shippedDefaultFrequencies())
      const output = runKinshipBatch(batch, { ...options, defaultFrequencies })
      const text = `${JSON.stringify(output, null, 2)}\n`
      if (o.output) await fs.writeFile(o.output, text)
      else process.stdout.write(text)
    })
}
