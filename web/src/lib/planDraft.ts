// Editing the plan in place: the draft of its goals, indicators and targets as typed,
// what in it is not a number, the weights' sums, and the plan with the draft applied.
import type { ProblemEntry } from '../api/types'
import { planYears, type PlanDocument } from './planDoc'
import { goalPath, indicatorPath } from './planPaths'

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
