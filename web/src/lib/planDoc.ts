// The plan document (GET /api/plan) as the plan page reads and edits it: its shapes, the
// rows of the indicator table, the budget table's lines, the paths the server names in
// its 422 errors ("dimensions[0].goals[2].indicators[1].weight") and the cells they
// belong to.
import type { Indicator, ProblemEntry, Section } from '../api/types'

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

// ---- paths the server names ----

export function goalPath(d: number, g: number, field?: string): string {
  const base = `dimensions[${d}].goals[${g}]`
  return field ? `${base}.${field}` : base
}

export function indicatorPath(d: number, g: number, i: number, field?: string): string {
  const base = `${goalPath(d, g)}.indicators[${i}]`
  return field ? `${base}.${field}` : base
}

export function targetPath(d: number, g: number, i: number, year: number | string): string {
  return `${indicatorPath(d, g, i)}.targets.${year}`
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

// Where an error's path is shown: the cell with exactly that path if the table has one,
// otherwise the nearest enclosing indicator or goal (its name cell), otherwise nowhere
// but the summary.
export function placeErrors(errors: ProblemEntry[], cells: Set<string>): Record<string, string[]> {
  const placed: Record<string, string[]> = {}
  for (const error of errors) {
    const cell = cellFor(error.path, cells)
    if (cell === null) continue
    ;(placed[cell] ??= []).push(error.message)
  }
  return placed
}

export function cellFor(path: string, cells: Set<string>): string | null {
  if (cells.has(path)) return path
  const indicator = /^(dimensions\[\d+\]\.goals\[\d+\]\.indicators\[\d+\])/.exec(path)
  if (indicator && cells.has(`${indicator[1]}.name`)) return `${indicator[1]}.name`
  const goal = /^(dimensions\[\d+\]\.goals\[\d+\])/.exec(path)
  if (goal && cells.has(`${goal[1]}.name`)) return `${goal[1]}.name`
  return null
}

export interface PathParts {
  dimension?: PlanDimension
  goal?: PlanGoal
  indicator?: PlanIndicator
  field?: string // name, weight, standard, targets, …
  year?: string // of targets.<year>
  rest: string // what was not understood, "" when everything was
}

// Splits "dimensions[0].goals[2].indicators[1].targets.105" into the objects it names,
// so the summary can say "業務 › 目標 3 › 指標 2 › 目標值 105 年".
export function describePath(plan: PlanDocument, path: string): PathParts {
  const parts: PathParts = { rest: path }
  const match = /^dimensions\[(\d+)\](?:\.goals\[(\d+)\](?:\.indicators\[(\d+)\])?)?(?:\.([a-z_]+))?(?:\.(\d+))?(.*)$/.exec(path)
  if (!match) return parts
  const [, d, g, i, field, year, rest] = match
  parts.dimension = plan.dimensions[Number(d)]
  if (g !== undefined) parts.goal = parts.dimension?.goals[Number(g)]
  if (i !== undefined) parts.indicator = parts.goal?.indicators[Number(i)]
  parts.field = field
  parts.year = year
  parts.rest = rest
  return parts
}

// The name of the dimension, goal or indicator with `id`; the id itself when none has it.
export function nameOf(plan: PlanDocument, id: string): string {
  for (const dimension of plan.dimensions) {
    if (dimension.id === id) return dimension.name
    for (const goal of dimension.goals) {
      if (goal.id === id) return goal.name
      const indicator = goal.indicators.find((each) => each.id === id)
      if (indicator) return indicator.name
    }
  }
  return id
}

// ---- editing ----

// The plan's editable numbers while they are being typed: text (so "12a" stays as typed
// until it is fixed); fromDraftNumber makes them numbers again for the server.
export function toDraftNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value)
}

// "12", " 12.5 ", "1,200" → number; "" → null; anything else → undefined (not a number).
export function fromDraftNumber(text: string): number | null | undefined {
  const trimmed = text.trim().replace(/,/g, '')
  if (trimmed === '') return null
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return undefined
  return Number(trimmed)
}

export interface EditableGoal {
  name: string
  weight: string
}

export interface EditableIndicator {
  name: string
  weight: string
  method: string
  standard: string
  unit: string
  targets: Record<string, string>
}

// What the edit mode changes, keyed by the goal's and indicator's paths.
export interface PlanDraft {
  goals: Record<string, EditableGoal>
  indicators: Record<string, EditableIndicator>
}

export function draftOf(plan: PlanDocument): PlanDraft {
  const draft: PlanDraft = { goals: {}, indicators: {} }
  const years = planYears(plan)
  plan.dimensions.forEach((dimension, d) =>
    dimension.goals.forEach((goal, g) => {
      draft.goals[goalPath(d, g)] = { name: goal.name, weight: toDraftNumber(goal.weight) }
      goal.indicators.forEach((indicator, i) => {
        const targets: Record<string, string> = {}
        for (const year of years) targets[year] = toDraftNumber(indicator.targets[String(year)])
        draft.indicators[indicatorPath(d, g, i)] = {
          name: indicator.name,
          weight: toDraftNumber(indicator.weight),
          method: indicator.method,
          standard: indicator.standard,
          unit: indicator.unit,
          targets,
        }
      })
    }),
  )
  return draft
}

// Numbers of the draft that are not numbers, as errors at their cells (checked before
// anything is sent).
export function draftProblems(draft: PlanDraft): ProblemEntry[] {
  const problems: ProblemEntry[] = []
  for (const [path, goal] of Object.entries(draft.goals)) {
    if (fromDraftNumber(goal.weight) === undefined) problems.push({ path: `${path}.weight`, message: 'number' })
    else if (fromDraftNumber(goal.weight) === null) problems.push({ path: `${path}.weight`, message: 'required' })
  }
  for (const [path, indicator] of Object.entries(draft.indicators)) {
    const weight = fromDraftNumber(indicator.weight)
    if (weight === undefined) problems.push({ path: `${path}.weight`, message: 'number' })
    else if (weight === null) problems.push({ path: `${path}.weight`, message: 'required' })
    for (const [year, text] of Object.entries(indicator.targets))
      if (fromDraftNumber(text) === undefined) problems.push({ path: `${path}.targets.${year}`, message: 'number' })
  }
  return problems
}

// The full plan document with the draft's changes, for PUT /api/plan. The computed
// budget figures stay in; the server ignores them. Targets left empty are removed.
export function applyDraft(plan: PlanDocument, draft: PlanDraft): PlanDocument {
  const edited: PlanDocument = JSON.parse(JSON.stringify(plan))
  edited.dimensions.forEach((dimension, d) =>
    dimension.goals.forEach((goal, g) => {
      const goalDraft = draft.goals[goalPath(d, g)]
      if (goalDraft) {
        goal.name = goalDraft.name
        goal.weight = fromDraftNumber(goalDraft.weight) ?? (goalDraft.weight as unknown as number)
      }
      goal.indicators.forEach((indicator, i) => {
        const indicatorDraft = draft.indicators[indicatorPath(d, g, i)]
        if (!indicatorDraft) return
        indicator.name = indicatorDraft.name
        indicator.weight = fromDraftNumber(indicatorDraft.weight) ?? (indicatorDraft.weight as unknown as number)
        indicator.method = indicatorDraft.method
        indicator.standard = indicatorDraft.standard
        indicator.unit = indicatorDraft.unit
        for (const [year, text] of Object.entries(indicatorDraft.targets)) {
          const value = fromDraftNumber(text)
          if (value === null) delete indicator.targets[year]
          else indicator.targets[year] = value ?? (text as unknown as number)
        }
      })
    }),
  )
  return edited
}

// Whether the draft differs from the plan it was made from.
export function draftChanged(plan: PlanDocument, draft: PlanDraft): boolean {
  return JSON.stringify(draftOf(plan)) !== JSON.stringify(draft)
}

// The sum of the goals' weights (should be 100) and, per goal, of its indicators'
// weights (should be the goal's), from the draft's text; non-numbers count as 0.
export function draftWeightSums(draft: PlanDraft): { total: number; goals: Record<string, number> } {
  const goals: Record<string, number> = {}
  let total = 0
  for (const [path, goal] of Object.entries(draft.goals)) {
    total += fromDraftNumber(goal.weight) ?? 0
    goals[path] = 0
  }
  for (const [path, indicator] of Object.entries(draft.indicators)) {
    const goal = path.replace(/\.indicators\[\d+\]$/, '')
    goals[goal] = (goals[goal] ?? 0) + (fromDraftNumber(indicator.weight) ?? 0)
  }
  const round = (n: number) => Math.round(n * 1e6) / 1e6
  for (const key of Object.keys(goals)) goals[key] = round(goals[key])
  return { total: round(total), goals }
}

// ---- the budget table ----

export interface BudgetRow {
  line: BudgetLine
  depth: number
  figures: BudgetFigures
}

// A line's figures; a line with children shows the sums of its children's prior, years
// and after (the server computes period_sum and total already).
export function lineFigures(line: BudgetLine): BudgetFigures {
  if (line.children.length === 0)
    return { prior: line.prior, years: line.years, after: line.after, period_sum: line.period_sum, total: line.total }
  const children = line.children.map(lineFigures)
  const years: YearNumbers = {}
  for (const child of children)
    for (const [year, value] of Object.entries(child.years)) years[year] = (years[year] ?? 0) + value
  return {
    prior: children.reduce((sum, child) => sum + child.prior, 0),
    years,
    after: children.reduce((sum, child) => sum + child.after, 0),
    period_sum: line.period_sum,
    total: line.total,
  }
}

export function budgetRows(lines: BudgetLine[], depth = 0): BudgetRow[] {
  const rows: BudgetRow[] = []
  for (const line of lines) {
    rows.push({ line, depth, figures: lineFigures(line) })
    rows.push(...budgetRows(line.children, depth + 1))
  }
  return rows
}

// Money and other figures with thousands separators: 10158 → "10,158".
export function formatFigure(value: number | null | undefined, decimals?: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return ''
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals ?? 0,
    maximumFractionDigits: decimals ?? 2,
  })
}

// The id of the input editing the field at `path`, so an error in the summary can lead
// to it: "dimensions[0].goals[2].weight" → "pe-dimensions-0-goals-2-weight".
export function cellId(path: string): string {
  return `pe-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`
}
