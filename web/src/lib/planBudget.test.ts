import { describe, expect, it } from 'vitest'
import { budgetRows } from './planBudget'
import type { BudgetLine } from './planDoc'

describe('budget', () => {
  const line = (number: string, prior: number, year: number, children: BudgetLine[] = []): BudgetLine => ({
    number,
    name: number,
    goal: 'b1',
    nature: 'social_development',
    note: '',
    prior,
    years: children.length ? {} : { '104': year, '105': year },
    after: children.length ? 0 : year,
    period_sum: 0,
    total: 0,
    children,
  })
  it('sums children into their parent and flattens with depth', () => {
    const rows = budgetRows([line('1', 1, 10), line('2', 0, 0, [line('2.1', 5, 100), line('2.2', 7, 1)])])
    expect(rows.map((row) => [row.line.number, row.depth])).toEqual([
      ['1', 0],
      ['2', 0],
      ['2.1', 1],
      ['2.2', 1],
    ])
    expect(rows[1].figures).toMatchObject({ prior: 12, years: { '104': 101, '105': 101 }, after: 101 })
  })
})
