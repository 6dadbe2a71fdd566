// A viewer downloads the year's performance report (PDF) and the workbook (XLSX) from the
// evaluation page.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { YEAR, test, world } from '../harness.mjs'

describe('downloads', () => {
  const w = world('downloads')

  it('a viewer downloads the year\'s performance report and the workbook from the evaluation page', { timeout: 60_000 }, async () => {
    const page = await w.signIn('viewer')
    await page.goto(`${w.base}/evaluation`)
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
      const saved = path.join(w.work, name)
      await file.saveAs(saved)
      assert.equal(readFileSync(saved).subarray(0, magic.length).toString('latin1'), magic)
    }
    await w.done(page)
  })
})
