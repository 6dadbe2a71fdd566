// The indicator page against a fake API, for what it wires together: a milestone's
// yearly actual values with the stage reached (from the plan's stages), a value that is no
// stage's said in words, and the manual value form only for those who report the indicator.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '../i18n'
import { session } from '../lib/session'
import { forgetAll } from '../composables/usePlanData'
import type { Indicator, IndicatorHistory } from '../api/types'
import { fakeFetch } from '../test/fakeApi'
import { mountRoute } from '../test/mountWithRouter'
import IndicatorPage from './IndicatorPage.vue'

const stages = [
  { name: '規劃設計', percent: 25 },
  { name: '工程發包', percent: 50 },
  { name: '工程完工', percent: 100 },
]
const indicator: Indicator = {
  id: 'b4-1',
  number: 1,
  name: '市政大樓整修',
  weight: 10,
  framework: 1,
  method: '',
  standard: '',
  unit: '%',
  decimals: 0,
  owner_section: 'general_affairs',
  kind: 'milestone',
  targets: { '104': 25, '105': 50 },
  formula: '',
  registers: [],
  formula_words: null,
}
const year = (value: number, actual: number | null, extra: Partial<IndicatorHistory['years'][number]> = {}) => ({
  year: value,
  target: 50,
  actual,
  note: '',
  stage: null,
  not_a_stage: null,
  achievement: actual,
  light: actual === null ? 'white' : 'green',
  score: 0,
  review_state: 'draft' as const,
  ...extra,
})
const history: IndicatorHistory = {
  indicator,
  years: [
    year(104, 25),
    year(105, null, { note: 'the value 30 is not the percentage of a stage; the stages are …', not_a_stage: 30 }),
  ],
}
const plan = {
  version: 1,
  plan: {
    sections: [],
    dimensions: [{ id: 'business', name: '業務', goals: [{ id: 'b4', name: '目標', indicators: [{ ...indicator, baseline: null, stages }] }] }],
  },
}

function permit(indicators: string[]): void {
  session.permissions = {
    edit_plan: false,
    manage_users: false,
    read_audit: false,
    lock_year: false,
    unlock_year: false,
    comment: false,
    write_registers: [],
    report_indicators: indicators,
  }
}

beforeEach(() => {
  forgetAll()
  i18n.global.locale.value = 'zh-TW'
  fakeFetch(({ path }) => {
    if (path === '/api/plan/indicators/b4-1/history') return [200, history]
    if (path === '/api/plan') return [200, plan]
    return [200, []]
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  session.permissions = null
})

async function mountPage() {
  const stubs = { IndicatorChart: true, ReviewPanel: true, SourceRecords: true, ReviewHistory: true, IndicatorDefinition: true, ManualValueForm: true }
  const { wrapper } = await mountRoute('/indicators/b4-1?year=104', [{ path: '/indicators/:id', name: 'indicator', component: IndicatorPage, props: true }], {
    stubs,
  })
  return wrapper
}

describe('IndicatorPage', () => {
  it('shows a milestone\'s actual value with the stage reached, and a value no stage has in words', async () => {
    permit([])
    const wrapper = await mountPage()
    expect(wrapper.get('[data-test="target-104"]').text()).toBe('50%')
    expect(wrapper.get('[data-test="actual-104"]').text()).toBe('25%（規劃設計）')
    expect(wrapper.get('[data-test="actual-105"]').text()).toBe('—')
    expect(wrapper.get('[data-test="note-105"]').text()).toBe(
      '實際值 30 不是任何階段的百分比，以無數值計；階段為：規劃設計（25%）、工程發包（50%）、工程完工（100%）',
    )
  })

  it('offers the manual value form, with the plan\'s stages, only to those who report the indicator', async () => {
    permit([])
    expect((await mountPage()).findComponent({ name: 'ManualValueForm' }).exists()).toBe(false)
    permit(['b4-1'])
    const form = (await mountPage()).findComponent({ name: 'ManualValueForm' })
    expect(form.exists()).toBe(true)
    expect(form.props('stages')).toEqual(stages)
    expect(form.props('year')).toBe(104)
  })
})
