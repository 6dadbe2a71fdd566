import { describe, expect, it } from 'vitest'
import {
  applyDraft,
  budgetRows,
  cellFor,
  cellId,
  describePath,
  draftChanged,
  draftOf,
  draftProblems,
  draftWeightSums,
  formatFigure,
  fromDraftNumber,
  indicatorPath,
  indicatorRows,
  nameOf,
  placeErrors,
  planYears,
  targetPath,
  type BudgetLine,
  type PlanDocument,
} from './planDoc'

function indicator(id: string, weight: number) {
  return {
    id,
    number: 1,
    name: `指標 ${id}`,
    weight,
    framework: 1,
    method: '統計數據',
    standard: '人數',
    unit: '人',
    decimals: 0,
    owner_section: 'documents',
    kind: 'higher_is_better' as const,
    targets: { '104': 10, '105': 20 } as Record<string, number>,
    formula: '',
    baseline: null,
    stages: [],
  }
}

function plan(): PlanDocument {
  return {
    id: 'p',
    name: '計畫',
    agency: '處',
    issued: '2015-03-01',
    money_unit: '千元',
    first_year: 104,
    last_year: 105,
    sections: [],
    registers: [],
    constants: [],
    metrics: [],
    dimensions: [
      {
        id: 'business',
        name: '業務',
        goals: [
          { id: 'b1', number: 1, name: '目標一', weight: 60, owner_section: 'documents', description: '', action_items: [], indicators: [indicator('b1-1', 40), indicator('b1-2', 20)] },
          { id: 'b2', number: 2, name: '目標二', weight: 40, owner_section: 'documents', description: '', action_items: [], indicators: [indicator('b2-1', 40)] },
        ],
      },
    ],
    budget: [],
    budget_note: '',
    policy: { cap: 100, no_value_scoring: 'zero', no_value_light: 'white', lights: [] },
    chapters: [],
    budget_total: { prior: 0, years: {}, after: 0, period_sum: 0, total: 0 },
  }
}

describe('rows and years', () => {
  it('lists the plan years', () => {
    expect(planYears({ first_year: 104, last_year: 107 })).toEqual([104, 105, 106, 107])
  })
  it('spans each goal over its indicators', () => {
    const rows = indicatorRows(plan(), 0)
    expect(rows.map((row) => [row.indicator.id, row.goalRowspan])).toEqual([
      ['b1-1', 2],
      ['b1-2', 0],
      ['b2-1', 1],
    ])
    expect(indicatorRows(plan(), 5)).toEqual([])
  })
})

describe('error paths', () => {
  const cells = new Set([
    'dimensions[0].goals[0].name',
    'dimensions[0].goals[0].weight',
    indicatorPath(0, 0, 1, 'name'),
    indicatorPath(0, 0, 1, 'weight'),
    targetPath(0, 0, 1, 105),
  ])
  it('places an error at its cell or the nearest row', () => {
    expect(cellFor('dimensions[0].goals[0].indicators[1].weight', cells)).toBe('dimensions[0].goals[0].indicators[1].weight')
    expect(cellFor('dimensions[0].goals[0].indicators[1].targets.105', cells)).toBe(targetPath(0, 0, 1, 105))
    expect(cellFor('dimensions[0].goals[0].indicators[1].formula', cells)).toBe(indicatorPath(0, 0, 1, 'name'))
    expect(cellFor('dimensions[0].goals[0].indicators[7].formula', cells)).toBe('dimensions[0].goals[0].name')
    expect(cellFor('dimensions', cells)).toBeNull()
    expect(cellFor('budget[0].years.104', cells)).toBeNull()
  })
  it('gives each cell an element id', () => {
    expect(cellId('dimensions[0].goals[2].weight')).toBe('pe-dimensions-0-goals-2-weight')
    expect(cellId(targetPath(0, 1, 2, 105))).toBe('pe-dimensions-0-goals-1-indicators-2-targets-105')
  })
  it('groups messages by cell', () => {
    expect(
      placeErrors(
        [
          { path: 'dimensions[0].goals[0].weight', message: 'a' },
          { path: 'dimensions[0].goals[0].weight', message: 'b' },
          { path: 'dimensions', message: 'c' },
        ],
        cells,
      ),
    ).toEqual({ 'dimensions[0].goals[0].weight': ['a', 'b'] })
  })
  it('describes a path by the objects it names', () => {
    const parts = describePath(plan(), 'dimensions[0].goals[0].indicators[1].targets.105')
    expect(parts.dimension?.name).toBe('業務')
    expect(parts.goal?.id).toBe('b1')
    expect(parts.indicator?.id).toBe('b1-2')
    expect(parts.field).toBe('targets')
    expect(parts.year).toBe('105')
    expect(parts.rest).toBe('')
    expect(describePath(plan(), 'dimensions[0].goals[1].weight')).toMatchObject({ field: 'weight', rest: '' })
    expect(describePath(plan(), 'dimensions').dimension).toBeUndefined()
    expect(describePath(plan(), 'budget[0]').rest).toBe('budget[0]')
  })
  it('names a dimension, goal or indicator by its id', () => {
    expect(nameOf(plan(), 'b1-2')).toBe(plan().dimensions[0].goals[0].indicators[1].name)
    expect(nameOf(plan(), 'b1')).toBe(plan().dimensions[0].goals[0].name)
    expect(nameOf(plan(), 'nowhere')).toBe('nowhere')
  })
})

describe('the draft', () => {
  it('reads numbers typed as text', () => {
    expect(fromDraftNumber(' 12.5 ')).toBe(12.5)
    expect(fromDraftNumber('1,200')).toBe(1200)
    expect(fromDraftNumber('')).toBeNull()
    expect(fromDraftNumber('12a')).toBeUndefined()
    expect(fromDraftNumber('-3')).toBe(-3)
  })
  it('round-trips unchanged and applies changes', () => {
    const original = plan()
    const draft = draftOf(original)
    expect(draftChanged(original, draft)).toBe(false)
    expect(applyDraft(original, draft)).toEqual(original)
    draft.indicators[indicatorPath(0, 0, 1)].weight = '25'
    draft.indicators[indicatorPath(0, 0, 1)].targets['105'] = ''
    draft.indicators[indicatorPath(0, 0, 1)].name = '新名稱'
    draft.goals['dimensions[0].goals[0]'].weight = '65'
    expect(draftChanged(original, draft)).toBe(true)
    const edited = applyDraft(original, draft)
    const changed = edited.dimensions[0].goals[0]
    expect(changed.weight).toBe(65)
    expect(changed.indicators[1]).toMatchObject({ weight: 25, name: '新名稱', targets: { '104': 10 } })
    expect(original.dimensions[0].goals[0].indicators[1].weight).toBe(20)
  })
  it('finds what is not a number and sums weights', () => {
    const draft = draftOf(plan())
    draft.indicators[indicatorPath(0, 0, 0)].weight = 'x'
    draft.indicators[indicatorPath(0, 0, 0)].targets['104'] = '1O'
    draft.goals['dimensions[0].goals[1]'].weight = ''
    expect(draftProblems(draft)).toEqual([
      { path: 'dimensions[0].goals[1].weight', message: 'required' },
      { path: indicatorPath(0, 0, 0, 'weight'), message: 'number' },
      { path: targetPath(0, 0, 0, '104'), message: 'number' },
    ])
    expect(draftWeightSums(draft)).toEqual({
      total: 60,
      goals: { 'dimensions[0].goals[0]': 20, 'dimensions[0].goals[1]': 40 },
    })
  })
})

describe('budget', () => {
  const line = (number: string, prior: number, year: number, children: BudgetLine[] = []): BudgetLine => ({
    number,
    name: number,
    goal: 'b1',
    nature: 'social_development',
    note: '',
    prior,
    years: children.length ? {} : { '104': year, '105': year },
    after: children.length ? 0 : year,
    period_sum: 0,
    total: 0,
    children,
  })
  it('sums children into their parent and flattens with depth', () => {
    const rows = budgetRows([line('1', 1, 10), line('2', 0, 0, [line('2.1', 5, 100), line('2.2', 7, 1)])])
    expect(rows.map((row) => [row.line.number, row.depth])).toEqual([
      ['1', 0],
      ['2', 0],
      ['2.1', 1],
      ['2.2', 1],
    ])
    expect(rows[1].figures).toMatchObject({ prior: 12, years: { '104': 101, '105': 101 }, after: 101 })
  })
  it('formats figures', () => {
    expect(formatFigure(10158)).toBe('10,158')
    expect(formatFigure(1.5, 2)).toBe('1.50')
    expect(formatFigure(null)).toBe('')
  })
})
