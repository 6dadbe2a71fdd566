// One route per page; each page is its own chunk, so the first page loads only itself.
// Which page a user may open is the route's business, not the page's: meta.permission
// names the session permission (GET /api/session) a page needs, the guard below sends a
// user without it to the not-allowed page, and the navigation (App.vue) links only the
// pages whose permission is held, from the same meta.
import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import { loadSession, mayOpen, session, type PagePermission } from './lib/session'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean // opens without signing in
    permission?: PagePermission // what the page needs; none: everyone signed in may open it
    nav?: string // the i18n key of its link in the navigation; none: not linked there
  }
}

// In the order the navigation shows its links.
export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
  { path: '/', name: 'dashboard', component: () => import('./pages/DashboardPage.vue'), meta: { nav: 'nav.dashboard' } },
  { path: '/plan', name: 'plan', component: () => import('./pages/PlanPage.vue'), meta: { nav: 'nav.plan' } },
  { path: '/registers', name: 'registers', component: () => import('./pages/RegistersPage.vue'), meta: { nav: 'nav.registers' } },
  { path: '/registers/:id', name: 'register', component: () => import('./pages/RegisterPage.vue'), props: true },
  { path: '/indicators/:id', name: 'indicator', component: () => import('./pages/IndicatorPage.vue'), props: true },
  { path: '/statistics', name: 'statistics', component: () => import('./pages/StatisticsPage.vue'), meta: { nav: 'nav.statistics' } },
  { path: '/evaluation', name: 'evaluation', component: () => import('./pages/EvaluationPage.vue'), meta: { nav: 'nav.evaluation' } },
  { path: '/audit', name: 'audit', component: () => import('./pages/AuditPage.vue'), meta: { nav: 'nav.audit', permission: 'read_audit' } },
  { path: '/users', name: 'users', component: () => import('./pages/UsersPage.vue'), meta: { nav: 'nav.users', permission: 'manage_users' } },
  { path: '/password', name: 'password', component: () => import('./pages/PasswordPage.vue') },
  // Where a refused page sends the user; `page` names it, so the refusal says which.
  { path: '/not-allowed', name: 'not-allowed', component: () => import('./pages/NotAllowedPage.vue') },
  { path: '/:rest(.*)*', redirect: '/' },
]

// `pages` lets a test keep every route's path, name and meta with stand-in components.
export function createAppRouter(history: RouterHistory = createWebHistory(), pages: RouteRecordRaw[] = routes) {
  const router = createRouter({ history, routes: pages })
  router.beforeEach(async (to) => {
    if (to.meta.public) return true
    if (!session.loaded || !session.user) await loadSession()
    if (!session.user) return { name: 'login', query: { next: to.fullPath } }
    // A password someone else set opens nothing but the page that replaces it, not even
    // the refusal of a page the user may not open.
    if (session.user.must_change_password && to.name !== 'password') return { name: 'password', query: { next: to.fullPath } }
    if (!mayOpen(to.meta.permission)) return { name: 'not-allowed', query: { page: String(to.name ?? '') } }
    return true
  })
  return router
}

export const router = createAppRouter()
