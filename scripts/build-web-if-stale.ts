// `npm start` runs this first: it rebuilds the console only when a source is newer than web/dist, so a
// fresh clone works with one command and a restart costs nothing.
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = fileURLToPath(new URL('..', import.meta.url))
const webDir = path.join(repo, 'web')
const distDir = path.join(webDir, 'dist')
const builtIndex = path.join(distDir, 'index.html')
// The browser tests live under web/ but are not part of the bundle; editing them needs no rebuild.
const SKIPPED_DIRS = new Set([distDir, path.join(webDir, 'node_modules'), path.join(webDir, 'e2e')])

interface Newest {
  file: string
  mtimeMs: number
}

async function mtimeOf(file: string): Promise<number | null> {
  try {
    return (await fs.stat(file)).mtimeMs
  } catch {
    return null
  }
}

/** The most recently modified file under `dir`, skipping the build output. */
async function newestFile(dir: string): Promise<Newest | null> {
  let newest: Newest | null = null
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    let candidate: Newest | null = null
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(full)) candidate = await newestFile(full)
    } else if (entry.isFile()) {
      candidate = { file: full, mtimeMs: (await fs.stat(full)).mtimeMs }
    }
    if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate
  }
  return newest
}

/** Why a build is needed, or null when web/dist is current. */
async function staleReason(): Promise<string | null> {
  const builtAt = await mtimeOf(builtIndex)
  if (builtAt === null) return 'web/dist/index.html is missing'
  const sources = await newestFile(webDir)
  const lockAt = await mtimeOf(path.join(repo, 'package-lock.json'))
  if (sources && sources.mtimeMs > builtAt) return `${path.relative(repo, sources.file)} changed since the last build`
  if (lockAt !== null && lockAt > builtAt) return 'package-lock.json changed since the last build'
  return null
}

async function main() {
  if ((await mtimeOf(path.join(webDir, 'index.html'))) === null) {
    console.log(
      `web: no console sources in ${path.relative(repo, webDir) || 'web'}; serving ${(await mtimeOf(builtIndex)) ? 'the existing web/dist' : 'the API only'}`,
    )
    return
  }
  const reason = await staleReason()
  if (!reason) {
    console.log('web: web/dist is up to date; build skipped')
    return
  }
  const started = performance.now()
  const { build } = await import('vite')
  await build({ configFile: path.join(webDir, 'vite.config.ts'), logLevel: 'warn' })
  console.log(`web: built web/dist in ${((performance.now() - started) / 1000).toFixed(1)} s (${reason})`)
}

main().catch((error: unknown) => {
  console.error('web: build failed:', error instanceof Error ? error.message : error)
  process.exitCode = 1
})
