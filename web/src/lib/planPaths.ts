// The paths the server names in its 422 errors on the plan
// ("dimensions[0].goals[2].indicators[1].weight"), the cells of the indicator table they
// belong to, the objects they name, and the ids of the inputs that edit them.
import type { ProblemEntry } from '../api/types'
import type { PlanDimension, PlanDocument, PlanGoal, PlanIndicator } from './planDoc'

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

// The id of the input editing the field at `path`, so an error in the summary can lead
// to it: "dimensions[0].goals[2].weight" → "pe-dimensions-0-goals-2-weight".
export function cellId(path: string): string {
  return `pe-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`
}
