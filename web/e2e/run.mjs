// End-to-end tests of the web app against a real `planscore serve`, in headless Chromium.
// Only node's own test runner and playwright-core.
//
// Every flow is a file in flows/ that builds its own world (harness.mjs): a temporary
// directory, a fresh demo database made by the CLI, one account per role, its own server on
// a free port and its own browser. A flow that fails hides nothing from the others, and
// any flow runs alone. This runner runs the flows, each in its own node process, and
// reports every one that failed; it exits non-zero if any did.
//
//   node e2e/run.mjs                       every flow (from web/, after `npm run build`)
//   node e2e/run.mjs year-lock downloads   only these flows (file names in flows/)
//   E2E_FLOWS=year-lock node e2e/run.mjs   the same, by environment
//   node e2e/run.mjs --list                the flows' names
//   node --test e2e/flows/year-lock.test.mjs   one flow with node's own runner
//
//   PLANSCORE_BINARY=../build/planscore    the server (default ../build/planscore)
//   PLANSCORE_WEB_ROOT=dist                the built app (default dist)
//   CHROMIUM=/usr/bin/chromium             the browser
//   E2E_CONCURRENCY=2                      flows at a time (default 2)
//   E2E_KEEP=1                             keep every flow's temporary database and server
//                                          log (a flow whose server did not end cleanly
//                                          keeps them anyway)
//
// Screenshots of every page go to test-output/screenshots/ (1280×900, and some at 768px).
// Steps wait for elements and responses, never for fixed times.
import { run } from 'node:test'
import { spec } from 'node:test/reporters'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const flowsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'flows')
const suffix = '.test.mjs'
const all = readdirSync(flowsDir)
  .filter((file) => file.endsWith(suffix))
  .map((file) => file.slice(0, -suffix.length))
  .sort()

const args = process.argv.slice(2)
if (args.includes('--list')) {
  console.log(all.join('\n'))
  process.exit(0)
}
const wanted = args.length > 0 ? args : (process.env.E2E_FLOWS ?? '').split(/[\s,]+/).filter(Boolean)
const unknown = wanted.filter((name) => !all.includes(name.replace(suffix, '')))
if (unknown.length > 0) {
  console.error(`no such flow: ${unknown.join(', ')}; the flows are:\n  ${all.join('\n  ')}`)
  process.exit(2)
}
// The slowest flows start first, so that the others fill the second slot around them.
const slowest = ['screenshots', 'review-chain', 'year-lock']
const rank = (name) => (slowest.includes(name) ? slowest.indexOf(name) : slowest.length)
const flows = (wanted.length > 0 ? wanted.map((name) => name.replace(suffix, '')) : all).sort(
  (a, b) => rank(a) - rank(b) || a.localeCompare(b),
)
const concurrency = Math.max(1, Number(process.env.E2E_CONCURRENCY ?? 2) || 1)

const flowOf = (file) => (file ? path.basename(file, suffix) : '?')
const failed = new Set()
const started = Date.now()
const stream = run({ files: flows.map((name) => path.join(flowsDir, name + suffix)), concurrency })
stream.on('test:fail', (event) => failed.add(flowOf(event.file)))
const report = stream.compose(new spec())
report.pipe(process.stdout)
report.on('end', () => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const passed = flows.filter((name) => !failed.has(name))
  console.log(`\n# e2e: ${passed.length} of ${flows.length} flows passed in ${seconds} s`)
  if (failed.size > 0) {
    console.log(`# failed: ${[...failed].sort().join(', ')}`)
    console.log(`# one alone: node e2e/run.mjs ${[...failed].sort()[0]}`)
    process.exitCode = 1
  }
})
