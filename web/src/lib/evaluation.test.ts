import { describe, expect, it } from 'vitest'
import type { Indicator, IndicatorResult, Review, YearEvaluation } from '../api/types'
import {
  chooseYear,
  compareYears,
  countLights,
  countStates,
  groupEvaluation,
  needsAttention,
  yearFromQuery,
  yearHasData,
  type GoalTree,
} from './evaluation'

function result(id: string, goal: string, dimension: string, extra: Partial<IndicatorResult> = {}): IndicatorResult {
  return {
    id,
    goal,
    dimension,
    name: `指標 ${id}`,
    weight: 10,
    kind: 'higher_is_better',
    unit: '人',
    target: 100,
    actual: 100,
    source: 'formula',
    note: '',
    stage: null,
    not_a_stage: null,
    achievement: 100,
    capped_achievement: 100,
    light: 'green',
    score: 10,
    ...extra,
  }
}

function evaluation(year: number, indicators: IndicatorResult[], total = 90): YearEvaluation {
  return {
    year,
    total_score: total,
    complete: true,
    valued_weight: 30,
    total_weight: 30,
    scoring_note: { 'zh-TW': '', en: '' },
    no_value_count: indicators.filter((i) => i.actual === null).length,
    indicators,
    goals: [
      { id: 'b1', name: '目標一', weight: 20, score: 18 },
      { id: 'b2', name: '目標二', weight: 10, score: 9 },
      { id: 'h1', name: '目標三', weight: 10, score: 10 },
    ],
    dimensions: [
      { id: 'business', name: '業務', weight: 30, score: 27 },
      { id: 'human', name: '人力', weight: 10, score: 10 },
    ],
  }
}

function review(indicator_id: string, state: Review['state']): Review {
  return { indicator_id, available_actions: [], year: 105, state, explanation: '', version: 1, updated_at: null, updated_by: null }
}

const sample = () => [
  result('b1-1', 'b1', 'business'),
  result('b1-2', 'b1', 'business', { light: 'red', achievement: 60, score: 6 }),
  result('b2-1', 'b2', 'business', { actual: null, achievement: null, light: 'white', score: 0 }),
  result('h1-1', 'h1', 'human', { kind: 'yes_no', unit: '' }),
]

// An indicator of the plan with only the facts these tests look at.
function indicator(facts: Pick<Indicator, 'id' | 'number' | 'decimals' | 'owner_section'>): Indicator {
  return { name: '', weight: 0, framework: 0, method: '', standard: '', unit: '', kind: 'higher_is_better', targets: {}, formula: '', registers: [], ...facts }
}

const tree: GoalTree = {
  version: 1,
  dimensions: [
    {
      id: 'business',
      name: '業務',
      goals: [
        {
          id: 'b1',
          number: 1,
          name: '目標一',
          weight: 20,
          owner_section: 'documents',
          indicators: [
            indicator({ id: 'b1-1', number: 1, decimals: 0, owner_section: 'documents' }),
            indicator({ id: 'b1-2', number: 2, decimals: 2, owner_section: 'procurement' }),
          ],
        },
        { id: 'b2', number: 2, name: '目標二', weight: 10, owner_section: 'documents', indicators: [] },
      ],
    },
  ],
}

describe('years', () => {
  it('defaults to the latest year with any value, else the first', () => {
    const empty = (year: number) => evaluation(year, [result('x', 'b1', 'business', { actual: null })])
    expect(chooseYear([evaluation(104, sample()), evaluation(105, sample()), empty(106)], yearHasData, undefined)).toBe(105)
    expect(chooseYear([empty(104), empty(105)], yearHasData, undefined)).toBe(104)
    expect(chooseYear([], yearHasData, undefined)).toBeNull()
  })

  // An indicator's years: a row per plan year with its actual value.
  const rows = [
    { year: 104, actual: 1 },
    { year: 105, actual: 2 },
    { year: 106, actual: null },
  ]
  const valued = (row: { actual: number | null }) => row.actual !== null
  it('takes the asked year when it is a plan year', () => {
    expect(chooseYear(rows, valued, '104')).toBe(104)
    expect(chooseYear(rows, valued, ['106'])).toBe(106)
  })
  it('falls back to the latest year with a value, then the first', () => {
    expect(chooseYear(rows, valued, '999')).toBe(105)
    expect(chooseYear(rows, valued, undefined)).toBe(105)
    expect(chooseYear(rows, valued, 'abc')).toBe(105)
    expect(chooseYear([{ year: 104, actual: null }], valued, undefined)).toBe(104)
    expect(chooseYear([], valued, undefined)).toBeNull()
  })

  it('reads a plan year from the address', () => {
    expect(yearFromQuery('105', [104, 105])).toBe(105)
    expect(yearFromQuery(['104'], [104, 105])).toBe(104)
    expect(yearFromQuery('103', [104, 105])).toBeNull()
    expect(yearFromQuery('1e2', [104])).toBeNull()
    expect(yearFromQuery(undefined, [104])).toBeNull()
  })
})

describe('groupEvaluation', () => {
  it('groups indicators by dimension and goal with their subtotals and reviews', () => {
    const groups = groupEvaluation(evaluation(105, sample()), tree, [review('b1-2', 'returned')])
    expect(groups.map((g) => g.id)).toEqual(['business', 'human'])
    expect(groups[0].rollup.score).toBe(27)
    expect(groups[0].goals.map((g) => [g.id, g.number, g.rollup.score, g.rows.length])).toEqual([
      ['b1', 1, 18, 2],
      ['b2', 2, 9, 1],
    ])
    expect(groups[0].goals[0].rows[1].info?.decimals).toBe(2)
    expect(groups[0].goals[0].rows[1].review?.state).toBe('returned')
    expect(groups[1].goals[0].rows[0].info).toBeUndefined()
  })

  it('keeps indicators whose goal or dimension has no roll-up', () => {
    const data = evaluation(105, [result('x-1', 'x', 'other')])
    const groups = groupEvaluation(data)
    const other = groups.find((g) => g.id === 'other')!
    expect(other.goals[0].rollup).toEqual({ id: 'x', name: 'x', weight: 0, score: 0 })
  })
})

describe('lights and reviews', () => {
  it('counts lights in a fixed order', () => {
    expect(countLights(evaluation(105, sample()))).toEqual([
      { light: 'green', count: 2 },
      { light: 'yellow', count: 0 },
      { light: 'red', count: 1 },
      { light: 'white', count: 1 },
    ])
  })

  it('finds red, valueless and returned indicators', () => {
    const items = needsAttention(evaluation(105, sample()), [review('b1-2', 'returned'), review('h1-1', 'returned')])
    expect(items.map((item) => [item.result.id, item.reasons])).toEqual([
      ['b1-2', ['red', 'returned']],
      ['b2-1', ['no_value']],
      ['h1-1', ['returned']],
    ])
  })

  it('counts review states', () => {
    const counts = countStates([review('a', 'draft'), review('b', 'draft'), review('c', 'second_reviewed')])
    expect(counts).toEqual({ draft: 2, submitted: 0, first_reviewed: 0, second_reviewed: 1, returned: 0 })
  })

})

describe('compareYears', () => {
  it('puts every year side by side', () => {
    const later = sample().map((r) => (r.id === 'b1-2' ? { ...r, light: 'yellow' } : r))
    const comparison = compareYears([evaluation(104, sample(), 80), evaluation(105, later, 90)])
    expect(comparison.years).toEqual([104, 105])
    expect(comparison.rows.map((row) => `${row.level}:${row.id}`)).toEqual([
      'dimension:business',
      'goal:b1',
      'goal:b2',
      'dimension:human',
      'goal:h1',
      'total:total',
    ])
    expect(comparison.rows.at(-1)).toMatchObject({ weight: 40, scores: [80, 90] })
    expect(comparison.indicators.find((i) => i.id === 'b1-2')!.years.map((y) => y?.light)).toEqual(['red', 'yellow'])
    expect(compareYears([])).toEqual({ years: [], rows: [], indicators: [] })
  })
})
