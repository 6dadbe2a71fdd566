// Mounting a page or component for a test the way the app shows it: with the app's i18n
// and a router in memory, already at the test's address. Besides the test's own routes the
// router knows the indicator page (which many parts link to by name) and every other path,
// so each link resolves without the app's real pages.
import { flushPromises, mount } from '@vue/test-utils'
import { h, type Component } from 'vue'
import { RouterView, createMemoryHistory, createRouter, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router'
import { i18n } from '../i18n'

const Blank: Component = { render: () => h('div') }
const RouterViewRoot: Component = { render: () => h(RouterView) }

export function testRouter(routes: RouteRecordRaw[] = []) {
  const named = routes.some((route) => route.name === 'indicator')
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      ...routes,
      ...(named ? [] : [{ path: '/indicators/:id', name: 'indicator', component: Blank }]),
      { path: '/:rest(.*)*', component: Blank },
    ],
  })
}

export interface MountOptions {
  at?: RouteLocationRaw // where the router is when the component mounts; '/' by default
  routes?: RouteRecordRaw[]
  props?: Record<string, unknown>
  stubs?: Record<string, Component | boolean>
  attach?: boolean // to document.body, where Element Plus puts its dialogs and menus
}

async function mountAt(root: Component, options: MountOptions) {
  const router = testRouter(options.routes)
  await router.push(options.at ?? '/')
  const wrapper = mount(root, {
    props: options.props,
    global: { plugins: [i18n, router], stubs: options.stubs },
    attachTo: options.attach ? document.body : undefined,
  })
  await flushPromises()
  return { wrapper, router }
}

// The component itself, with the router at `at`.
export function mountWithRouter(component: Component, options: MountOptions = {}) {
  return mountAt(component, options)
}

// Whichever of `routes` matches `at`, shown by a <router-view> as the app shows its pages,
// so the route's props are given and its leave guards run.
export function mountRoute(at: RouteLocationRaw, routes: RouteRecordRaw[], options: Omit<MountOptions, 'at' | 'routes'> = {}) {
  return mountAt(RouterViewRoot, { ...options, at, routes })
}
