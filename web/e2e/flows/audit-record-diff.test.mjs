// The audit log shows a section editor's new record field by field to the planner. The
// record is added through the editor's API session first.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { test, world } from '../harness.mjs'

describe('audit-record-diff', () => {
  const w = world('audit-record-diff')

  it('the audit log shows the editor\'s new record field by field', { timeout: 60_000 }, async () => {
    const editor = await w.apiSession('editor')
    await editor.post('/api/registers/records_trainings/records', {
      values: { held_on: '2016-06-01', title: '端對端測試研習', participants: 500 },
    })

    const page = await w.signIn('planner')
    await page.goto(`${w.base}/audit?object_type=record`)
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
    await w.done(page)
  })
})
