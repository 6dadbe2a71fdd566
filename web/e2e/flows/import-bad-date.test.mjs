// A CSV import with a bad date is refused in its preview, and nothing is imported.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { YEAR, test, world } from '../harness.mjs'

describe('import-bad-date', () => {
  const w = world('import-bad-date')

  it('a CSV file with a bad date is refused in the preview and nothing is imported', { timeout: 60_000 }, async () => {
    const totalBefore = await w.recordTotal(YEAR)
    const page = await w.signIn('editor')
    await w.openRegister(page, YEAR)
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
    assert.equal(await w.recordTotal(YEAR), totalBefore)
    await w.done(page)
  })
})
