// The users page against a fake API: the list, the server's field errors at their fields,
// a stale version reloaded, a generated password shown once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '../i18n'
import { session } from '../lib/session'
import type { Permissions, User } from '../api/types'
import { fakeFetch, type FakeRequest } from '../test/fakeApi'
import UsersPage from './UsersPage.vue'
import UserEditDialog from '../components/users/UserEditDialog.vue'

const permissions: Permissions = {
  edit_plan: true,
  manage_users: true,
  read_audit: true,
  lock_year: true,
  unlock_year: true,
  comment: true,
  write_registers: [],
  report_indicators: [],
}

function user(id: number, username: string, role: User['role'], section_id: string | null = null, version = 1): User {
  return { id, username, display_name: username, role, section_id, active: true, version, created_at: '2026-01-01T00:00:00Z', password_changed_at: '2026-01-01T00:00:00Z', must_change_password: false }
}

type Handler = (method: string, path: string, body: unknown) => [number, unknown]
let handler: Handler
let calls: FakeRequest[]

beforeEach(() => {
  session.user = user(1, 'admin1', 'admin')
  session.permissions = permissions
  i18n.global.locale.value = 'zh-TW'
  calls = fakeFetch(({ method, path, body }) => handler(method, path, body))
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

let users: User[]
function baseHandler(method: string, path: string): [number, unknown] | null {
  if (method === 'GET' && path === '/api/users') return [200, users]
  if (method === 'GET' && path === '/api/sections') return [200, [{ id: 'documents', name: '文檔科', duties: '文書' }]]
  return null
}

async function mountPage() {
  const wrapper = mount(UsersPage, { global: { plugins: [i18n] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('UsersPage', () => {
  it('lists the accounts with their role and section names, and the sections with members', async () => {
    users = [user(1, 'admin1', 'admin'), user(2, 'ed', 'section_editor', 'documents')]
    handler = (method, path) => baseHandler(method, path) ?? [404, {}]
    const wrapper = await mountPage()
    const rows = wrapper.findAll('[data-test="user-row"]')
    expect(rows).toHaveLength(2)
    expect(rows[1].text()).toContain('單位填報人員')
    expect(rows[1].text()).toContain('文檔科')
    expect(wrapper.find('[data-test="section-row"]').text()).toContain('1')
  })

  it('shows the server\'s reasons at their fields and keeps what was typed', async () => {
    users = [user(1, 'admin1', 'admin')]
    handler = (method, path) =>
      baseHandler(method, path) ??
      (method === 'POST' && path === '/api/users'
        ? [422, { title: 'Invalid input', detail: 'the user was not created', errors: [{ path: 'username', message: 'bad name' }, { path: 'password', message: 'too short' }] }]
        : [404, {}])
    const wrapper = await mountPage()
    await wrapper.find('[data-test="users-add"]').trigger('click')
    await flushPromises()
    const username = document.querySelector<HTMLInputElement>('#new-username')!
    username.value = 'x'
    username.dispatchEvent(new Event('input'))
    document.querySelector<HTMLFormElement>('[data-test="user-create-dialog"] form, .el-dialog form')!.dispatchEvent(new Event('submit'))
    await flushPromises()
    // Element Plus shows a field's error a moment after it is set.
    const errors = () => [...document.querySelectorAll('.el-form-item__error')].map((node) => node.textContent?.trim())
    await vi.waitFor(() => expect(errors()).toEqual(['bad name', 'too short']))
    expect(calls.at(-1)).toMatchObject({ method: 'POST', body: { username: 'x', role: 'section_editor', section_id: null } })
    expect(document.querySelector<HTMLInputElement>('#new-username')!.value).toBe('x')
  })

  it('generates a long password, sends it, and shows it once', async () => {
    users = [user(1, 'admin1', 'admin')]
    handler = (method, path, body) => {
      const known = baseHandler(method, path)
      if (known) return known
      if (method === 'POST' && path === '/api/users') {
        const created = user(9, (body as { username: string }).username, 'viewer')
        users = [...users, created]
        return [201, created]
      }
      return [404, {}]
    }
    const wrapper = await mountPage()
    await wrapper.find('[data-test="users-add"]').trigger('click')
    await flushPromises()
    const username = document.querySelector<HTMLInputElement>('#new-username')!
    username.value = 'newbie'
    username.dispatchEvent(new Event('input'))
    ;(document.querySelector('[data-test="user-password-generate"]') as HTMLElement).click()
    await flushPromises()
    const password = document.querySelector<HTMLInputElement>('#new-password')!
    expect(password.type).toBe('text')
    expect(password.value.length).toBeGreaterThanOrEqual(16)
    const generated = password.value
    document.querySelector<HTMLFormElement>('.el-dialog form')!.dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(calls.find((call) => call.method === 'POST')!.body).toMatchObject({ username: 'newbie', password: generated })
    expect(document.querySelector('[data-test="user-password-once"]')!.textContent).toBe(generated)
    expect(wrapper.findAll('[data-test="user-row"]')).toHaveLength(2)
  })

  it('sends only what changed with the version read, and reloads on a stale version', async () => {
    users = [user(1, 'admin1', 'admin'), user(2, 'ed', 'section_editor', 'documents', 3)]
    let patches = 0
    handler = (method, path) => {
      const known = baseHandler(method, path)
      if (known) return known
      if (method === 'PATCH' && path === '/api/users/2') {
        patches += 1
        if (patches === 1) {
          users = [users[0], { ...users[1], display_name: '別人改的', version: 4 }]
          return [409, { title: 'Conflict', detail: 'the user was changed by someone else since you read it' }]
        }
        return [200, { ...users[1], role: 'viewer', section_id: null, version: 5 }]
      }
      return [404, {}]
    }
    const wrapper = await mountPage()
    await wrapper.findAll('[data-test="user-edit"]')[1].trigger('click')
    await flushPromises()
    const dialog = wrapper.findComponent(UserEditDialog).vm as unknown as { form: { role: string } }
    dialog.form.role = 'viewer'
    await flushPromises()
    document.querySelectorAll<HTMLFormElement>('.el-dialog form')[0].dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(calls.find((call) => call.method === 'PATCH')!.body).toEqual({ version: 3, role: 'viewer', section_id: '' })
    expect(document.querySelector('[data-test="user-conflict"]')).not.toBeNull()
    expect(calls.filter((call) => call.path === '/api/users' && call.method === 'GET')).toHaveLength(2)
    document.querySelectorAll<HTMLFormElement>('.el-dialog form')[0].dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(calls.filter((call) => call.method === 'PATCH')[1].body).toMatchObject({ version: 4, role: 'viewer' })
  })

  it('resets a password, keeping the server\'s reason at its field, and shows the new one once', async () => {
    users = [user(1, 'admin1', 'admin'), user(2, 'ed', 'viewer')]
    let refuse = true
    handler = (method, path) => {
      const known = baseHandler(method, path)
      if (known) return known
      if (method === 'POST' && path === '/api/users/2/password')
        return refuse
          ? [422, { title: 'Invalid input', detail: 'the password was not set', errors: [{ path: 'new_password', message: 'too short' }] }]
          : [204, null]
      return [404, {}]
    }
    const wrapper = await mountPage()
    await wrapper.findAll('[data-test="user-reset"]')[1].trigger('click')
    await flushPromises()
    const password = document.querySelector<HTMLInputElement>('#reset-password')!
    password.value = 'a long enough passphrase'
    password.dispatchEvent(new Event('input'))
    const submit = async () => {
      password.closest('form')!.dispatchEvent(new Event('submit'))
      await flushPromises()
    }
    await submit()
    const errors = () => [...document.querySelectorAll('.el-form-item__error')].map((node) => node.textContent?.trim())
    await vi.waitFor(() => expect(errors()).toEqual(['too short']))
    expect(document.querySelector('[data-test="user-form-error"]')).toBeNull()
    expect(password.value).toBe('a long enough passphrase')

    refuse = false
    await submit()
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.body)).toEqual([
      { new_password: 'a long enough passphrase' },
      { new_password: 'a long enough passphrase' },
    ])
    expect(document.querySelector('[data-test="user-password-once"]')!.textContent).toBe('a long enough passphrase')
    expect(calls.filter((call) => call.path === '/api/users' && call.method === 'GET')).toHaveLength(2)
  })
})
