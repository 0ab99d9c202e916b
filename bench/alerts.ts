// Issue 5's figures in one run (`npm run bench:alerts`): subscriber selection for 500 km circles among 10 M
// subscribers over China (exactly the brute-force set, memory per subscriber), then publishing to 50 partner
// endpoints through the real approval on PGlite and PostgreSQL. One JSON line per figure.
import { runSubscriberBench } from './alerts-subscribers.ts'
import { runWebhookBench } from './alerts-webhooks.ts'

runSubscriberBench(Number(process.env.BENCH_SUBSCRIBERS ?? 10_000_000), {
  queriesPerCity: Number(process.env.BENCH_QUERIES_PER_CITY ?? 20),
})
await runWebhookBench()
