import { describe, expect, it } from 'vitest'
import { indicatorRows, planYears } from './planDoc'
import { samplePlan as plan } from '../test/samplePlan'

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
