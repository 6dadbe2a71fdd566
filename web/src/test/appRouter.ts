// The app's router for a test: every route's path, name and meta as router.ts has them,
// with a blank page for each component, so a test of the guard or the navigation loads
// none of the real pages.
import { h, type Component } from 'vue'
import { createMemoryHistory, type RouteRecordRaw } from 'vue-router'
import { createAppRouter, routes } from '../router'
import { session } from '../lib/session'
import type { Permissions, User } from '../api/types'

const Blank: Component = { render: () => h('div', { 'data-test': 'blank-page' }) }

export function appRouter() {
  const pages = routes.map((route) => ('component' in route ? { ...route, component: Blank } : route)) as RouteRecordRaw[]
  return createAppRouter(createMemoryHistory(), pages)
}

export const noPermissions: Permissions = {
  edit_plan: false,
  manage_users: false,
  read_audit: false,
  lock_year: false,
  unlock_year: false,
  comment: false,
  write_registers: [],
  report_indicators: [],
}

// Signs `role` in as the session would after GET /api/session, with `permissions` on top
// of none.
export function signIn(role: User['role'], permissions: Partial<Permissions> = {}, mustChangePassword = false): void {
  session.user = {
    id: 1,
    username: role,
    display_name: role,
    role,
    section_id: null,
    active: true,
    version: 1,
    created_at: '2026-01-01T00:00:00Z',
    password_changed_at: '2026-01-01T00:00:00Z',
    must_change_password: mustChangePassword,
  }
  session.permissions = { ...noPermissions, ...permissions }
  session.loaded = true
}
