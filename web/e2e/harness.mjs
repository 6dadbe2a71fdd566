// The shared harness of the end-to-end flows (see run.mjs): every flow builds its own world
// with world() — a temporary directory, a fresh demo database made by the CLI, one account
// per role, a `planscore serve --port 0` on it and a headless Chromium — in its before()
// hook, and tears it down in after(), where the server must end cleanly on SIGTERM.
import { after, before } from 'node:test'
import assert from 'node:assert/strict'
import { execFile, spawn } from 'node:child_process'
import { promisify } from 'node:util'
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const binary = path.resolve(webDir, process.env.PLANSCORE_BINARY ?? '../build/planscore')
const webRoot = path.resolve(webDir, process.env.PLANSCORE_WEB_ROOT ?? 'dist')
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium'
export const shots = path.join(webDir, 'test-output', 'screenshots')
export const YEAR = 105

// The accounts every world has: name → [role, section].
const ACCOUNTS = {
  admin: ['admin'],
  planner: ['planner'],
  editor: ['section_editor', 'documents'],
  reviewer: ['section_reviewer', 'documents'],
  viewer: ['viewer'],
}

export const test = (selector) => `[data-test="${selector}"]`
export const number = (text) => Number(String(text).replace(/[^\d.-]/g, ''))

export function lightLabel(light) {
  return { green: '綠燈', yellow: '黃燈', red: '紅燈', white: '白燈' }[light] ?? light
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
}

// Clicks a confirmation dialog's button once it has finished opening and resolves to the
// server's answer that `isAnswer` picks out (a response waited for from before the click).
async function confirmAndWait(page, button, isAnswer) {
  const confirm = page.locator(test(button))
  await confirm.waitFor({ state: 'visible' })
  const answered = page.waitForResponse(isAnswer)
  await confirm.click()
  return answered
}

// One review step on the indicator page as a person takes it: the step's button, then the
// confirmation every step asks for (action-confirm). Resolves to the server's answer to
// the step, for the caller to check.
export async function takeReviewStep(page, action) {
  await page.click(test(`action-${action}`))
  return confirmAndWait(
    page,
    'action-confirm',
    (r) => r.request().method() === 'POST' && /\/api\/reviews\/\d+\/[^/]+\/actions$/.test(new URL(r.url()).pathname),
  )
}

// Locks `year` on the evaluation page: the lock button, then its confirmation
// (lock-confirm). Resolves to the server's answer to the lock.
export async function lockYear(page, year) {
  await page.click(test('lock-year'))
  return confirmAndWait(page, 'lock-confirm', (r) => r.request().method() === 'POST' && r.url().endsWith(`/api/years/${year}/lock`))
}

// Registers before()/after() hooks in the calling describe() that build and tear down a
// fresh world; its fields are there once before() has run. `name` names the temporary
// directory.
export function world(name) {
  const w = new World(name)
  before(() => w.start(), { timeout: 60_000 })
  after(() => w.stop(), { timeout: 30_000 })
  return w
}

const run = promisify(execFile)

class World {
  constructor(name) {
    this.name = name
    this.base = '' // http://127.0.0.1:PORT
    this.passwords = {}
    this.openContexts = new Set()
  }

  async start() {
    assert.ok(existsSync(binary), `no server at ${binary}: build it first (make build) or set PLANSCORE_BINARY`)
    assert.ok(existsSync(path.join(webRoot, 'index.html')), `no built app in ${webRoot}: run npm run build first`)
    assert.ok(existsSync(chromiumPath), `no browser at ${chromiumPath}: apt-get install chromium, or set CHROMIUM`)
    mkdirSync(shots, { recursive: true })
    this.work = mkdtempSync(path.join(tmpdir(), `planscore-e2e-${this.name}-`))
    this.db = path.join(this.work, 'planscore.db')
    this.serverLog = path.join(this.work, 'server.log')
    // The browser starts while the database is made and the server starts.
    const browser = chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
    this.launching = browser.catch(() => null) // for stop(), should a later step fail
    await this.planscore('init', '--demo')
    for (const [user, [role, section]] of Object.entries(ACCOUNTS)) await this.addUser(user, role, section)
    await this.startServer()
    for (const user of Object.keys(ACCOUNTS)) await this.completeFirstSignIn(user)
    this.admin = await this.apiSession('admin')
    this.browser = await browser
  }

  async stop() {
    for (const context of this.openContexts) await context.close().catch(() => {})
    await (this.browser ?? (await this.launching))?.close()
    let ended = null
    const server = this.server
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM')
      let timer
      const [code, signal] = await Promise.race([
        this.serverExit,
        new Promise((resolve) => (timer = setTimeout(() => resolve(['timeout', null]), 10_000))),
      ])
      clearTimeout(timer)
      if (code === 'timeout') {
        server.kill('SIGKILL')
        await this.serverExit
      }
      if (code !== 0) ended = `the server ended with ${code ?? signal} after SIGTERM; its log: ${this.serverLog}`
    } else if (server) {
      ended = `the server ended by itself (${server.exitCode ?? server.signalCode}); its log: ${this.serverLog}`
    }
    const keep = process.env.E2E_KEEP || ended
    if (this.work && keep) console.log(`# kept ${this.work}`)
    else if (this.work) rmSync(this.work, { recursive: true, force: true })
    assert.equal(ended, null, ended ?? '')
  }

  // ---- the server and its accounts

  // Runs the CLI on the world's database; resolves with its standard output.
  async planscore(...args) {
    const { stdout } = await run(binary, ['--db', this.db, ...args], { encoding: 'utf8' })
    return stdout
  }

  async addUser(name, role, section) {
    const output = await this.planscore('user', 'add', name, '--role', role, ...(section ? ['--section', section] : []))
    const match = /password \(shown once; to be changed at the first sign-in\): (\S+)/.exec(output)
    assert.ok(match, `no password in the output of "user add ${name}": ${output}`)
    this.passwords[name] = match[1]
  }

  // The password `user add` printed must be replaced at the first sign-in; done here
  // through the API for the world's accounts (the user-create flow does it in the browser).
  async completeFirstSignIn(username) {
    const given = this.passwords[username]
    const own = `${given}-own`
    const signIn = await fetch(`${this.base}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: given }),
    })
    assert.equal(signIn.status, 201, `${username} cannot sign in through the API`)
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]
    const { csrf_token: token, user } = await signIn.json()
    assert.equal(user.must_change_password, true, `${username} was not asked for a password of their own`)
    const changed = await fetch(`${this.base}/api/session/password`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ current_password: given, new_password: own }),
    })
    assert.equal(changed.status, 204, `${username} cannot change the password: ${await changed.text()}`)
    this.passwords[username] = own
  }

  startServer() {
    const server = spawn(binary, ['--db', this.db, 'serve', '--port', '0', '--web-root', webRoot], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.server = server
    this.serverExit = new Promise((resolve) => server.once('exit', (code, signal) => resolve([code, signal])))
    let log = ''
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not say where it listens:\n${log}`)), 20_000)
      const read = (chunk) => {
        if (!this.base) log += chunk
        appendFileSync(this.serverLog, chunk)
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log)
        if (match && !this.base) {
          this.base = match[1]
          clearTimeout(timer)
          resolve()
        }
      }
      server.stdout.setEncoding('utf8').on('data', read)
      server.stderr.setEncoding('utf8').on('data', read)
      server.once('exit', (code) => reject(new Error(`the server ended (${code}) before listening:\n${log}`)))
    })
  }

  // The JSON API with a user's session, from node (fast set-up steps, and checks).
  async apiSession(username) {
    const base = this.base
    const response = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: this.passwords[username] }),
    })
    assert.ok(response.ok, `${username} cannot sign in through the API: ${response.status}`)
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]
    const { csrf_token: token } = await response.json()
    const call = async (method, route, body) => {
      const reply = await fetch(base + route, {
        method,
        headers: { Cookie: cookie, 'X-CSRF-Token': token, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      })
      const text = await reply.text()
      const json = text ? JSON.parse(text) : null
      if (!reply.ok) throw new Error(`${method} ${route}: ${reply.status} ${text}`)
      return json
    }
    return {
      get: (route) => call('GET', route),
      post: (route, body) => call('POST', route, body ?? {}),
      put: (route, body) => call('PUT', route, body ?? {}),
    }
  }

  async recordTotal(year) {
    const page = await this.admin.get(`/api/registers/records_trainings/records?year=${year}&limit=1`)
    return page.total
  }

  async b1History(year) {
    const history = await this.admin.get('/api/plan/indicators/b1-1/history')
    return history.years.find((row) => row.year === year)
  }

  // Takes every indicator of a year to second_reviewed through the API.
  // Every indicator of `year` to its second review through the API: the administrator
  // submits (explaining a missed target), a second administrator gives the first review and
  // the planner the second, since separation of duties keeps a person to one step of each.
  async reviewYear(year) {
    if (!this.passwords.admin2) {
      await this.addUser('admin2', 'admin')
      await this.completeFirstSignIn('admin2')
    }
    const sessions = {
      submit: this.admin,
      first_review: await this.apiSession('admin2'),
      second_review: await this.apiSession('planner'),
    }
    const next = { draft: 'submit', returned: 'submit', submitted: 'first_review', first_reviewed: 'second_review' }
    const { reviews } = await this.admin.get(`/api/reviews/${year}`)
    for (let review of reviews) {
      // A result below its target is submitted with its 未達成原因及改善措施.
      if (review.explanation === '' && (review.state === 'draft' || review.state === 'returned'))
        review = await this.admin.put(`/api/reviews/${year}/${review.indicator_id}/explanation`, {
          explanation: '端對端測試：說明未達成原因及改善措施',
          version: review.version,
        })
      while (review.state !== 'second_reviewed') {
        const action = next[review.state]
        review = await sessions[action].post(`/api/reviews/${year}/${review.indicator_id}/actions`, {
          action,
          comment: '',
          version: review.version,
        })
      }
    }
    return reviews.length
  }

  // ---- the browser

  // A new browser context signed in as `username`, on the page the sign-in leads to.
  async signIn(username, { width = 1280, height = 900 } = {}) {
    const page = await this.newPage({ width, height })
    await page.goto(`${this.base}/login`)
    await page.fill('#login-username', username)
    await page.fill('#login-password', this.passwords[username])
    await page.click('button[type=submit]')
    await page.waitForURL((url) => !url.pathname.startsWith('/login'))
    return page
  }

  // A page in a new context with no session; done() closes it.
  async newPage({ width = 1280, height = 900 } = {}) {
    const context = await this.browser.newContext({ viewport: { width, height }, locale: 'zh-TW', timezoneId: 'Asia/Taipei' })
    this.openContexts.add(context)
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    page.errors = []
    page.on('pageerror', (error) => page.errors.push(error.message))
    return page
  }

  // Closes a page's context and checks that the page threw nothing.
  async done(page) {
    const context = page.context()
    this.openContexts.delete(context)
    await context.close()
    assert.deepEqual(page.errors, [], 'the page threw errors')
  }

  // Opens the trainings register for a year and waits until its count shows that year's
  // total (the API's).
  async openRegister(page, year) {
    await page.goto(`${this.base}/registers/records_trainings`)
    await page.waitForSelector(test('record-total'))
    await page.selectOption(test('record-year'), String(year))
    const total = await this.recordTotal(year)
    await page.locator(test('record-total'), { hasText: new RegExp(`(^|\\D)${total}(\\D|$)`) }).waitFor()
  }

  // Opens the new-record dialog and waits until it has finished opening: the dialog puts
  // the cursor in its first field when its animation ends, and a fill racing that (a slow
  // machine) types into the wrong field.
  async openNewRecord(page) {
    await page.click(test('add-record'))
    const dialog = page.locator(test('record-dialog'))
    await page.waitForFunction(() => document.activeElement?.id === 'record-field-held_on')
    return dialog
  }

  async openIndicator(page, id, year) {
    await page.goto(`${this.base}/indicators/${id}?year=${year}`)
    await page.waitForSelector(test(`actual-${year}`))
    await page.waitForSelector(test('review-state'))
  }
}
