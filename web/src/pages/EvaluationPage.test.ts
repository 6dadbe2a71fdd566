// The evaluation page against a fake API, for what it wires together: the bulk review bar
// fed by the year's review states and named from the evaluation, the review states asked
// again after a bulk step, and locking the year only once confirmed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { i18n } from '../i18n'
import { session } from '../lib/session'
import { forgetAll } from '../composables/usePlanData'
import type { IndicatorResult, Review, YearEvaluation } from '../api/types'
import { captureDownloads, fakeFetch, fileResponse, releaseDownloads, type FakeAnswer, type SavedFile } from '../test/fakeApi'
import { mountWithRouter } from '../test/mountWithRouter'
import EvaluationPage from './EvaluationPage.vue'

function result(id: string, name: string): IndicatorResult {
  return {
    id,
    goal: 'b1',
    dimension: 'business',
    name,
    weight: 10,
    kind: 'higher_is_better',
    unit: '人',
    target: 100,
    actual: 120,
    source: 'formula',
    note: '',
    stage: null,
    not_a_stage: null,
    achievement: 120,
    capped_achievement: 100,
    light: 'green',
    score: 10,
  }
}

const evaluation: YearEvaluation = {
  year: 105,
  total_score: 20,
  complete: true,
  valued_weight: 20,
  total_weight: 20,
  scoring_note: { 'zh-TW': '', en: '' },
  no_value_count: 0,
  indicators: [result('b1-1', '研習人數'), result('b1-2', '志工人數')],
  goals: [{ id: 'b1', name: '目標一', weight: 20, score: 20 }],
  dimensions: [{ id: 'business', name: '業務', weight: 20, score: 20 }],
}

function review(id: string, state: Review['state'], actions: Review['available_actions']): Review {
  return { indicator_id: id, available_actions: actions, year: 105, state, explanation: '', version: 1, updated_at: null, updated_by: null }
}

let reviews: Review[]
const requests: string[] = []
let report: () => FakeAnswer
let saved: SavedFile[]

beforeEach(() => {
  requests.length = 0
  report = () => [200, fileResponse('\uFEFF年度,指標代號\r\n105,b1-1\r\n', 'evaluation-105.csv')]
  saved = captureDownloads()
  forgetAll()
  i18n.global.locale.value = 'zh-TW'
  session.permissions = {
    edit_plan: true,
    manage_users: false,
    read_audit: true,
    lock_year: true,
    unlock_year: false,
    comment: true,
    write_registers: [],
    report_indicators: [],
  }
  fakeFetch(({ method, path }) => {
    requests.push(`${method} ${path}`)
    if (path === '/api/evaluation') return [200, [evaluation]]
    if (path === '/api/years') return [200, [{ year: 105, locked: false, locked_at: null, locked_by: null }]]
    if (path === '/api/reviews/105') return [200, { year: 105, locked: false, reviews }]
    if (path === '/api/reviews/105/actions') {
      reviews = reviews.map((item) => ({ ...item, state: 'second_reviewed', available_actions: ['return'] }))
      return [200, { action: 'second_review', year: 105, taken: ['b1-1', 'b1-2'], refused: [] }]
    }
    if (path.startsWith('/api/reports/evaluation')) return report()
    if (path === '/api/years/105/lock') return [200, [{ year: 105, locked: true, locked_at: '2017-01-05T02:00:00Z', locked_by: 2 }]]
    return [404, { title: 'Not Found' }]
  })
})
afterEach(() => {
  releaseDownloads()
  vi.unstubAllGlobals()
  session.permissions = null
  document.body.innerHTML = ''
})

async function mountPage() {
  const { wrapper } = await mountWithRouter(EvaluationPage, {
    at: { path: '/evaluation', query: { year: '105' } },
    routes: [{ path: '/evaluation', component: EvaluationPage }],
    attach: true,
  })
  return wrapper
}

const click = async (test: string) => {
  ;(document.querySelector(`[data-test="${test}"]`) as HTMLButtonElement).click()
  await flushPromises()
}

describe('EvaluationPage', () => {
  it('reviews in bulk what waits for the user, naming the indicators, and reloads the states', async () => {
    reviews = [review('b1-1', 'first_reviewed', ['second_review', 'return']), review('b1-2', 'first_reviewed', ['second_review', 'return'])]
    const wrapper = await mountPage()
    expect(wrapper.find('[data-test="bulk-second_review"]').text()).toContain('（2 項）')
    expect(wrapper.find('[data-test="bulk-first_review"]').exists()).toBe(false)
    await click('bulk-second_review')
    expect(document.querySelector('[data-test="bulk-list"]')?.textContent).toContain('b1-2 志工人數')
    expect(requests.filter((request) => request.startsWith('POST'))).toEqual([])
    await click('bulk-confirm')
    expect(requests.filter((request) => request.startsWith('POST'))).toEqual(['POST /api/reviews/105/actions'])
    expect(requests.filter((request) => request === 'GET /api/reviews/105')).toHaveLength(2)
    expect(wrapper.find('[data-test="bulk-result"]').text()).toContain('已複核 2 項')
    expect(wrapper.find('[data-test="bulk-second_review"]').exists()).toBe(false)
  })

  it('locks the year only once the planner confirms', async () => {
    reviews = [review('b1-1', 'second_reviewed', ['return']), review('b1-2', 'second_reviewed', ['return'])]
    const wrapper = await mountPage()
    await click('lock-year')
    expect(requests.filter((request) => request.startsWith('POST'))).toEqual([])
    await click('lock-confirm')
    expect(requests.filter((request) => request.startsWith('POST'))).toEqual(['POST /api/years/105/lock'])
    expect(wrapper.find('[data-test="year-locked"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="lock-message"]').text()).toContain('民國 105 年度已鎖定')
  })

  it("exports the year on screen as the server's CSV, under the server's name", async () => {
    reviews = []
    const wrapper = await mountPage()
    await click('export-csv')
    await flushPromises()
    expect(requests.filter((request) => request.includes('/api/reports/'))).toEqual(['GET /api/reports/evaluation?format=csv&year=105'])
    expect(saved.map((file) => file.fileName)).toEqual(['evaluation-105.csv'])
    expect(wrapper.find('[role="status"]').text()).toBe('已下載 evaluation-105.csv')
    expect(wrapper.find('[data-test="export-error"]').exists()).toBe(false)
  })

  it("shows the server's refusal of the export and saves nothing", async () => {
    reviews = []
    report = () => [503, { title: 'Service Unavailable', detail: '資料庫暫時無法使用', errors: [] }]
    const wrapper = await mountPage()
    await click('export-csv')
    await flushPromises()
    expect(wrapper.get('[data-test="export-error"]').text()).toContain('CSV 匯出失敗：資料庫暫時無法使用')
    expect(saved).toEqual([])
  })
})
