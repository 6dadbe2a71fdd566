// One route per page; each page is its own chunk, so the first page loads only itself.
import { createRouter, createWebHistory } from 'vue-router'
import { loadSession, session } from './lib/session'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
    { path: '/', name: 'dashboard', component: () => import('./pages/DashboardPage.vue') },
    { path: '/plan', name: 'plan', component: () => import('./pages/PlanPage.vue') },
    { path: '/registers', name: 'registers', component: () => import('./pages/RegistersPage.vue') },
    { path: '/registers/:id', name: 'register', component: () => import('./pages/RegisterPage.vue'), props: true },
    { path: '/indicators/:id', name: 'indicator', component: () => import('./pages/IndicatorPage.vue'), props: true },
    { path: '/statistics', name: 'statistics', component: () => import('./pages/StatisticsPage.vue') },
    { path: '/evaluation', name: 'evaluation', component: () => import('./pages/EvaluationPage.vue') },
    { path: '/audit', name: 'audit', component: () => import('./pages/AuditPage.vue') },
    { path: '/users', name: 'users', component: () => import('./pages/UsersPage.vue') },
    { path: '/password', name: 'password', component: () => import('./pages/PasswordPage.vue') },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  if (!session.loaded || !session.user) await loadSession()
  if (!session.user) return { name: 'login', query: { next: to.fullPath } }
  // A password someone else set opens nothing but the page that replaces it.
  if (session.user.must_change_password && to.name !== 'password') return { name: 'password', query: { next: to.fullPath } }
  return true
})
