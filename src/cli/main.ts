import { createRequire } from 'node:module'
import { Command, CommanderError } from 'commander'
import { EXIT, exitCodeFor } from './output.ts'
import { registerServe } from './serve.ts'
import { registerAdmin } from './admin.ts'
import { registerMaintenance } from './maintenance.ts'
import { registerDna } from './dna.ts'
import { registerDnaLr } from './dna-lr.ts'
import { registerDnaYstr } from './dna-ystr.ts'

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string }

const program = new Command()
  .name('tuanyuan')
  .version(version)
  .description(
    '团圆 Tuanyuan: missing-child cases, alerts, clues and DNA. Commands that use the database read DATABASE_URL or TUANYUAN_DATA_DIR.',
  )
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()

registerServe(program)
registerAdmin(program)
registerMaintenance(program)
const dna = registerDna(program)
registerDnaLr(dna)
registerDnaYstr(dna)

try {
  await program.parseAsync(process.argv)
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage
  } else {
    const { code, message } = exitCodeFor(error)
    process.stderr.write(`tuanyuan: ${message}\n`)
    process.exitCode = code
  }
}
