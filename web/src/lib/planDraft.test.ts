import { describe, expect, it } from 'vitest'
import { applyDraft, draftChanged, draftOf, draftProblems, draftWeightSums, fromDraftNumber } from './planDraft'
import { indicatorPath, targetPath } from './planPaths'
import { samplePlan as plan } from '../test/samplePlan'

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
