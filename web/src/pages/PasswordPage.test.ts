// The password page: a user whose password an administrator set is told why they are
// here and, once the server takes the new password, goes on to where they were headed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { h } from 'vue'
import { i18n } from '../i18n'
import { session } from '../lib/session'
import { fakeFetch } from '../test/fakeApi'
import { mountWithRouter } from '../test/mountWithRouter'
import PasswordPage from './PasswordPage.vue'

const sent: { path: string; body: unknown }[] = []
let status = 204

beforeEach(() => {
  sent.length = 0
  status = 204
  i18n.global.locale.value = 'zh-TW'
  session.user = {
    id: 7,
    username: 'newcomer',
    display_name: '新同仁',
    role: 'viewer',
    section_id: null,
    active: true,
    version: 1,
    created_at: '',
    password_changed_at: '',
    must_change_password: true,
  }
  fakeFetch(({ path, body }) => {
    sent.push({ path, body })
    const problem = { status, title: 'Unprocessable', detail: 'the new password is not acceptable', errors: [{ path: 'new_password', message: 'too short' }] }
    return [status, problem]
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function open(next: string) {
  return mountWithRouter(PasswordPage, {
    at: { path: '/password', query: { next } },
    routes: [
      { path: '/password', name: 'password', component: PasswordPage },
      { path: '/:rest(.*)*', component: { render: () => h('div', { 'data-test': 'elsewhere' }) } },
    ],
    attach: true,
  })
}

async function change(wrapper: Awaited<ReturnType<typeof open>>['wrapper'], fresh: string) {
  await wrapper.find('#pw-current').setValue('set by the administrator')
  await wrapper.find('#pw-fresh').setValue(fresh)
  await wrapper.find('#pw-repeat').setValue(fresh)
  await wrapper.find('form').trigger('submit')
  await flushPromises()
}

describe('PasswordPage', () => {
  it('says why a password set by someone else must be replaced, then goes on', async () => {
    const { wrapper, router } = await open('/evaluation?year=105')
    expect(wrapper.find('[data-test="password-required"]').text()).toContain('由管理者設定')
    await change(wrapper, 'a passphrase of my own')
    expect(sent).toEqual([
      { path: '/api/session/password', body: { current_password: 'set by the administrator', new_password: 'a passphrase of my own' } },
    ])
    expect(session.user?.must_change_password).toBe(false)
    expect(router.currentRoute.value.fullPath).toBe('/evaluation?year=105')
  })

  it('stays, with the reason at its field, when the server refuses the new password', async () => {
    status = 422
    const { wrapper, router } = await open('/')
    await change(wrapper, 'short')
    expect(session.user?.must_change_password).toBe(true)
    expect(router.currentRoute.value.path).toBe('/password')
    const errors = () => [...document.querySelectorAll('.el-form-item__error')].map((node) => node.textContent?.trim())
    await vi.waitFor(() => expect(errors()).toEqual(['too short']))
  })

  it('never follows a next address that leaves the app', async () => {
    const { wrapper, router } = await open('//evil.example/')
    await change(wrapper, 'a passphrase of my own')
    expect(router.currentRoute.value.fullPath).toBe('/')
  })
})
