import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { YearEvaluation } from '../../api/types'
import { i18n } from '../../i18n'
import { groupEvaluation } from '../../lib/evaluation'
import type { Stage } from '../../lib/milestone'
import { testRouter } from '../../test/mountWithRouter'
import EvaluationTable from './EvaluationTable.vue'

const evaluation: YearEvaluation = {
  year: 107,
  total_score: 18.2,
  complete: true,
  valued_weight: 20,
  total_weight: 30,
  scoring_note: { 'zh-TW': '', en: '' },
  no_value_count: 1,
  indicators: [
    {
      id: 'b1-1',
      goal: 'b1',
      dimension: 'business',
      name: '研習人數',
      weight: 10,
      kind: 'higher_is_better',
      unit: '人',
      target: 500,
      actual: 410,
      source: 'formula',
      note: '',
      stage: null,
      not_a_stage: null,
      achievement: 82,
      capped_achievement: 82,
      light: 'red',
      score: 8.2,
    },
    {
      id: 'b1-2',
      goal: 'b1',
      dimension: 'business',
      name: '抽查分數',
      weight: 10,
      kind: 'higher_is_better',
      unit: '%',
      target: 90,
      actual: null,
      source: 'none',
      note: 'no data for 107',
      stage: null,
      not_a_stage: null,
      achievement: null,
      capped_achievement: null,
      light: 'white',
      score: 0,
    },
  ],
  goals: [{ id: 'b1', name: '目標一', weight: 20, score: 8.2 }],
  dimensions: [{ id: 'business', name: '業務', weight: 20, score: 8.2 }],
}

function render(shown: YearEvaluation = evaluation, stages?: Map<string, Stage[]>) {
  const router = testRouter()
  const groups = groupEvaluation(shown, null, [
    { indicator_id: 'b1-1', available_actions: [], year: 107, state: 'submitted', explanation: '', version: 1, updated_at: null, updated_by: null },
  ])
  return mount(EvaluationTable, {
    props: { year: 107, groups, totalScore: shown.total_score, hasData: true, showStates: true, stages },
    global: { plugins: [i18n, router] },
  })
}

describe('EvaluationTable', () => {
  it('shows every indicator with its actual value, light and review state', () => {
    const wrapper = render()
    const row = wrapper.get('[data-test="indicator-row-b1-1"]')
    expect(row.get('[data-test="target"]').text()).toBe('500人')
    expect(row.get('[data-test="actual"]').text()).toBe('410人')
    expect(row.get('[data-test="light"]').text()).toBe('紅燈')
    expect(row.get('[data-test="review-state"]').text()).toBe('已送出')
    expect(row.get('a').attributes('href')).toBe('/indicators/b1-1?year=107')

    const empty = wrapper.get('[data-test="indicator-row-b1-2"]')
    expect(empty.get('[data-test="actual"]').text()).toContain('—')
    expect(empty.get('[data-test="actual"]').text()).toContain('民國 107 年無資料')
    expect(empty.get('[data-test="light"]').text()).toBe('白燈')
  })

  it('closes each goal and dimension with a subtotal and ends with the total', () => {
    const wrapper = render()
    expect(wrapper.get('[data-test="goal-subtotal-b1"]').text()).toContain('8.20')
    expect(wrapper.get('[data-test="dimension-subtotal-business"]').text()).toContain('業務面向小計')
    expect(wrapper.get('[data-test="evaluation-total"]').text()).toBe('18.20')
    // The goal's cell spans its indicators and its subtotal.
    expect(wrapper.get('th.ev-goal').attributes('rowspan')).toBe('3')
  })

  it('prints a ceiling with ≤ and its unit, and a yes-no value in the page\'s words', () => {
    const base = evaluation.indicators[0]
    const shown: YearEvaluation = {
      ...evaluation,
      indicators: [
        { ...base, id: 'b3-1', name: '陳情案件', kind: 'lower_is_better', unit: '件', target: 120, actual: 98 },
        { ...base, id: 'b3-2', name: '完成建置', kind: 'yes_no', unit: '', target: 1, actual: 0 },
      ],
    }
    const cells = (wrapper: ReturnType<typeof render>, id: string) =>
      ['target', 'actual'].map((cell) => wrapper.get(`[data-test="indicator-row-${id}"] [data-test="${cell}"]`).text())
    const zh = render(shown)
    expect(cells(zh, 'b3-1')).toEqual(['≤120件', '98件'])
    expect(cells(zh, 'b3-2')).toEqual(['是', '否'])
    expect(zh.get('[data-test="indicator-row-b3-1"] td.num').text()).toBe('10%')
    i18n.global.locale.value = 'en'
    try {
      expect(cells(render(shown), 'b3-2')).toEqual(['Yes', 'No'])
    } finally {
      i18n.global.locale.value = 'zh-TW'
    }
  })

  it('shows a milestone\'s stage reached, and a value that is no stage\'s in words with the plan\'s stages', () => {
    const base = evaluation.indicators[0]
    const milestones: YearEvaluation = {
      ...evaluation,
      indicators: [
        { ...base, id: 'b2-1', name: '市政大樓整修', kind: 'milestone', unit: '%', target: 50, actual: 25, source: 'manual', note: '工程進度報告', stage: '規劃設計' },
        {
          ...base,
          id: 'b2-2',
          name: '停車場新建',
          kind: 'milestone',
          unit: '%',
          target: 50,
          actual: null,
          source: 'formula',
          note: 'the value 30 is not the percentage of a stage; the stages are 規劃設計 (25), 工程發包 (50)',
          not_a_stage: 30,
          achievement: null,
          capped_achievement: null,
          light: 'white',
          score: 0,
        },
      ],
    }
    const stages = new Map([['b2-2', [{ name: '規劃設計', percent: 25 }, { name: '工程發包', percent: 50 }]]])
    const wrapper = render(milestones, stages)
    const reached = wrapper.get('[data-test="indicator-row-b2-1"] [data-test="actual"]').text()
    expect(reached).toContain('25%（規劃設計）')
    expect(reached).toContain('人工填報')
    const other = wrapper.get('[data-test="indicator-row-b2-2"] [data-test="actual"]')
    expect(other.get('[data-test="not-a-stage"]').text()).toBe(
      '實際值 30 不是任何階段的百分比，以無數值計；階段為：規劃設計（25%）、工程發包（50%）',
    )
    expect(other.text()).not.toContain('the value 30')

    // Without the plan's stages the note still says it, without the list.
    const bare = render(milestones).get('[data-test="indicator-row-b2-2"] [data-test="not-a-stage"]').text()
    expect(bare).toBe('實際值 30 不是任何階段的百分比，以無數值計')
  })
})
