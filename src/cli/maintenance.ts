import path from 'node:path'
import type { Command } from 'commander'
import { withDatabase } from './runtime.ts'
import { EXIT, print } from './output.ts'
import { migrateDatabase } from '../platform/db/migrate.ts'
import { backupDatabase, restoreDatabase } from '../platform/db/backup.ts'
import { verifyAuditChain } from '../platform/audit/verify.ts'
import { loadDivisions } from '../modules/identity/index.ts'

export function registerMaintenance(program: Command) {
  program
    .command('migrate')
    .description('apply pending database migrations (the server also does this on start)')
    .action(() =>
      withDatabase(
        async ({ runtime }) => {
          await migrateDatabase(runtime.database)
          process.stdout.write(`database at ${runtime.database.location} is up to date\n`)
        },
        { migrate: false },
      ),
    )

  program
    .command('divisions')
    .description('administrative divisions (GB/T 2260)')
    .command('load')
    .description('load or reload divisions from the installed data package (upgrade the package for a newer release)')
    .action(() =>
      withDatabase(async ({ ctx }) => {
        const n = await loadDivisions(ctx.db, ctx.now())
        await ctx.audit({ action: 'division.load', details: { count: n } })
        process.stdout.write(`loaded ${n} divisions\n`)
      }),
    )

  program
    .command('audit')
    .description('the audit log')
    .command('verify')
    .description('check the hash chain of the audit log; exits 1 and names the first broken entry if it was tampered with')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) =>
      withDatabase(async ({ ctx }) => {
        const result = await verifyAuditChain(ctx.db)
        print(result, o, () =>
          result.ok ? `audit chain intact: ${result.checked} entries verified` : `AUDIT CHAIN BROKEN at entry ${result.firstBroken!.seq}: ${result.firstBroken!.reason} (${result.checked} entries before it verified)`,
        )
        if (!result.ok) process.exitCode = EXIT.failure
      }),
    )

  program
    .command('backup')
    .description('write a backup of the whole database to FILE (gzip JSON lines; restores into either backend)')
    .argument('<file>')
    .action((file: string) =>
      withDatabase(async ({ ctx, runtime }) => {
        const target = path.resolve(file)
        const result = await backupDatabase(runtime.database, target, ctx.now())
        process.stdout.write(`backed up ${result.rows} rows from ${result.tables} tables to ${target}\n`)
      }),
    )

  program
    .command('restore')
    .description('restore FILE into an empty database (a new data folder or PostgreSQL database), all or nothing')
    .argument('<file>')
    .action((file: string) =>
      withDatabase(async ({ runtime }) => {
        const result = await restoreDatabase(runtime.database, path.resolve(file))
        process.stdout.write(`restored ${result.rows} rows into ${result.tables} tables at ${runtime.database.location}; audit chain verified\n`)
      }),
    )
}
