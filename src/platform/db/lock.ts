import fs from 'node:fs/promises'
import path from 'node:path'
import lockfile from 'proper-lockfile'

export interface DataDirLock {
  release(): Promise<void>
}

/** Thrown when another process holds the data folder; the CLI turns it into a clear message. */
export class DataDirBusyError extends Error {
  readonly holder: string
  constructor(dataDir: string, holder: string) {
    super(
      `the data folder ${dataDir} is in use by another Tuanyuan process (${holder}). ` +
        'PGlite allows one process only: stop the server first, or use the web console or API.',
    )
    this.name = 'DataDirBusyError'
    this.holder = holder
  }
}

const LOCK_NAME = 'tuanyuan.lock'
const OWNER_FILE = 'tuanyuan.owner'

/**
 * PGlite keeps no lock of its own, and a second process writing the same folder loses data
 * silently. The lock is refreshed while held and considered stale 20 s after its holder died.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const lockPath = path.join(dataDir, LOCK_NAME)
  const ownerPath = path.join(dataDir, OWNER_FILE)
  let release: () => Promise<void>
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      stale: 20_000,
      update: 5_000,
      realpath: false,
      onCompromised: (error) => {
        // Another process took the folder over: continuing would corrupt it.
        console.error(`data folder lock lost: ${error.message}; stopping to protect the data`)
        process.exit(70)
      },
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      const holder = await fs.readFile(ownerPath, 'utf8').catch(() => 'unknown process')
      throw new DataDirBusyError(dataDir, holder.trim())
    }
    throw error
  }
  await fs.writeFile(ownerPath, `pid ${process.pid}, ${process.argv.slice(2).join(' ') || 'node'}, since ${new Date().toISOString()}`)
  return {
    async release() {
      await fs.rm(ownerPath, { force: true })
      await release()
    },
  }
}
