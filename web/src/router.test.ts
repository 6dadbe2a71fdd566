// The router decides which pages a user may open, from each route's meta.permission and
// the session's permissions: allowed pages open, the others lead to the not-allowed page,
// and a password someone else set still comes before either.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { h } from 'vue'
import { RouterView } from 'vue-router'
import { i18n } from './i18n'
import { routes } from './router'
import { session } from './lib/session'
import { fakeFetch } from './test/fakeApi'
import { appRouter, noPermissions, signIn } from './test/appRouter'
import NotAllowedPage from './pages/NotAllowedPage.vue'

beforeEach(() => {
  i18n.global.locale.value = 'zh-TW'
})
afterEach(() => {
  vi.unstubAllGlobals()
  Object.assign(session, { user: null, permissions: null, loaded: false })
})

async function visit(path: string) {
  const router = appRouter()
  await router.push(path)
  return router.currentRoute.value
}

describe('route meta', () => {
  it('names the permission of the pages not everyone may open', () => {
    const permissionOf = (name: string) => routes.find((route) => route.name === name)?.meta?.permission
    expect(permissionOf('users')).toBe('manage_users')
    expect(permissionOf('audit')).toBe('read_audit')
    for (const name of ['dashboard', 'plan', 'registers', 'register', 'indicator', 'statistics', 'evaluation', 'password'])
      expect(permissionOf(name), name).toBeUndefined()
  })
})

describe('router guard', () => {
  it('opens a page whose permission the session holds', async () => {
    signIn('admin', { manage_users: true, read_audit: true })
    expect((await visit('/users')).name).toBe('users')
    expect((await visit('/audit?object_type=record')).fullPath).toBe('/audit?object_type=record')
  })

  it('opens a page that needs no permission to everyone signed in', async () => {
    signIn('viewer')
    expect((await visit('/plan')).name).toBe('plan')
    expect((await visit('/registers/training')).name).toBe('register')
  })

  it('sends a user without the permission to the not-allowed page, naming the page', async () => {
    signIn('planner', { read_audit: true })
    const refused = await visit('/users')
    expect(refused.name).toBe('not-allowed')
    expect(refused.query.page).toBe('users')
    expect((await visit('/audit')).name).toBe('audit')
  })

  it('asks the server for the session first and goes by its permissions', async () => {
    fakeFetch(() => [200, { user: { id: 3, username: 'v', display_name: 'v', role: 'viewer', section_id: null, active: true, version: 1, created_at: '', password_changed_at: '', must_change_password: false }, csrf_token: 't', permissions: noPermissions, evidence: { extensions: [], max_bytes: 1 }, time_zone: 'Asia/Taipei' }])
    expect((await visit('/audit')).name).toBe('not-allowed')
    expect(session.user?.username).toBe('v')
  })

  it('still sends a user who must change the password to the password page first', async () => {
    signIn('viewer', {}, true)
    const route = await visit('/users')
    expect(route.name).toBe('password')
    expect(route.query.next).toBe('/users')
  })

  it('sends a user who is not signed in to the login page', async () => {
    fakeFetch(() => [401, { status: 401, title: 'Unauthorized' }])
    const route = await visit('/users')
    expect(route.name).toBe('login')
    expect(route.query.next).toBe('/users')
  })
})

describe('NotAllowedPage', () => {
  async function show(path: string) {
    const router = appRouter()
    router.addRoute({ path: '/not-allowed', name: 'not-allowed', component: NotAllowedPage })
    await router.push(path)
    const wrapper = mount({ render: () => h(RouterView) }, { global: { plugins: [i18n, router] } })
    await flushPromises()
    return wrapper
  }

  it('says it in the refused page\'s own words, under its title', async () => {
    signIn('viewer')
    const wrapper = await show('/users')
    expect(wrapper.find('h1').text()).toBe('使用者與單位')
    expect(wrapper.find('[role="alert"]').text()).toContain('只有系統管理者可以管理使用者帳號。')
  })

  it('says it in general words for a page name that needs no permission or does not exist', async () => {
    signIn('viewer')
    for (const page of ['plan', 'nothing']) {
      const wrapper = await show(`/not-allowed?page=${page}`)
      expect(wrapper.find('h1').text()).toBe('無法開啟此頁')
      expect(wrapper.find('[role="alert"]').text()).toContain('您沒有開啟這個頁面的權限。')
    }
  })
})
