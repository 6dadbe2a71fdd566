import { describe, expect, it } from 'vitest'
import { planStages, stageAt, stageNamed } from './milestone'
import type { PlanDocument } from './planDoc'

const stages = [
  { name: '規劃設計', percent: 25 },
  { name: '工程發包', percent: 50 },
  { name: '工程完工', percent: 100 },
]

describe('milestone stages', () => {
  it('finds the stage a value is the percentage of, and none for another value', () => {
    expect(stageAt(stages, 50)?.name).toBe('工程發包')
    expect(stageAt(stages, 30)).toBeUndefined()
    expect(stageAt(stages, null)).toBeUndefined()
    expect(stageNamed(stages, '工程完工')?.percent).toBe(100)
  })

  it('reads each milestone indicator\'s stages from the plan', () => {
    const indicator = (id: string, kind: string, withStages = stages) => ({ id, kind, stages: withStages })
    const plan = {
      dimensions: [{ goals: [{ indicators: [indicator('b1-1', 'higher_is_better', []), indicator('b2-1', 'milestone')] }] }],
    } as unknown as PlanDocument
    expect([...planStages(plan).entries()]).toEqual([['b2-1', stages]])
    expect(planStages(null).size).toBe(0)
  })
})
