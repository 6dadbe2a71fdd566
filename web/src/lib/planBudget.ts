// The plan's budget requirement table (經費總需求表): its lines flattened with their depth,
// a line with children showing its children's sums.
import type { BudgetFigures, BudgetLine, YearNumbers } from './planDoc'

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
