// A milestone indicator's value is the percentage of the stage it reached (規劃設計 25,
// 工程發包 50 …): the stage a value stands for, and each indicator's stages from the plan
// document, which the evaluation and the goal tree leave out.
import type { PlanDocument } from './planDoc'

export interface Stage {
  name: string
  percent: number
}

// The stage whose percentage `value` is, as the server finds it (the same number).
export function stageAt(stages: readonly Stage[], value: number | null | undefined): Stage | undefined {
  if (value === null || value === undefined) return undefined
  return stages.find((stage) => stage.percent === value)
}

// The stage named `name`, or undefined.
export function stageNamed(stages: readonly Stage[], name: string): Stage | undefined {
  return stages.find((stage) => stage.name === name)
}

// Indicator id → its stages, for every milestone indicator of the plan.
export function planStages(plan: Pick<PlanDocument, 'dimensions'> | null | undefined): Map<string, Stage[]> {
  const stages = new Map<string, Stage[]>()
  for (const dimension of plan?.dimensions ?? [])
    for (const goal of dimension.goals)
      for (const indicator of goal.indicators)
        if (indicator.kind === 'milestone') stages.set(indicator.id, indicator.stages ?? [])
  return stages
}
