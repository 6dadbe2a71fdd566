// Reading evaluations the way people do: which year to show first, the year's table
// grouped by dimension and goal with subtotals, what needs attention, what waits for the
// signed-in user and the years side by side. Pure functions; the pages fetch and
// translate (the CSV export is the server's, GET /api/reports/evaluation).
import type {
  Dimension,
  Indicator,
  IndicatorResult,
  Review,
  ReviewState,
  RollUp,
  YearEvaluation,
} from '../api/types'

// GET /api/plan/goals.
export interface GoalTree {
  version: number
  dimensions: Dimension[]
}

// The plan's facts about an indicator that the evaluation leaves out.
export interface IndicatorInfo {
  number: number
  decimals: number
  owner_section: string
  kind: Indicator['kind']
}

export function indicatorInfo(tree: GoalTree | null): Map<string, IndicatorInfo> {
  const info = new Map<string, IndicatorInfo>()
  for (const dimension of tree?.dimensions ?? [])
    for (const goal of dimension.goals)
      for (const indicator of goal.indicators)
        info.set(indicator.id, {
          number: indicator.number,
          decimals: indicator.decimals,
          owner_section: indicator.owner_section,
          kind: indicator.kind,
        })
  return info
}

export function goalNumbers(tree: GoalTree | null): Map<string, number> {
  const numbers = new Map<string, number>()
  for (const dimension of tree?.dimensions ?? []) for (const goal of dimension.goals) numbers.set(goal.id, goal.number)
  return numbers
}

// ---------------------------------------------------------------------------------------
// Years

export function yearHasData(evaluation: YearEvaluation): boolean {
  return evaluation.indicators.some((result) => result.actual !== null)
}

// A year from the address (?year=105) when it is a plan year, else null.
export function yearFromQuery(value: unknown, years: number[]): number | null {
  const text = Array.isArray(value) ? value[0] : value
  if (typeof text !== 'string' || !/^\d{1,4}$/.test(text)) return null
  const year = Number(text)
  return years.includes(year) ? year : null
}

// The year a page starts on, of the plan years in `rows` (a year's evaluation, an
// indicator's year…): the one asked for in the address when it is one of them, else the
// latest with any value, else the first; null without years.
export function chooseYear<T extends { year: number }>(rows: T[], hasData: (row: T) => boolean, query: unknown): number | null {
  const asked = yearFromQuery(query, rows.map((row) => row.year))
  if (asked !== null) return asked
  for (let i = rows.length - 1; i >= 0; i--) if (hasData(rows[i])) return rows[i].year
  return rows.length ? rows[0].year : null
}

// ---------------------------------------------------------------------------------------
// The year's table

export interface IndicatorRow {
  result: IndicatorResult
  info: IndicatorInfo | undefined
  review: Review | undefined
}

export interface GoalGroup {
  id: string
  number: number | undefined
  rollup: RollUp
  rows: IndicatorRow[]
}

export interface DimensionGroup {
  id: string
  rollup: RollUp
  goals: GoalGroup[]
}

// Dimensions → goals → indicators in plan order (the evaluation's order), with each
// goal's and dimension's subtotal. Goals or dimensions missing from the roll-ups get a
// zero subtotal rather than disappearing.
export function groupEvaluation(
  evaluation: YearEvaluation,
  tree: GoalTree | null = null,
  reviews: Review[] = [],
): DimensionGroup[] {
  const info = indicatorInfo(tree)
  const numbers = goalNumbers(tree)
  const reviewOf = new Map(reviews.map((review) => [review.indicator_id, review]))
  const goalRollups = new Map(evaluation.goals.map((goal) => [goal.id, goal]))
  const dimensionRollups = new Map(evaluation.dimensions.map((dimension) => [dimension.id, dimension]))
  const dimensions = new Map<string, DimensionGroup>()
  const goals = new Map<string, GoalGroup>()

  // Dimensions in the roll-up order first, so an empty one still shows.
  for (const rollup of evaluation.dimensions) dimensions.set(rollup.id, { id: rollup.id, rollup, goals: [] })
  for (const result of evaluation.indicators) {
    let dimension = dimensions.get(result.dimension)
    if (!dimension) {
      const rollup = dimensionRollups.get(result.dimension) ?? { id: result.dimension, name: result.dimension, weight: 0, score: 0 }
      dimension = { id: result.dimension, rollup, goals: [] }
      dimensions.set(result.dimension, dimension)
    }
    let goal = goals.get(result.goal)
    if (!goal) {
      const rollup = goalRollups.get(result.goal) ?? { id: result.goal, name: result.goal, weight: 0, score: 0 }
      goal = { id: result.goal, number: numbers.get(result.goal), rollup, rows: [] }
      goals.set(result.goal, goal)
      dimension.goals.push(goal)
    }
    goal.rows.push({ result, info: info.get(result.id), review: reviewOf.get(result.id) })
  }
  return [...dimensions.values()]
}

// ---------------------------------------------------------------------------------------
// Lights and review states

export interface LightCount {
  light: string
  count: number
}

// How many indicators show each light, in the order green, yellow, red, white, then any
// other light the policy names.
export function countLights(evaluation: YearEvaluation): LightCount[] {
  const order = ['green', 'yellow', 'red', 'white']
  const counts = new Map<string, number>(order.map((light) => [light, 0]))
  for (const result of evaluation.indicators) counts.set(result.light, (counts.get(result.light) ?? 0) + 1)
  return [...counts.entries()].map(([light, count]) => ({ light, count }))
}

export type AttentionReason = 'red' | 'no_value' | 'returned'

export interface AttentionItem {
  result: IndicatorResult
  reasons: AttentionReason[]
  review: Review | undefined
}

// Indicators that need someone to look at them: a red light, no value (white light), or
// a result returned for revision.
export function needsAttention(evaluation: YearEvaluation, reviews: Review[] = []): AttentionItem[] {
  const reviewOf = new Map(reviews.map((review) => [review.indicator_id, review]))
  const items: AttentionItem[] = []
  for (const result of evaluation.indicators) {
    const review = reviewOf.get(result.id)
    const reasons: AttentionReason[] = []
    if (result.light === 'red') reasons.push('red')
    if (result.actual === null || result.light === 'white') reasons.push('no_value')
    if (review?.state === 'returned') reasons.push('returned')
    if (reasons.length) items.push({ result, reasons, review })
  }
  return items
}

export function countStates(reviews: Review[]): Record<ReviewState, number> {
  const counts: Record<ReviewState, number> = {
    draft: 0,
    submitted: 0,
    first_reviewed: 0,
    second_reviewed: 0,
    returned: 0,
  }
  for (const review of reviews) counts[review.state] = (counts[review.state] ?? 0) + 1
  return counts
}

// ---------------------------------------------------------------------------------------
// The years side by side

export interface ComparisonRow {
  level: 'dimension' | 'goal' | 'total'
  id: string
  name: string
  weight: number
  scores: (number | null)[] // one per year, null when the year has no such roll-up
}

export interface IndicatorYears {
  id: string
  name: string
  goal: string
  unit: string
  kind: string
  years: ({ light: string; achievement: number | null; actual: number | null } | null)[]
}

export interface Comparison {
  years: number[]
  rows: ComparisonRow[] // each dimension, followed by its goals; the total last
  indicators: IndicatorYears[]
}

export function compareYears(evaluations: YearEvaluation[]): Comparison {
  const years = evaluations.map((evaluation) => evaluation.year)
  const rows: ComparisonRow[] = []
  const first = evaluations[0]
  if (!first) return { years, rows, indicators: [] }
  const scoreOf = (list: (e: YearEvaluation) => RollUp[], id: string) =>
    evaluations.map((evaluation) => list(evaluation).find((rollup) => rollup.id === id)?.score ?? null)

  // Which goals belong to which dimension, from the indicators, in plan order.
  const goalsOf = new Map<string, string[]>()
  for (const result of first.indicators) {
    const goals = goalsOf.get(result.dimension) ?? []
    if (!goals.includes(result.goal)) goals.push(result.goal)
    goalsOf.set(result.dimension, goals)
  }
  for (const dimension of first.dimensions) {
    rows.push({ level: 'dimension', id: dimension.id, name: dimension.name, weight: dimension.weight, scores: scoreOf((e) => e.dimensions, dimension.id) })
    for (const goalId of goalsOf.get(dimension.id) ?? []) {
      const goal = first.goals.find((rollup) => rollup.id === goalId)
      if (goal) rows.push({ level: 'goal', id: goal.id, name: goal.name, weight: goal.weight, scores: scoreOf((e) => e.goals, goal.id) })
    }
  }
  rows.push({
    level: 'total',
    id: 'total',
    name: '',
    weight: first.dimensions.reduce((sum, dimension) => sum + dimension.weight, 0),
    scores: evaluations.map((evaluation) => evaluation.total_score),
  })

  const indicators = first.indicators.map((result) => ({
    id: result.id,
    name: result.name,
    goal: result.goal,
    unit: result.unit,
    kind: result.kind,
    years: evaluations.map((evaluation) => {
      const found = evaluation.indicators.find((other) => other.id === result.id)
      return found ? { light: found.light, achievement: found.achievement, actual: found.actual } : null
    }),
  }))
  return { years, rows, indicators }
}

// One line or bar series of a chart over the years (components/evaluation/TrendChart).
export interface ChartSeries {
  name: string
  type: 'line' | 'bar'
  data: (number | null)[]
  stack?: string
  color?: string
}
