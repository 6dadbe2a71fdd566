import { describe, expect, it } from 'vitest'
import { describeFormula, formulaRegisters, parseFormula } from './planFormula'

const plan = {
  registers: [
    { id: 'records_trainings', name: '文書及檔案管理研習', fields: [{ id: 'participants', name: '參加人數', type: 'integer' }] },
    {
      id: 'procurement_cases',
      name: '採購案件',
      fields: [
        { id: 'e_tendering', name: '電子領標', type: 'yes_no' },
        { id: 'category', name: '類別', type: 'choice' },
      ],
    },
    { id: 'volunteers', name: '志工名冊', fields: [] },
    { id: 'budget_execution', name: '預算執行', fields: [{ id: 'budget', name: '預算數', type: 'decimal' }, { id: 'category', name: '類別', type: 'choice' }] },
    { id: 'staff', name: '職員名冊', fields: [] },
    { id: 'language_certificates', name: '語文檢定', fields: [{ id: 'employee_no', name: '員工編號', type: 'text' }] },
  ],
  metrics: [
    { id: 'current_executed', name: '經常門執行數', formula: 'sum(budget_execution.budget where category = "經常門")' },
    { id: 'loop', name: '自己', formula: 'loop + count(staff)' },
  ],
  constants: [{ id: 'volunteers_103', value: 41, description: '103 年度志工人數' }],
}

describe('parseFormula', () => {
  it('follows precedence and reads aggregates', () => {
    expect(parseFormula('1 + 2 * 3')).toEqual({
      kind: 'binary',
      op: '+',
      left: { kind: 'number', value: 1 },
      right: { kind: 'binary', op: '*', left: { kind: 'number', value: 2 }, right: { kind: 'number', value: 3 } },
    })
    expect(parseFormula('count_distinct_to_date(language_certificates.employee_no)')).toMatchObject({
      kind: 'aggregate',
      fn: 'count_distinct',
      toDate: true,
      register: 'language_certificates',
      field: 'employee_no',
    })
  })
  it('reads conditions, comments and escapes', () => {
    const parsed = parseFormula('count(r where not (a = "x\\"y" or b in (1, -2)) and c = yes) # note')
    expect(parsed).toMatchObject({ kind: 'aggregate', where: { kind: 'and', left: { kind: 'not' } } })
  })
  it('refuses what is not the language', () => {
    expect(() => parseFormula('sum(')).toThrow()
    expect(() => parseFormula('1 2')).toThrow()
    expect(() => parseFormula('a ％ b')).toThrow()
  })
})

describe('formulaRegisters', () => {
  it('lists the registers in order, following metrics', () => {
    expect(formulaRegisters('count(procurement_cases where e_tendering = yes) / count(procurement_cases) * 100', plan)).toEqual([
      'procurement_cases',
    ])
    expect(formulaRegisters('current_executed / sum(records_trainings.participants)', plan)).toEqual([
      'budget_execution',
      'records_trainings',
    ])
    expect(formulaRegisters('loop', plan)).toEqual(['staff'])
    expect(formulaRegisters('sum(', plan)).toEqual([])
  })
})

describe('describeFormula', () => {
  it('says a sum in Chinese and English', () => {
    expect(describeFormula('sum(records_trainings.participants)', plan, 'zh-TW')).toBe('「文書及檔案管理研習」的「參加人數」合計')
    expect(describeFormula('sum(records_trainings.participants)', plan, 'en')).toBe('total of "參加人數" in "文書及檔案管理研習"')
  })
  it('says counts with conditions and percentages', () => {
    expect(
      describeFormula('count(procurement_cases where e_tendering = yes) / count(procurement_cases) * 100', plan, 'zh-TW'),
    ).toBe('「採購案件」中「電子領標」為「是」者的筆數 ÷ 「採購案件」的筆數 × 100')
  })
  it('names metrics and constants and keeps needed parentheses', () => {
    expect(describeFormula('(active(volunteers) - volunteers_103) / volunteers_103 * 100', plan, 'zh-TW')).toBe(
      '(「志工名冊」的年底在冊人數 － 「103 年度志工人數」(41)) ÷ 「103 年度志工人數」(41) × 100',
    )
    expect(describeFormula('current_executed / 2', plan, 'zh-TW')).toBe('「經常門執行數」 ÷ 2')
    expect(describeFormula('a - (b - c)', plan, 'en')).toBe('a − (b − c)')
    expect(describeFormula('a - b - c', plan, 'en')).toBe('a − b − c')
  })
  it('says distinct counts to date and lists', () => {
    expect(describeFormula('count_distinct_to_date(language_certificates.employee_no)', plan, 'zh-TW')).toBe(
      '「語文檢定」的「員工編號」不同值的個數（累計至該年度年底）',
    )
    expect(describeFormula('count(procurement_cases where category in ("甲", "乙") and (e_tendering = no or category != "丙"))', plan, 'zh-TW')).toBe(
      '「採購案件」中「類別」為「甲」、「乙」之一 且 (「電子領標」為「否」 或 「類別」不為「丙」)者的筆數',
    )
  })
  it('gives up on what it cannot read', () => {
    expect(describeFormula('sum(', plan, 'zh-TW')).toBeNull()
  })
})
