// The planner locks 105 once every indicator is reviewed (the reviews go through the API);
// the section editor can then no longer add a 105 record.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { YEAR, lightLabel, shot, test, world } from '../harness.mjs'

describe('year-lock', () => {
  const w = world('year-lock')

  it('the planner locks 105 once all 13 indicators are reviewed; the editor can no longer add a 105 record', { timeout: 90_000 }, async () => {
    // The year's reviews through the API, so the test stays fast.
    assert.equal(await w.reviewYear(YEAR), 13)

    const planner = await w.signIn('planner')
    await planner.goto(`${w.base}/evaluation`)
    await planner.waitForSelector(test('year-select'))
    await planner.selectOption(test('year-select'), String(YEAR))
    await planner.waitForSelector(test('year-unlocked'))
    const b1 = await w.b1History(YEAR)
    const row = planner.locator(test('indicator-row-b1-1'))
    const shown = [String(b1.actual), b1.actual.toLocaleString('en-US')].join('|')
    await row.locator(test('actual'), { hasText: new RegExp(`(^|[^\\d,.])(${shown})([^\\d,.]|$)`) }).waitFor()
    assert.match(await row.locator(test('light')).textContent(), new RegExp(lightLabel(b1.light)))
    const locked = planner.waitForResponse((r) => r.url().endsWith(`/api/years/${YEAR}/lock`))
    await planner.click(test('lock-year'))
    assert.equal((await locked).status(), 200)
    await planner.waitForSelector(test('year-locked'))
    await shot(planner, 'evaluation-locked')
    await w.done(planner)
    const years = await w.admin.get('/api/years')
    assert.equal(years.find((item) => item.year === YEAR).locked, true)

    const totalBefore = await w.recordTotal(YEAR)
    const editor = await w.signIn('editor')
    await w.openRegister(editor, YEAR)
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
    assert.equal(await w.recordTotal(YEAR), totalBefore)
    await w.done(editor)
  })
})
