// Startup time of `tuanyuan serve`, from process spawn to the first successful /api/health:
// on an empty data folder (migrate, load divisions, seed demo) and on an existing one.
// Prints one JSON line per figure: {"bench","metric","value","unit"}.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const MAIN = path.resolve(import.meta.dirname, '../src/cli/main.ts')
const RUNS = Number(process.env.BENCH_RUNS ?? 3)

async function timeStart(dataDir: string, port: number): Promise<number> {
  const started = performance.now()
  const child = spawn(process.execPath, [MAIN, 'serve'], {
    env: { ...process.env, TUANYUAN_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
  })
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return performance.now() - started
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 60_000) throw new Error('server did not start within 60 s')
      await new Promise((r) => setTimeout(r, 20))
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const emit = (metric: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ bench: 'startup', metric, value: Math.round(value * 10) / 10, unit })}\n`)

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ty-bench-'))
try {
  const first: number[] = []
  const again: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const dir = path.join(root, `data-${i}`)
    first.push(await timeStart(dir, 18600 + i))
    again.push(await timeStart(dir, 18700 + i))
  }
  emit('first_start_empty_data_folder_median', median(first), 'ms')
  emit('restart_existing_data_folder_median', median(again), 'ms')
  emit('restart_over_first_start', median(again) / median(first), 'ratio')
} finally {
  fs.rmSync(root, { recursive: true, force: true })
}
