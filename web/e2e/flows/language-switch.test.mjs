// The language switch shows the app in English, remembers it across a reload, and goes
// back to Chinese.
import { describe, it } from 'node:test'
import { shot, test, world } from '../harness.mjs'

describe('language-switch', () => {
  const w = world('language-switch')

  it('the language switch shows the app in English and remembers it', { timeout: 60_000 }, async () => {
    const page = await w.signIn('editor')
    await page.waitForSelector(test('total-score'))
    await page.locator('header button', { hasText: 'English' }).click()
    await page.waitForSelector('html[lang="en"]')
    await page.locator('header nav', { hasText: 'Dashboard' }).waitFor()
    await page.reload()
    await page.locator('header nav', { hasText: 'Registers' }).waitFor()
    await page.goto(`${w.base}/registers/records_trainings`)
    await page.waitForSelector(test('record-total'))
    await shot(page, 'register-en')
    await page.locator('header button', { hasText: '中文' }).click()
    await page.locator('header nav', { hasText: '總覽' }).waitFor()
    await w.done(page)
  })
})
