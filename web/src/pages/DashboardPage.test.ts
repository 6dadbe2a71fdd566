// The dashboard against a fake API, for what it wires together: the year from the
// address, what waits for the signed-in user in that year, and the indicators that need
// attention with the section that reports them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '../i18n'
import { session } from '../lib/session'
import { forgetAll } from '../composables/usePlanData'
import type { IndicatorResult, YearEvaluation } from '../api/types'
import { fakeFetch } from '../test/fakeApi'
import { mountWithRouter } from '../test/mountWithRouter'
import DashboardPage from './DashboardPage.vue'

function result(id: string, name: string, actual: number | null, light: string): IndicatorResult {
  return {
    id,
    goal: 'b1',
    dimension: 'business',
    name,
    weight: 10,
    kind: 'higher_is_better',
    unit: '人',
    target: 100,
    actual,
    source: 'formula',
    note: '',
    stage: null,
    not_a_stage: null,
    achievement: actual,
    capped_achievement: actual,
    light,
    score: 5,
  }
}

function evaluation(year: number, indicators: IndicatorResult[]): YearEvaluation {
  return {
    year,
    total_score: 50,
    complete: true,
    valued_weight: 20,
    total_weight: 20,
    scoring_note: { 'zh-TW': '', en: '' },
    no_value_count: 0,
    indicators,
    goals: [{ id: 'b1', name: '目標一', weight: 20, score: 10 }],
    dimensions: [{ id: 'business', name: '業務', weight: 20, score: 10 }],
  }
}

const indicator = (id: string, section: string) => ({ id, number: 1, decimals: 0, owner_section: section, kind: 'higher_is_better' })
const goals = {
  version: 1,
  dimensions: [{ id: 'business', name: '業務', goals: [{ id: 'b1', indicators: [indicator('b1-1', 'documents'), indicator('b1-2', 'general_affairs')] }] }],
}

beforeEach(() => {
  forgetAll()
  i18n.global.locale.value = 'zh-TW'
  session.user = { id: 5, username: 'rev', display_name: '審核者', role: 'section_reviewer', section_id: 'documents', active: true, version: 1, created_at: '', password_changed_at: '', must_change_password: false }
  fakeFetch(({ path }) => {
    if (path === '/api/evaluation')
      return [200, [evaluation(104, [result('b1-1', '研習人數', 90, 'yellow'), result('b1-2', '志工人數', 40, 'red')]), evaluation(105, [result('b1-1', '研習人數', 120, 'green'), result('b1-2', '志工人數', 30, 'red')])]]
    if (path === '/api/plan/goals') return [200, goals]
    if (path === '/api/sections') return [200, [{ id: 'documents', name: '文檔科', duties: '' }, { id: 'general_affairs', name: '總務科', duties: '' }]]
    if (path === '/api/years') return [200, [104, 105].map((year) => ({ year, locked: false, locked_at: null, locked_by: null }))]
    if (path.startsWith('/api/reviews/pending'))
      return [200, { pending: [104, 105].map((year) => ({ action: 'first_review', review: { indicator_id: 'b1-1', year, state: 'submitted', available_actions: ['first_review'], explanation: '', version: 1, updated_at: null, updated_by: null } })) }]
    if (path.startsWith('/api/reviews/')) return [200, { year: Number(path.split('/').pop()), locked: false, reviews: [] }]
    return [404, {}]
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  session.user = null
})

async function mountPage(query: Record<string, string> = {}) {
  return mountWithRouter(DashboardPage, {
    at: { path: '/', query },
    routes: [{ path: '/', component: DashboardPage }, { path: '/evaluation', name: 'evaluation', component: DashboardPage }],
    stubs: { TrendChart: true },
  })
}

describe('DashboardPage', () => {
  it('shows the latest year with values, what waits for the user and what needs attention', async () => {
    const { wrapper, router } = await mountPage()
    expect(router.currentRoute.value.query).toEqual({ year: '105' })
    const waiting = wrapper.get('[data-test="waiting"]')
    expect(waiting.findAll('li')).toHaveLength(1)
    expect(waiting.get('[data-test="waiting-b1-1"]').text()).toContain('研習人數')
    expect(waiting.get('[data-test="waiting-b1-1"]').text()).toContain('待初核')
    expect(waiting.get('[data-test="waiting-b1-1"] a').attributes('href')).toBe('/indicators/b1-1?year=105')
    const attention = wrapper.get('[data-test="attention"]')
    expect(attention.findAll('li')).toHaveLength(1)
    expect(attention.get('[data-test="attention-b1-2"]').text()).toContain('紅燈')
    expect(attention.get('[data-test="attention-b1-2"]').text()).toContain('負責單位：總務科')
  })

  it('shows the year the address names', async () => {
    const { wrapper } = await mountPage({ year: '104' })
    expect(wrapper.get('[data-test="waiting-b1-1"] a').attributes('href')).toBe('/indicators/b1-1?year=104')
    expect(wrapper.findAll('[data-test="attention"] li')).toHaveLength(1)
  })
})
