// The navigation links the pages the user may open, by the same route meta the router's
// guard reads: the audit log and the users page only with their permissions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from './i18n'
import { session } from './lib/session'
import { appRouter, signIn } from './test/appRouter'
import App from './App.vue'

beforeEach(() => {
  i18n.global.locale.value = 'zh-TW'
})
afterEach(() => {
  Object.assign(session, { user: null, permissions: null, loaded: false })
})

async function navLinks() {
  const router = appRouter()
  await router.push('/')
  const wrapper = mount(App, { global: { plugins: [i18n, router] } })
  await flushPromises()
  return wrapper.findAll('nav .ps-nav-link').map((link) => [link.attributes('href'), link.text()])
}

describe('App navigation', () => {
  it('links only the pages everyone may open for a user without page permissions', async () => {
    signIn('viewer')
    expect(await navLinks()).toEqual([
      ['/', '總覽'],
      ['/plan', '中程施政計畫'],
      ['/registers', '業務資料'],
      ['/statistics', '業務統計'],
      ['/evaluation', '績效評估'],
    ])
  })

  it('links the audit log with read_audit and the users page with manage_users', async () => {
    signIn('planner', { read_audit: true })
    expect((await navLinks()).map(([href]) => href)).toEqual(['/', '/plan', '/registers', '/statistics', '/evaluation', '/audit'])
    signIn('admin', { read_audit: true, manage_users: true })
    expect((await navLinks()).slice(-2)).toEqual([
      ['/audit', '異動紀錄'],
      ['/users', '使用者與單位'],
    ])
  })

  it('follows the session when its permissions change', async () => {
    signIn('admin', { manage_users: true })
    const router = appRouter()
    await router.push('/')
    const wrapper = mount(App, { global: { plugins: [i18n, router] } })
    await flushPromises()
    expect(wrapper.find('nav a[href="/users"]').exists()).toBe(true)
    session.permissions = { ...session.permissions!, manage_users: false }
    await flushPromises()
    expect(wrapper.find('nav a[href="/users"]').exists()).toBe(false)
  })
})
