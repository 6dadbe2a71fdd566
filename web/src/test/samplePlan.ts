// A small plan document for the plan modules' tests: one dimension, two goals (weights 60
// and 40), three indicators with targets for 104 and 105.
import type { PlanDocument } from '../lib/planDoc'

function indicator(id: string, weight: number) {
  return {
    id,
    number: 1,
    name: `指標 ${id}`,
    weight,
    framework: 1,
    method: '統計數據',
    standard: '人數',
    unit: '人',
    decimals: 0,
    owner_section: 'documents',
    kind: 'higher_is_better' as const,
    targets: { '104': 10, '105': 20 } as Record<string, number>,
    formula: '',
    baseline: null,
    stages: [],
  }
}

export function samplePlan(): PlanDocument {
  return {
    id: 'p',
    name: '計畫',
    agency: '處',
    issued: '2015-03-01',
    money_unit: '千元',
    first_year: 104,
    last_year: 105,
    sections: [],
    registers: [],
    constants: [],
    metrics: [],
    dimensions: [
      {
        id: 'business',
        name: '業務',
        goals: [
          { id: 'b1', number: 1, name: '目標一', weight: 60, owner_section: 'documents', description: '', action_items: [], indicators: [indicator('b1-1', 40), indicator('b1-2', 20)] },
          { id: 'b2', number: 2, name: '目標二', weight: 40, owner_section: 'documents', description: '', action_items: [], indicators: [indicator('b2-1', 40)] },
        ],
      },
    ],
    budget: [],
    budget_note: '',
    policy: { cap: 100, no_value_scoring: 'zero', no_value_light: 'white', lights: [] },
    chapters: [],
    budget_total: { prior: 0, years: {}, after: 0, period_sum: 0, total: 0 },
  }
}
