// An administrator unlocks 105 with a reason, which the audit log keeps. The year is
// reviewed and locked through the API first.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { YEAR, test, world } from '../harness.mjs'

describe('year-unlock', () => {
  const w = world('year-unlock')

  it('an administrator unlocks 105 with a reason, which the audit log keeps', { timeout: 60_000 }, async () => {
    await w.reviewYear(YEAR)
    await w.admin.post(`/api/years/${YEAR}/lock`)

    const page = await w.signIn('admin')
    await page.goto(`${w.base}/evaluation`)
    await page.waitForSelector(test('year-select'))
    await page.selectOption(test('year-select'), String(YEAR))
    await page.waitForSelector(test('year-locked'))
    await page.click(test('unlock-year'))
    await page.locator(test('unlock-reason')).fill('端對端測試：補登資料')
    const unlocked = page.waitForResponse((r) => r.url().endsWith(`/api/years/${YEAR}/unlock`))
    await page.click(test('unlock-confirm'))
    assert.equal((await unlocked).status(), 200)
    await page.waitForSelector(test('year-unlocked'))
    const { entries } = await w.admin.get('/api/audit?object_type=year&limit=1')
    assert.equal(entries[0].action, 'year.unlock')
    assert.equal(entries[0].reason, '端對端測試：補登資料')
    await w.done(page)
  })
})
