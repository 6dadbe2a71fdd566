// The planner locks 105 once every indicator is reviewed (the reviews go through the API);
// the section editor's register then shows 105 as locked and offers no change in it.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { YEAR, lightLabel, lockYear, shot, test, world } from '../harness.mjs'

describe('year-lock', () => {
  const w = world('year-lock')

  it('the planner locks 105 once all 13 indicators are reviewed; the editor sees 105 locked in the register, with no way to change it', { timeout: 90_000 }, async () => {
    // The year's reviews through the API, so the test stays fast.
    assert.equal(await w.reviewYear(YEAR), 13)

    const planner = await w.signIn('planner')
    await planner.goto(`${w.base}/evaluation`)
    await planner.waitForSelector(test('year-select'))
    await planner.selectOption(test('year-select'), String(YEAR))
    await planner.waitForSelector(test('year-unlocked'))
    const b1 = await w.b1History(YEAR)
    const row = planner.locator(test('indicator-row-b1-1'))
    // As api/number-formats.json prints it: b1-1 counts 人 without decimals, "1,234人".
    const shown = `${b1.actual.toLocaleString('en-US', { maximumFractionDigits: 0 })}人`
    await row.locator(test('actual'), { hasText: new RegExp(`(^|[^\\d,.])${shown}`) }).waitFor()
    assert.match(await row.locator(test('light')).textContent(), new RegExp(lightLabel(b1.light)))
    const locked = await lockYear(planner, YEAR)
    assert.equal(locked.status(), 200)
    await planner.waitForSelector(test('year-locked'))
    await shot(planner, 'evaluation-locked')
    await w.done(planner)
    const years = await w.admin.get('/api/years')
    assert.equal(years.find((item) => item.year === YEAR).locked, true)

    const totalBefore = await w.recordTotal(YEAR)
    const editor = await w.signIn('editor')
    await w.openRegister(editor, YEAR)
    // The locked year says so before anyone types, and offers no change.
    const notice = editor.locator(test('year-locked-notice'))
    await notice.waitFor()
    assert.match(await notice.textContent(), new RegExp(`${YEAR}.*鎖定`))
    assert.equal(await editor.locator(test('add-record')).count(), 0, 'a locked year offers to add a record')
    assert.equal(await editor.locator(test('import-records')).count(), 0, 'a locked year offers an import')
    assert.equal(await editor.locator(test('edit-record')).count(), 0, 'a locked year offers to edit a record')
    await shot(editor, 'register-locked')
    // Another year still takes records.
    await editor.selectOption(test('record-year'), String(YEAR + 1))
    await editor.locator(test('add-record')).waitFor()
    assert.equal(await notice.count(), 0)
    assert.equal(await w.recordTotal(YEAR), totalBefore)
    await w.done(editor)
  })
})
