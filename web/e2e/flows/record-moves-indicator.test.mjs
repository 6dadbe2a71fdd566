// A section editor adds a training record for 105 in the browser; b1-1 shows the new
// actual value and light.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { YEAR, lightLabel, number, test, world } from '../harness.mjs'

describe('record-moves-indicator', () => {
  const w = world('record-moves-indicator')

  it('a section editor adds a training record for 105; b1-1 shows the new actual value and light', { timeout: 90_000 }, async () => {
    const before = await w.b1History(YEAR)
    const totalBefore = await w.recordTotal(YEAR)
    const page = await w.signIn('editor')

    await w.openIndicator(page, 'b1-1', YEAR)
    assert.equal(number(await page.textContent(test(`actual-${YEAR}`))), before.actual)
    assert.match(await page.textContent(test(`light-${YEAR}`)), new RegExp(lightLabel(before.light)))

    await w.openRegister(page, YEAR)
    const dialog = await w.openNewRecord(page)
    await dialog.locator(test('field-held_on')).fill('105/06/01')
    await dialog.locator(test('field-title')).fill('端對端測試研習')
    await dialog.locator(test('field-participants')).fill('500')
    const created = page.waitForResponse((r) => r.url().endsWith('/api/registers/records_trainings/records') && r.request().method() === 'POST')
    await dialog.locator(test('save-record')).click()
    assert.equal((await created).status(), 201, 'the record was not created')
    await page.locator(test('record-row'), { hasText: '端對端測試研習' }).first().waitFor()
    assert.equal(await w.recordTotal(YEAR), totalBefore + 1)

    const afterwards = await w.b1History(YEAR)
    assert.equal(afterwards.actual, before.actual + 500)
    await w.openIndicator(page, 'b1-1', YEAR)
    assert.equal(number(await page.textContent(test(`actual-${YEAR}`))), afterwards.actual)
    assert.match(await page.textContent(test(`light-${YEAR}`)), new RegExp(lightLabel(afterwards.light)))
    assert.notEqual(afterwards.light, before.light, `the demo data should move b1-1 ${YEAR} from ${before.light}`)
    await w.done(page)
  })
})
