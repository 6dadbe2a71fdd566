import { describe, expect, it } from 'vitest'
import { cellFor, cellId, describePath, indicatorPath, nameOf, placeErrors, targetPath } from './planPaths'
import { samplePlan as plan } from '../test/samplePlan'

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
