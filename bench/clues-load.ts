// The load generator of bench/clues.ts, in its own process so that it does not share the server's event loop.
// Told {url, ...} over IPC, it fetches and solves a pool of challenges (worker threads, before the clock
// starts), then posts tips from many client addresses (X-Forwarded-For) for the given time, and answers the
// figures. One extra connection plays an abuser: a single address, no proof of work, at a fixed rate.
import http from 'node:http'
import os from 'node:os'
import { Worker } from 'node:worker_threads'
import type { ProofOfWorkChallenge, ProofOfWorkSolution } from '../src/platform/http/abuse/schema.ts'

export interface LoadOptions {
  url: string
  seconds: number
  concurrency: number
  tips: number
  clients: number
  /** Added to the client number, so that a second run starts with untouched buckets. */
  firstClient: number
  abuserPerSecond: number
}

export interface LoadResult {
  challengesFetchedPerSecond: number
  solvedPerSecond: number
  meanSolveMs: number
  seconds: number
  accepted: number
  /** Milliseconds of each accepted tip, sorted. */
  latencies: number[]
  byStatus: Record<string, number>
  byCode: Record<string, number>
  abuser: { sent: number; byCode: Record<string, number> }
  poolExhausted: boolean
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

function request(url: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** 10.a.b.c: one address per simulated client. */
const clientIp = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`

async function inParallel(count: number, width: number, task: (i: number) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await task(next++)
    }),
  )
}

async function fetchChallenges(options: LoadOptions): Promise<ProofOfWorkChallenge[]> {
  const challenges = new Array<ProofOfWorkChallenge>(options.tips)
  await inParallel(options.tips, 16, async (i) => {
    const res = await request(`${options.url}/api/public/challenge`, 'GET', {
      'x-forwarded-for': clientIp(options.firstClient + (i % options.clients)),
    })
    if (res.status !== 200) throw new Error(`GET /api/public/challenge: ${res.status} ${res.body}`)
    challenges[i] = JSON.parse(res.body) as ProofOfWorkChallenge
  })
  return challenges
}

const SOLVER = `
const { parentPort, workerData } = require('node:worker_threads')
import(workerData.module).then(({ solveChallengeSync }) => {
  parentPort.postMessage(workerData.challenges.map((c) => solveChallengeSync(c)))
})`

async function solveAll(challenges: ProofOfWorkChallenge[]): Promise<ProofOfWorkSolution[]> {
  const workers = os.availableParallelism()
  const module = new URL('../src/platform/http/abuse/testing.ts', import.meta.url).href
  const shares = Array.from({ length: workers }, (_, w) => challenges.filter((_, i) => i % workers === w))
  const solved = await Promise.all(
    shares.map(
      (share) =>
        new Promise<ProofOfWorkSolution[]>((resolve, reject) => {
          const worker = new Worker(SOLVER, { eval: true, workerData: { module, challenges: share } })
          worker.once('message', resolve)
          worker.once('error', reject)
        }),
    ),
  )
  return challenges.map((_, i) => solved[i % workers][Math.floor(i / workers)])
}

function tipBody(i: number): string {
  return JSON.stringify({
    subject: `地铁站附近看到疑似走失儿童 #${i}`,
    text: `第 ${i} 条：一名约五岁的男孩，穿黄色雨衣，与一名成年男子同行，往科技园方向走去。`,
    seenAt: new Date(Date.now() - 3_600_000).toISOString(),
    place: { divisionCode: '440305', address: `深圳市南山区科技园站 ${i % 4} 号口`, lat: 22.54 + (i % 100) / 10_000, lon: 113.95 },
  })
}

const count = (tally: Record<string, number>, key: string) => (tally[key] = (tally[key] ?? 0) + 1)
const codeOf = (body: string) => {
  try {
    return String((JSON.parse(body) as { code?: string }).code ?? 'none')
  } catch {
    return 'unreadable'
  }
}

async function run(options: LoadOptions): Promise<LoadResult> {
  const fetchStart = performance.now()
  const challenges = await fetchChallenges(options)
  const fetched = performance.now()
  const solutions = await solveAll(challenges)
  const solved = performance.now()
  const headers = challenges.map((challenge, i) => ({
    'content-type': 'application/json',
    'x-forwarded-for': clientIp(options.firstClient + (i % options.clients)),
    'x-proof-of-work': Buffer.from(JSON.stringify({ challenge, solution: solutions[i] })).toString('base64'),
  }))
  const bodies = challenges.map((_, i) => tipBody(i))

  const latencies: number[] = []
  const byStatus: Record<string, number> = {}
  const byCode: Record<string, number> = {}
  const abuser = { sent: 0, byCode: {} as Record<string, number> }
  const start = performance.now()
  const deadline = start + options.seconds * 1000
  let next = 0
  const tipper = async () => {
    while (performance.now() < deadline && next < options.tips) {
      const i = next++
      const sent = performance.now()
      const res = await request(`${options.url}/api/public/tips`, 'POST', headers[i], bodies[i])
      count(byStatus, String(res.status))
      if (res.status === 201) latencies.push(performance.now() - sent)
      else count(byCode, codeOf(res.body))
    }
  }
  const abuse = async () => {
    const body = tipBody(-1)
    const headers = { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.66' }
    while (performance.now() < deadline && next < options.tips) {
      const res = await request(`${options.url}/api/public/tips`, 'POST', headers, body)
      abuser.sent++
      count(abuser.byCode, res.status === 201 ? 'created' : codeOf(res.body))
      await new Promise((r) => setTimeout(r, 1000 / options.abuserPerSecond))
    }
  }
  await Promise.all([...Array.from({ length: options.concurrency }, tipper), ...(options.abuserPerSecond > 0 ? [abuse()] : [])])
  const seconds = (performance.now() - start) / 1000
  return {
    challengesFetchedPerSecond: options.tips / ((fetched - fetchStart) / 1000),
    solvedPerSecond: options.tips / ((solved - fetched) / 1000),
    meanSolveMs: ((solved - fetched) * os.availableParallelism()) / options.tips,
    seconds,
    accepted: latencies.length,
    latencies: latencies.sort((a, b) => a - b),
    byStatus,
    byCode,
    abuser,
    poolExhausted: next >= options.tips,
  }
}

process.once('message', (options: LoadOptions) => {
  run(options).then(
    (result) => process.send!(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
})
