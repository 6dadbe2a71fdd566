// The plan document (GET /api/plan) as the plan page reads it: its shapes, its years and
// the rows of each dimension's indicator table. Editing it is planDraft.ts, the paths the
// server names in its errors planPaths.ts, the budget table's lines planBudget.ts.
import type { Indicator, Section } from '../api/types'

export interface PlanChapter {
  heading: string
  generated: '' | 'goals' | 'indicator_table' | 'action_items' | 'budget_table'
  text: string
  children: PlanChapter[]
}

export interface PlanIndicator extends Omit<Indicator, 'registers' | 'goal' | 'dimension'> {
  baseline: { value: number; year: number; note?: string } | null
  stages: { name: string; percent: number }[]
}

export interface PlanGoal {
  id: string
  number: number
  name: string
  weight: number
  owner_section: string
  description: string
  action_items: { text: string; details?: string[] }[]
  indicators: PlanIndicator[]
}

export interface PlanDimension {
  id: string
  name: string
  goals: PlanGoal[]
}

export type YearNumbers = Record<string, number>

export interface BudgetFigures {
  prior: number
  years: YearNumbers
  after: number
  period_sum: number
  total: number
}

export interface BudgetLine extends BudgetFigures {
  number: string
  name: string
  goal: string
  nature: 'public_construction' | 'social_development'
  note: string
  children: BudgetLine[]
}

export interface Budget {
  money_unit: string
  years: number[]
  lines: BudgetLine[]
  total: BudgetFigures
  note: string
}

export interface PlanRegisterField {
  id: string
  name: string
  type: string
  choices?: string[]
}

export interface PlanRegister {
  id: string
  name: string
  fields: PlanRegisterField[]
  time_basis?: string
}

export interface PlanDocument {
  id: string
  name: string
  agency: string
  issued: string
  money_unit: string
  first_year: number
  last_year: number
  sections: (Section & { budget_share?: YearNumbers })[]
  registers: PlanRegister[]
  // value: one number, or one per ROC year
  constants: { id: string; value: number | Record<string, number>; description?: string }[]
  metrics: { id: string; name: string; unit?: string; decimals?: number; formula: string }[]
  dimensions: PlanDimension[]
  budget: BudgetLine[]
  budget_note: string
  policy: {
    cap: number
    no_value_scoring: string
    min_valued_share?: number // written only under `exclude`
    no_value_light: string
    lights: { id: string; label: string; symbol: string; colour: string; at_least?: number | null }[]
  }
  chapters: PlanChapter[]
  budget_total: BudgetFigures
  [key: string]: unknown
}

export interface PlanWithVersion {
  version: number
  plan: PlanDocument
}

// 104…107.
export function planYears(plan: Pick<PlanDocument, 'first_year' | 'last_year'>): number[] {
  const years: number[] = []
  for (let year = plan.first_year; year <= plan.last_year; year += 1) years.push(year)
  return years
}

// One row of a dimension's 衡量指標 table. The goal cell spans its indicators' rows, so
// goalRowspan is the number of rows for the goal's first row and 0 for the others.
export interface IndicatorRow {
  d: number
  g: number
  i: number
  goal: PlanGoal
  indicator: PlanIndicator
  goalRowspan: number
}

export function indicatorRows(plan: PlanDocument, d: number): IndicatorRow[] {
  const rows: IndicatorRow[] = []
  plan.dimensions[d]?.goals.forEach((goal, g) => {
    goal.indicators.forEach((indicator, i) => {
      rows.push({ d, g, i, goal, indicator, goalRowspan: i === 0 ? goal.indicators.length : 0 })
    })
  })
  return rows
}
