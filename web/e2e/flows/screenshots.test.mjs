// Screenshots of every page as the administrator sees it on the fresh demo database, at
// 1280×900 and some at 768px, into test-output/screenshots/.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { YEAR, shot, shots, test, world } from '../harness.mjs'

describe('screenshots', () => {
  const w = world('screenshots')

  it('screenshots of every page', { timeout: 180_000 }, async (t) => {
    const login = await w.newPage()
    await login.goto(`${w.base}/login`)
    await login.waitForSelector('#login-username')
    await shot(login, 'login')
    await w.done(login)

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
      const page = await w.signIn('admin', { width, height: width === 1280 ? 900 : 1024 })
      for (const [name, route, ready] of pages) {
        if (suffix && !['dashboard', 'register', 'indicator', 'evaluation'].includes(name)) continue
        await t.test(`${name}${suffix}`, async () => {
          await page.goto(w.base + route)
          await page.waitForSelector(ready)
          await page.waitForLoadState('networkidle')
          await shot(page, name + suffix)
        })
      }
      await w.done(page)
    }
    assert.ok(readFileSync(path.join(shots, 'dashboard.png')).length > 0)
  })
})
