// A viewer reads 業務統計 for 100–103, and the plan quotes the same figures.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { test, world } from '../harness.mjs'

describe('statistics-viewer', () => {
  const w = world('statistics-viewer')

  it('a viewer reads 業務統計 for 100–103 and the plan quotes the same figures', { timeout: 60_000 }, async () => {
    const page = await w.signIn('viewer')
    await page.goto(`${w.base}/statistics?from=100&to=103`)
    const paper = page.locator(`${test('metric-row-documents_received_paper')} ${test('value-span')}`)
    await paper.waitFor()
    assert.equal((await paper.textContent()).trim(), '470,432')
    const tours = page.locator(`${test('metric-row-tour_sessions')} ${test('value-100')}`)
    assert.equal((await tours.textContent()).trim(), '105')
    await page.goto(`${w.base}/plan`)
    await page.getByText('紙本收文總量計 47 萬 0,432 件').waitFor()
    await w.done(page)
  })
})
