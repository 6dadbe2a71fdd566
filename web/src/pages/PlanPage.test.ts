// The plan page's narrative: live figures (GET /api/plan/chapters) when reading, the raw
// text with its {{…}} references while editing, and the raw text when rendering fails.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { i18n } from '../i18n'
import { fakeFetch } from '../test/fakeApi'
import { mountRoute } from '../test/mountWithRouter'
import { session } from '../lib/session'
import type { PlanChapter, PlanDocument } from '../lib/planDoc'
import PlanPage from './PlanPage.vue'

function chapter(heading: string, text: string, children: PlanChapter[] = []): PlanChapter {
  return { heading, text, generated: '', children }
}

const plan = {
  id: 'p',
  name: '中程施政計畫',
  agency: '某局',
  issued: '',
  money_unit: '千元',
  first_year: 104,
  last_year: 107,
  sections: [{ id: 'documents', name: '文檔科', duties: '收發文' }],
  registers: [],
  constants: [],
  metrics: [],
  dimensions: [],
  budget: [],
  budget_note: '',
  policy: { cap: 120, no_value_scoring: 'zero', no_value_light: 'white', lights: [] },
  chapters: [chapter('壹、前言', '紙本收文 {{documents_received_paper 100-103 | 萬}} 件。', [chapter('一、現況', '說明')])],
  budget_total: { prior: 0, years: {}, after: 0, period_sum: 0, total: 0 },
} as PlanDocument

let chaptersStatus = 200

beforeEach(() => {
  chaptersStatus = 200
  i18n.global.locale.value = 'zh-TW'
  session.permissions = {
    edit_plan: true,
    manage_users: false,
    read_audit: false,
    lock_year: false,
    unlock_year: false,
    comment: false,
    write_registers: [],
    report_indicators: [],
  }
  fakeFetch(({ path }) => {
    if (path === '/api/plan') return [200, { version: 3, plan }]
    if (path === '/api/plan/chapters')
      return [chaptersStatus, { chapters: [chapter('壹、前言', '紙本收文 47 萬 0,432 件。', [chapter('一、現況', '說明')])] }]
    return [404, {}]
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  session.permissions = null
})

async function mountPage() {
  // Through a router-view, as in the app: the page guards against leaving with unsaved edits.
  const { wrapper } = await mountRoute('/plan', [{ path: '/plan', component: PlanPage }])
  return wrapper
}

describe('PlanPage chapters', () => {
  it('reads the chapters with live figures and edits with the raw references', async () => {
    const wrapper = await mountPage()
    expect(wrapper.get('#ch-0 .pl-text').text()).toBe('紙本收文 47 萬 0,432 件。')
    expect(wrapper.find('.pl-ref').exists()).toBe(false)

    await wrapper.get('[data-test="edit-plan"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('#ch-0 .pl-text').text()).toBe('紙本收文 {{documents_received_paper 100-103 | 萬}} 件。')
    expect(wrapper.get('#ch-0 .pl-ref').text()).toBe('{{documents_received_paper 100-103 | 萬}}')
    expect(wrapper.get('#ch-0-0 .pl-text').text()).toBe('說明')
  })

  it('shows the raw text when the chapters cannot be rendered', async () => {
    chaptersStatus = 500
    const wrapper = await mountPage()
    expect(wrapper.get('#ch-0 .pl-text').text()).toBe('紙本收文 {{documents_received_paper 100-103 | 萬}} 件。')
    expect(wrapper.findAll('.pl-contents li').map((item) => item.text())).toContain('壹、前言')
    expect(wrapper.get('#pl-sections').text()).toContain('文檔科')
  })
})
