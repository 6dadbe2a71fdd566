// A section editor enters b1-1's actual value for 105 by hand over its formula: the page
// warns that the entry replaces the computed value, asks for the source first, shows the
// entered value once saved and, once the clearing is confirmed, the formula's value again.
// A viewer is offered no entry.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { YEAR, number, shot, test, world } from '../harness.mjs'

const ENTERED = 612
const SOURCE = '端對端測試：105 年度研習簽到表'

describe('manual-value', () => {
  const w = world('manual-value')

  it('a section editor enters b1-1\'s 105 value with its source over the formula, and clears it again', { timeout: 90_000 }, async () => {
    const computed = await w.b1History(YEAR)
    assert.notEqual(computed.actual, ENTERED, 'the demo data should compute another value')
    const page = await w.signIn('editor')
    const sent = []
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/values/')) sent.push(request.method())
    })

    await w.openIndicator(page, 'b1-1', YEAR)
    const form = page.locator(test('manual-value-form'))
    await page.locator(test('manual-value-current')).waitFor()
    assert.match(await form.textContent(), /填報值將取代公式計算值/)
    assert.match(await page.textContent(test('manual-value-current')), /尚未填報/)

    // Without its source nothing is sent.
    await page.fill(test('manual-value-input'), String(ENTERED))
    await page.click(test('manual-value-save'))
    await page.locator(test('manual-value-note-error')).waitFor()
    assert.deepEqual(sent, [])

    await page.fill(test('manual-value-note'), SOURCE)
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/values/b1-1/${YEAR}`))
    await page.click(test('manual-value-save'))
    assert.equal((await saved).status(), 200, 'the value was not saved')
    await page.locator(test('manual-value-current'), { hasText: SOURCE }).waitFor()
    await page.locator(test(`actual-${YEAR}`), { hasText: String(ENTERED) }).waitFor()
    // As api/number-formats.json prints an actual value: the unit right after the number.
    assert.equal((await page.textContent(test(`actual-${YEAR}`))).trim(), `${ENTERED}人`)
    assert.equal((await w.b1History(YEAR)).actual, ENTERED)
    const [stored] = (await w.admin.get(`/api/values?year=${YEAR}`)).filter((value) => value.indicator_id === 'b1-1')
    assert.equal(stored.note, SOURCE)
    await shot(page, 'indicator-manual-value')

    // Clearing asks first; cancelling keeps the value.
    await page.click(test('manual-value-clear'))
    const cancel = page.locator(test('manual-value-clear-confirm-cancel'))
    await cancel.waitFor({ state: 'visible' })
    await cancel.click()
    assert.deepEqual(sent, ['PUT'])
    await page.click(test('manual-value-clear'))
    const confirm = page.locator(test('manual-value-clear-confirm'))
    await confirm.waitFor({ state: 'visible' })
    const cleared = page.waitForResponse((r) => r.request().method() === 'DELETE' && new URL(r.url()).pathname === `/api/values/b1-1/${YEAR}`)
    await confirm.click()
    assert.equal((await cleared).status(), 204, 'the value was not cleared')
    await page.locator(test('manual-value-current'), { hasText: '尚未填報' }).waitFor()
    assert.equal((await w.b1History(YEAR)).actual, computed.actual)
    await page.waitForFunction(
      ([selector, value]) => Number(document.querySelector(selector)?.textContent?.replace(/[^\d.-]/g, '')) === value,
      [test(`actual-${YEAR}`), computed.actual],
    )
    assert.equal(number(await page.textContent(test(`actual-${YEAR}`))), computed.actual)
    await w.done(page)

    const viewer = await w.signIn('viewer')
    await w.openIndicator(viewer, 'b1-1', YEAR)
    assert.equal(await viewer.locator(test('manual-value-form')).count(), 0, 'a viewer is offered to enter a value')
    await w.done(viewer)
  })
})
