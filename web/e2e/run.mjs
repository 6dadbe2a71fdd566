// End-to-end tests of the web app against a real `planscore serve`: a fresh demo database,
// one account per role, headless Chromium. Only node's own test runner and playwright-core.
//
//   node e2e/run.mjs                       (from web/, after `npm run build`)
//   PLANSCORE_BINARY=../build/planscore    the server (default ../build/planscore)
//   PLANSCORE_WEB_ROOT=dist                the built app (default dist)
//   CHROMIUM=/usr/bin/chromium             the browser
//   E2E_KEEP=1                             keep the temporary database and server log
//
// Screenshots of every page go to test-output/screenshots/ (1280×900, and some at 768px).
// Steps wait for elements and responses, never for fixed times.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const binary = path.resolve(webDir, process.env.PLANSCORE_BINARY ?? '../build/planscore')
const webRoot = path.resolve(webDir, process.env.PLANSCORE_WEB_ROOT ?? 'dist')
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const shots = path.join(webDir, 'test-output', 'screenshots')
const YEAR = 105

const work = mkdtempSync(path.join(tmpdir(), 'planscore-e2e-'))
const db = path.join(work, 'planscore.db')
const serverLog = path.join(work, 'server.log')

let server // the `planscore serve` child process
let serverExit // resolves with [code, signal] when it ends
let base = '' // http://127.0.0.1:PORT
let browser
const passwords = {}
const openContexts = new Set()

// ---- the server and its accounts

function planscore(...args) {
  return execFileSync(binary, ['--db', db, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

function addUser(name, role, section) {
  const output = planscore('user', 'add', name, '--role', role, ...(section ? ['--section', section] : []))
  const match = /password \(shown once; change it after signing in\): (\S+)/.exec(output)
  assert.ok(match, `no password in the output of "user add ${name}": ${output}`)
  passwords[name] = match[1]
}

function startServer() {
  server = spawn(binary, ['--db', db, 'serve', '--port', '0', '--web-root', webRoot], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  serverExit = new Promise((resolve) => server.once('exit', (code, signal) => resolve([code, signal])))
  let log = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not say where it listens:\n${log}`)), 20_000)
    const read = (chunk) => {
      if (!base) log += chunk
      appendFileSync(serverLog, chunk)
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log)
      if (match && !base) {
        base = match[1]
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
async function apiSession(username) {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: passwords[username] }),
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
  return { get: (route) => call('GET', route), post: (route, body) => call('POST', route, body ?? {}) }
}

let admin // the administrator's API session

async function recordTotal(year) {
  const page = await admin.get(`/api/registers/records_trainings/records?year=${year}&limit=1`)
  return page.total
}

async function b1History(year) {
  const history = await admin.get('/api/plan/indicators/b1-1/history')
  return history.years.find((row) => row.year === year)
}

// ---- the browser

async function signIn(username, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-TW', timezoneId: 'Asia/Taipei' })
  openContexts.add(context)
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.errors = []
  page.on('pageerror', (error) => page.errors.push(error.message))
  await page.goto(`${base}/login`)
  await page.fill('#login-username', username)
  await page.fill('#login-password', passwords[username])
  await page.click('button[type=submit]')
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  return page
}

async function done(page) {
  const context = page.context()
  openContexts.delete(context)
  await context.close()
  assert.deepEqual(page.errors, [], 'the page threw errors')
}

const test = (selector) => `[data-test="${selector}"]`
const number = (text) => Number(String(text).replace(/[^\d.-]/g, ''))

function lightLabel(light) {
  return { green: '綠燈', yellow: '黃燈', red: '紅燈', white: '白燈' }[light] ?? light
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
}

// Opens the trainings register for a year and waits until its count shows that year's
// total (the API's).
async function openRegister(page, year) {
  await page.goto(`${base}/registers/records_trainings`)
  await page.waitForSelector(test('record-total'))
  await page.selectOption(test('record-year'), String(year))
  const total = await recordTotal(year)
  await page.locator(test('record-total'), { hasText: new RegExp(`(^|\\D)${total}(\\D|$)`) }).waitFor()
}

async function openIndicator(page, id, year) {
  await page.goto(`${base}/indicators/${id}?year=${year}`)
  await page.waitForSelector(test(`actual-${year}`))
  await page.waitForSelector(test('review-state'))
}

// ---- the suite

describe('planscore web app', () => {
  before(async () => {
    assert.ok(existsSync(binary), `no server at ${binary}: build it first (make build) or set PLANSCORE_BINARY`)
    assert.ok(existsSync(path.join(webRoot, 'index.html')), `no built app in ${webRoot}: run npm run build first`)
    assert.ok(existsSync(chromiumPath), `no browser at ${chromiumPath}: apt-get install chromium, or set CHROMIUM`)
    mkdirSync(shots, { recursive: true })
    planscore('init', '--demo')
    addUser('admin', 'admin')
    addUser('planner', 'planner')
    addUser('editor', 'section_editor', 'documents')
    addUser('reviewer', 'section_reviewer', 'documents')
    addUser('viewer', 'viewer')
    await startServer()
    admin = await apiSession('admin')
    browser = await chromium.launch({
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
  })

  after(async () => {
    for (const context of openContexts) await context.close().catch(() => {})
    await browser?.close()
    if (server && server.exitCode === null) {
      server.kill('SIGTERM')
      let timer
      const [code, signal] = await Promise.race([
        serverExit,
        new Promise((resolve) => (timer = setTimeout(() => resolve(['timeout', null]), 10_000))),
      ])
      clearTimeout(timer)
      if (code === 'timeout') server.kill('SIGKILL')
      if (code !== 0) console.error(`# the server ended with ${code ?? signal} after SIGTERM; its log: ${serverLog}`)
    }
    if (process.env.E2E_KEEP) console.log(`# kept ${work}`)
    else rmSync(work, { recursive: true, force: true })
  })

  it('a section editor adds a training record for 105; b1-1 shows the new actual value and light', { timeout: 90_000 }, async () => {
    const before = await b1History(YEAR)
    const totalBefore = await recordTotal(YEAR)
    const page = await signIn('editor')

    await openIndicator(page, 'b1-1', YEAR)
    assert.equal(number(await page.textContent(test(`actual-${YEAR}`))), before.actual)
    assert.match(await page.textContent(test(`light-${YEAR}`)), new RegExp(lightLabel(before.light)))

    await openRegister(page, YEAR)
    await page.click(test('add-record'))
    const dialog = page.locator(test('record-dialog'))
    await dialog.locator(test('field-held_on')).fill('105/06/01')
    await dialog.locator(test('field-title')).fill('端對端測試研習')
    await dialog.locator(test('field-participants')).fill('500')
    const created = page.waitForResponse((r) => r.url().endsWith('/api/registers/records_trainings/records') && r.request().method() === 'POST')
    await dialog.locator(test('save-record')).click()
    assert.equal((await created).status(), 201, 'the record was not created')
    await page.locator(test('record-row'), { hasText: '端對端測試研習' }).first().waitFor()
    assert.equal(await recordTotal(YEAR), totalBefore + 1)

    const afterwards = await b1History(YEAR)
    assert.equal(afterwards.actual, before.actual + 500)
    await openIndicator(page, 'b1-1', YEAR)
    assert.equal(number(await page.textContent(test(`actual-${YEAR}`))), afterwards.actual)
    assert.match(await page.textContent(test(`light-${YEAR}`)), new RegExp(lightLabel(afterwards.light)))
    assert.notEqual(afterwards.light, before.light, `the demo data should move b1-1 ${YEAR} from ${before.light}`)
    await done(page)
  })

  it('a CSV file with a bad date is refused in the preview and nothing is imported', { timeout: 60_000 }, async () => {
    const totalBefore = await recordTotal(YEAR)
    const page = await signIn('editor')
    await openRegister(page, YEAR)
    const shownBefore = await page.textContent(test('record-total'))
    await page.click(test('import-records'))
    const dialog = page.locator(test('import-dialog'))
    await dialog.locator(test('import-file')).setInputFiles({
      name: 'trainings.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('日期,研習名稱,參加人數\n105/03/01,正確的一列,10\n105/02/30,日期錯誤的一列,20\n'),
    })
    await dialog.locator(test('import-preview')).waitFor()
    const problems = dialog.locator(test('import-error'))
    await problems.first().waitFor()
    assert.equal(await problems.count(), 1)
    assert.match(await problems.first().textContent(), /105\/02\/30/)
    assert.ok(await dialog.locator(test('import-confirm')).isDisabled(), 'a file with problems can still be imported')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    assert.equal(await page.textContent(test('record-total')), shownBefore)
    assert.equal(await recordTotal(YEAR), totalBefore)
    await done(page)
  })

  it('b1-1 for 105: the editor submits, the section reviewer and the planner review', { timeout: 90_000 }, async () => {
    const steps = [
      ['editor', 'submit', '已送出'],
      ['reviewer', 'first_review', '已初核'],
      ['planner', 'second_review', '已複核'],
    ]
    for (const [user, action, state] of steps) {
      const page = await signIn(user)
      await openIndicator(page, 'b1-1', YEAR)
      for (const other of ['submit', 'first_review', 'second_review'].filter((a) => a !== action))
        assert.equal(await page.locator(test(`action-${other}`)).count(), 0, `${user} is offered ${other}`)
      const answered = page.waitForResponse((r) => r.url().includes(`/api/reviews/${YEAR}/b1-1/actions`))
      await page.click(test(`action-${action}`))
      assert.equal((await answered).status(), 200, `${action} was refused`)
      await page.locator(test('review-state'), { hasText: state }).waitFor()
      await done(page)
    }
    const review = await admin.get(`/api/reviews/${YEAR}/b1-1`)
    assert.equal(review.review.state, 'second_reviewed')
  })

  it('the planner locks 105 once all 13 indicators are reviewed; the editor can no longer add a 105 record', { timeout: 90_000 }, async () => {
    // The rest of the year's reviews through the API, so the test stays fast.
    const next = { draft: 'submit', returned: 'submit', submitted: 'first_review', first_reviewed: 'second_review' }
    let { reviews } = await admin.get(`/api/reviews/${YEAR}`)
    assert.equal(reviews.length, 13)
    for (let review of reviews) {
      while (review.state !== 'second_reviewed')
        review = await admin.post(`/api/reviews/${YEAR}/${review.indicator_id}/actions`, {
          action: next[review.state],
          comment: '',
          version: review.version,
        })
    }

    const planner = await signIn('planner')
    await planner.goto(`${base}/evaluation`)
    await planner.waitForSelector(test('year-select'))
    await planner.selectOption(test('year-select'), String(YEAR))
    await planner.waitForSelector(test('year-unlocked'))
    const b1 = await b1History(YEAR)
    const row = planner.locator(test('indicator-row-b1-1'))
    const shown = [String(b1.actual), b1.actual.toLocaleString('en-US')].join('|')
    await row.locator(test('actual'), { hasText: new RegExp(`(^|[^\\d,.])(${shown})([^\\d,.]|$)`) }).waitFor()
    assert.match(await row.locator(test('light')).textContent(), new RegExp(lightLabel(b1.light)))
    const locked = planner.waitForResponse((r) => r.url().endsWith(`/api/years/${YEAR}/lock`))
    await planner.click(test('lock-year'))
    assert.equal((await locked).status(), 200)
    await planner.waitForSelector(test('year-locked'))
    await shot(planner, 'evaluation-locked')
    await done(planner)
    const years = await admin.get('/api/years')
    assert.equal(years.find((item) => item.year === YEAR).locked, true)

    const totalBefore = await recordTotal(YEAR)
    const editor = await signIn('editor')
    await openRegister(editor, YEAR)
    const add = editor.locator(test('add-record'))
    if ((await add.count()) > 0 && (await add.isEnabled())) {
      await add.click()
      const dialog = editor.locator(test('record-dialog'))
      await dialog.locator(test('field-held_on')).fill('105/07/01')
      await dialog.locator(test('field-title')).fill('鎖定後的研習')
      await dialog.locator(test('field-participants')).fill('10')
      const refused = editor.waitForResponse((r) => r.url().endsWith('/api/registers/records_trainings/records') && r.request().method() === 'POST')
      await dialog.locator(test('save-record')).click()
      assert.equal((await refused).status(), 423)
      const error = dialog.locator(test('form-error'))
      await error.waitFor()
      assert.ok((await error.textContent()).trim().length > 0, 'the locked message is empty')
      assert.equal(await dialog.locator(test('field-title')).inputValue(), '鎖定後的研習', 'the typed input was lost')
      await shot(editor, 'register-locked')
    } else {
      await shot(editor, 'register-locked')
    }
    assert.equal(await recordTotal(YEAR), totalBefore)
    await done(editor)
  })

  it('an administrator unlocks 105 with a reason, which the audit log keeps', { timeout: 60_000 }, async () => {
    const page = await signIn('admin')
    await page.goto(`${base}/evaluation`)
    await page.waitForSelector(test('year-select'))
    await page.selectOption(test('year-select'), String(YEAR))
    await page.waitForSelector(test('year-locked'))
    await page.click(test('unlock-year'))
    await page.locator(test('unlock-reason')).fill('端對端測試：補登資料')
    const unlocked = page.waitForResponse((r) => r.url().endsWith(`/api/years/${YEAR}/unlock`))
    await page.click(test('unlock-confirm'))
    assert.equal((await unlocked).status(), 200)
    await page.waitForSelector(test('year-unlocked'))
    const { entries } = await admin.get('/api/audit?object_type=year&limit=1')
    assert.equal(entries[0].action, 'year.unlock')
    assert.equal(entries[0].reason, '端對端測試：補登資料')
    await done(page)
  })

  it('the language switch shows the app in English and remembers it', { timeout: 60_000 }, async () => {
    const page = await signIn('editor')
    await page.waitForSelector(test('total-score'))
    await page.locator('header button', { hasText: 'English' }).click()
    await page.waitForSelector('html[lang="en"]')
    await page.locator('header nav', { hasText: 'Dashboard' }).waitFor()
    await page.reload()
    await page.locator('header nav', { hasText: 'Registers' }).waitFor()
    await page.goto(`${base}/registers/records_trainings`)
    await page.waitForSelector(test('record-total'))
    await shot(page, 'register-en')
    await page.locator('header button', { hasText: '中文' }).click()
    await page.locator('header nav', { hasText: '總覽' }).waitFor()
    await done(page)
  })

  it('the audit log shows the editor\'s new record field by field', { timeout: 60_000 }, async () => {
    const page = await signIn('planner')
    await page.goto(`${base}/audit?object_type=record`)
    const row = page.locator(`${test('audit-row')}[data-action="record.create"]`, { hasText: 'editor' }).first()
    await row.waitFor()
    await row.locator(test('audit-toggle')).click()
    const diff = page.locator(test('audit-diff')).first()
    await diff.waitFor()
    const text = await diff.textContent()
    assert.match(text, /105\/06\/01/)
    assert.match(text, /端對端測試研習/)
    assert.match(text, /500/)
    // A planner may not list users: the user filter is an id field.
    assert.equal(await page.locator('input#audit-user').getAttribute('inputmode'), 'numeric')
    await done(page)
  })

  it('an administrator creates an account with a generated password, shown once', { timeout: 60_000 }, async () => {
    const page = await signIn('admin')
    await page.goto(`${base}/users`)
    await page.waitForSelector(test('user-row'))
    await page.click(test('users-add'))
    const dialog = page.locator(test('user-create-dialog'))
    await dialog.locator(test('user-username')).fill('x')
    await dialog.locator(test('user-password')).fill('short')
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/users') && r.request().method() === 'POST')
    await dialog.locator(test('user-save')).click()
    assert.equal((await refused).status(), 422)
    await dialog.locator('.el-form-item__error').first().waitFor()
    assert.ok((await dialog.locator('.el-form-item__error').count()) >= 2, 'the field errors are not shown')

    await dialog.locator(test('user-username')).fill('e2e-viewer')
    await page.locator('.el-select__wrapper:has(#new-role)').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '檢視者' }).click()
    await dialog.locator(test('user-password-generate')).click()
    const generated = await dialog.locator(test('user-password')).inputValue()
    assert.ok(generated.length >= 16, `the generated password is short: ${generated}`)
    const created = page.waitForResponse((r) => r.url().endsWith('/api/users') && r.request().method() === 'POST')
    await dialog.locator(test('user-save')).click()
    assert.equal((await created).status(), 201)
    const once = page.locator(test('user-password-once'))
    await once.waitFor()
    assert.equal(await once.textContent(), generated)
    await page.locator(`${test('user-row')}[data-username="e2e-viewer"]`).waitFor()
    passwords['e2e-viewer'] = generated
    await apiSession('e2e-viewer')
    await done(page)
  })

  it('screenshots of every page', { timeout: 180_000 }, async (t) => {
    const login = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-TW' })
    openContexts.add(login)
    const loginPage = await login.newPage()
    await loginPage.goto(`${base}/login`)
    await loginPage.waitForSelector('#login-username')
    await shot(loginPage, 'login')
    openContexts.delete(login)
    await login.close()

    const pages = [
      ['dashboard', '/', test('total-score')],
      ['plan', '/plan', 'h1'],
      ['registers', '/registers', test('register-row')],
      ['register', '/registers/records_trainings', test('record-row')],
      ['indicator', `/indicators/b1-1?year=${YEAR}`, test(`actual-${YEAR}`)],
      ['evaluation', '/evaluation', test('evaluation-table')],
      ['statistics', '/statistics?from=100&to=103', test('statistics-section-documents')],
      ['audit', '/audit', test('audit-row')],
      ['users', '/users', test('user-row')],
      ['password', '/password', '#pw-current'],
    ]
    for (const [width, suffix] of [
      [1280, ''],
      [768, '-768'],
    ]) {
      const page = await signIn('admin', { width, height: width === 1280 ? 900 : 1024 })
      for (const [name, route, ready] of pages) {
        if (suffix && !['dashboard', 'register', 'indicator', 'evaluation'].includes(name)) continue
        await t.test(`${name}${suffix}`, async () => {
          await page.goto(base + route)
          await page.waitForSelector(ready)
          await page.waitForLoadState('networkidle')
          await shot(page, name + suffix)
        })
      }
      await done(page)
    }
    assert.ok(readFileSync(path.join(shots, 'dashboard.png')).length > 0)
  })

  it('a viewer reads 業務統計 for 100–103 and the plan quotes the same figures', { timeout: 60_000 }, async () => {
    const page = await signIn('viewer')
    await page.goto(`${base}/statistics?from=100&to=103`)
    const paper = page.locator(`${test('metric-row-documents_received_paper')} ${test('value-span')}`)
    await paper.waitFor()
    assert.equal((await paper.textContent()).trim(), '470,432')
    const tours = page.locator(`${test('metric-row-tour_sessions')} ${test('value-100')}`)
    assert.equal((await tours.textContent()).trim(), '105')
    await page.goto(`${base}/plan`)
    await page.getByText('紙本收文總量計 47 萬 0,432 件').waitFor()
    await done(page)
  })

  it('a viewer downloads the year\'s performance report and the workbook from the evaluation page', { timeout: 60_000 }, async () => {
    const page = await signIn('viewer')
    await page.goto(`${base}/evaluation`)
    await page.waitForSelector(test('year-select'))
    await page.selectOption(test('year-select'), String(YEAR))
    for (const [link, name, magic] of [
      ['download-annual-pdf', `annual-report-${YEAR}.pdf`, '%PDF-'],
      ['download-workbook-xlsx', 'workbook-taichung-secretariat-104-107.xlsx', 'PK'],
    ]) {
      const download = page.waitForEvent('download')
      await page.click(test(link))
      const file = await download
      assert.equal(file.suggestedFilename(), name)
      const saved = path.join(work, name)
      await file.saveAs(saved)
      assert.equal(readFileSync(saved).subarray(0, magic.length).toString('latin1'), magic)
    }
    await done(page)
  })
})
