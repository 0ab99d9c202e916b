import path from 'node:path'
import type { Command } from 'commander'
import { withDatabase } from './runtime.ts'
import { EXIT, print } from './output.ts'
import { invalid } from '../platform/errors.ts'
import { migrateDatabase } from '../platform/db/migrate.ts'
import { backupDatabase, restoreDatabase } from '../platform/db/backup.ts'
import { verifyAuditChain } from '../platform/audit/verify.ts'
import { sealAuditChain } from '../platform/audit/seal.ts'
import { loadDivisions } from '../modules/identity/index.ts'
import fs from 'node:fs/promises'
import { listCalendarDays, parseCalendarCsv, setCalendarDays } from '../platform/deadlines/calendar-admin.ts'
import { table } from './output.ts'

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

  const calendar = program.command('calendar').description('the working-day calendar used by working-day deadlines (holidays, 调休)')
  calendar
    .command('set')
    .description('mark one day as a holiday or a working day')
    .argument('<date>', 'YYYY-MM-DD')
    .option('--holiday', 'a day off (e.g. 国庆节)')
    .option('--working', 'a weekend day worked in exchange (调休上班)')
    .option('--note <note>')
    .action((day: string, o: { holiday?: boolean; working?: boolean; note?: string }) =>
      withDatabase(async ({ ctx }) => {
        if (Boolean(o.holiday) === Boolean(o.working)) throw invalid('cli.invalid_option', 'give exactly one of --holiday or --working')
        await setCalendarDays(ctx, [{ day, isWorkingDay: Boolean(o.working), note: o.note ?? null }])
        process.stdout.write(`${day} is now a ${o.working ? 'working day' : 'holiday'}\n`)
      }),
    )
  calendar
    .command('import')
    .description('import a CSV of `date,holiday|working,note` lines (e.g. the State Council schedule for a year)')
    .argument('<file>')
    .action((file: string) =>
      withDatabase(async ({ ctx }) => {
        const n = await setCalendarDays(ctx, parseCalendarCsv(await fs.readFile(file, 'utf8')))
        process.stdout.write(`imported ${n} calendar days\n`)
      }),
    )
  calendar
    .command('list')
    .argument('<year>')
    .option('--json', 'machine-readable output')
    .action((year: string, o: { json?: boolean }) =>
      withDatabase(async ({ ctx }) => {
        const days = await listCalendarDays(ctx, Number(year))
        print(days, o, () =>
          days.length
            ? table(days as unknown as Record<string, unknown>[], ['day', 'isWorkingDay', 'note'])
            : `no exceptions recorded for ${year}: Monday to Friday are working days`,
        )
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
        // Chaining what has committed is what the server does anyway; verifying without it would skip recent entries.
        await sealAuditChain(ctx.db)
        const result = await verifyAuditChain(ctx.db)
        print(result, o, () =>
          result.ok
            ? `audit chain intact: ${result.checked} entries verified${result.pending ? ` (${result.pending} committed meanwhile, not yet chained)` : ''}`
            : `AUDIT CHAIN BROKEN at entry ${result.firstBroken!.seq}: ${result.firstBroken!.reason} (${result.checked} entries before it verified)`,
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
        process.stdout.write(
          `restored ${result.rows} rows into ${result.tables} tables at ${runtime.database.location}; audit chain verified\n`,
        )
      }),
    )
}
