// An administrator creates an account: short input is refused field by field, then a
// generated password is shown once and signs the new account in, where the first thing
// asked is a password of the user's own.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { test, world } from '../harness.mjs'

describe('user-create', () => {
  const w = world('user-create')

  it('an administrator creates an account with a generated password, shown once', { timeout: 60_000 }, async () => {
    const page = await w.signIn('admin')
    await page.goto(`${w.base}/users`)
    await page.waitForSelector(test('user-row'))
    await page.click(test('users-add'))
    const dialog = page.locator(test('user-create-dialog'))
    await dialog.locator(test('user-username')).fill('x')
    await dialog.locator(test('user-password')).fill('short')
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/users') && r.request().method() === 'POST')
    await dialog.locator(test('user-save')).click()
    assert.equal((await refused).status(), 422)
    await dialog.locator('.el-form-item__error').first().waitFor()
    assert.ok((await dialog.locator('.el-form-item__error').count()) >= 2, 'the field errors are not shown')

    await dialog.locator(test('user-username')).fill('e2e-viewer')
    await page.locator('.el-select__wrapper:has(#new-role)').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '檢視者' }).click()
    // The list closes with a transition; until it has, it lies over the buttons below it
    // (a loaded machine saw the next click land on it for 15 s).
    await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden' })
    await dialog.locator(test('user-password-generate')).click()
    const generated = await dialog.locator(test('user-password')).inputValue()
    assert.ok(generated.length >= 16, `the generated password is short: ${generated}`)
    const created = page.waitForResponse((r) => r.url().endsWith('/api/users') && r.request().method() === 'POST')
    await dialog.locator(test('user-save')).click()
    assert.equal((await created).status(), 201)
    const once = page.locator(test('user-password-once'))
    await once.waitFor()
    assert.equal(await once.textContent(), generated)
    await page.locator(`${test('user-row')}[data-username="e2e-viewer"]`).waitFor()
    await w.done(page)

    // The new account's first sign-in opens only the page that replaces the password.
    const newcomer = await w.newPage()
    await newcomer.goto(`${w.base}/evaluation`)
    await newcomer.fill('#login-username', 'e2e-viewer')
    await newcomer.fill('#login-password', generated)
    await newcomer.click('button[type=submit]')
    await newcomer.waitForURL((url) => url.pathname === '/password')
    await newcomer.locator(test('password-required')).waitFor()
    await newcomer.fill('#pw-current', generated)
    await newcomer.fill('#pw-fresh', 'e2e viewer passphrase of my own')
    await newcomer.fill('#pw-repeat', 'e2e viewer passphrase of my own')
    const changed = newcomer.waitForResponse((r) => r.url().endsWith('/api/session/password'))
    await newcomer.click(test('password-save'))
    assert.equal((await changed).status(), 204)
    await newcomer.waitForURL((url) => url.pathname === '/evaluation')
    w.passwords['e2e-viewer'] = 'e2e viewer passphrase of my own'
    await w.apiSession('e2e-viewer')
    await w.done(newcomer)
  })
})
