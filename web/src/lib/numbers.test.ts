// The pages print every quantity as api/number-formats.json says, the contract the
// server's documents are held to as well; and in zh-TW the page's own words (是, 否,
// 「（規劃設計）」) give the same text.
import { describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import {
  decimalsOf,
  formatAchievement,
  formatActual,
  formatAmount,
  formatCount,
  formatFigure,
  formatNumber,
  formatScore,
  formatTarget,
  formatWeight,
  valueWords,
  type ValueWords,
} from './numbers'
import type { Stage } from './milestone'
import formats from '../../../api/number-formats.json'

interface Case {
  value: number | null
  text: string
}
interface ValueCase extends Case {
  kind: string
  unit: string
  decimals?: number
  stages?: Stage[]
}
const contract: Record<'score' | 'achievement' | 'weight' | 'amount', Case[]> & Record<'target' | 'actual', ValueCase[]> = formats

const cases = <T extends Case>(list: T[]) => list.map((item) => [item.value, item.text, item] as const)

describe('number formats (api/number-formats.json)', () => {
  // A quantity added to the contract fails here until the web prints it too.
  it('covers every quantity the contract lists', () => {
    const quantities = ['achievement', 'actual', 'amount', 'score', 'target', 'weight'] as const
    expect(Object.keys(formats).filter((key) => key !== 'about').sort()).toEqual([...quantities])
    for (const quantity of quantities) expect(contract[quantity].length).toBeGreaterThan(2)
  })

  it.each(cases(contract.score))('score %s → %s', (value, text) => {
    expect(formatScore(value)).toBe(text)
  })

  it.each(cases(contract.achievement))('achievement %s → %s', (value, text) => {
    expect(formatAchievement(value)).toBe(text)
  })

  it.each(cases(contract.weight))('weight %s → %s', (value, text) => {
    expect(formatWeight(value)).toBe(text)
  })

  it.each(cases(contract.amount))('amount %s → %s', (value, text) => {
    expect(formatAmount(value)).toBe(text)
  })

  it.each(cases(contract.target))('target %s → %s', (value, text, item) => {
    expect(formatTarget(value, item)).toBe(text)
  })

  it.each(cases(contract.actual))('actual %s → %s', (value, text, item) => {
    expect(formatActual(value, { ...item, decimals: item.decimals ?? 0 })).toBe(text)
  })

  it('gives the same text with the zh-TW words the pages use', () => {
    const locale = i18n.global.locale.value
    i18n.global.locale.value = 'zh-TW'
    try {
      const words = valueWords(i18n.global.t as Parameters<typeof valueWords>[0])
      for (const item of contract.target) expect(formatTarget(item.value, item, words)).toBe(item.text)
      for (const item of contract.actual) expect(formatActual(item.value, { ...item, decimals: item.decimals ?? 0 }, words)).toBe(item.text)
    } finally {
      i18n.global.locale.value = locale
    }
  })
})

describe('numbers', () => {
  it('rounds half away from zero on the number as written, not on its binary value', () => {
    expect(formatNumber(1.115, 2)).toBe('1.12')
    expect(formatNumber(2.675, 2)).toBe('2.68')
    expect(formatNumber(1.005, 2)).toBe('1.01')
    expect(formatNumber(0.285, 2)).toBe('0.29')
    expect(formatNumber(9.995, 2)).toBe('10.00')
    expect(formatNumber(999999.5, 0)).toBe('1,000,000')
    expect(formatNumber(1.5e-7, 6)).toBe('0.000000')
    expect(formatNumber(2.5e-6, 5)).toBe('0.00000')
    expect(formatNumber(5e-6, 5)).toBe('0.00001')
    expect(formatNumber(1e21, 0)).toBe('1,000,000,000,000,000,000,000')
    expect(formatNumber(-1.005, 2)).toBe('-1.01')
    expect(formatNumber(-2.5, 0)).toBe('-3')
    expect(formatNumber(-0.001, 2)).toBe('0.00')
    expect(formatNumber(1234.567, 2)).toBe('1,234.57')
    expect(formatNumber(520, 0)).toBe('520')
    expect(formatNumber(null)).toBe('—')
    expect(formatNumber(Number.NaN)).toBe('—')
  })

  it('drops trailing zeros of a figure, up to its places', () => {
    expect(formatFigure(25, 4)).toBe('25')
    expect(formatFigure(12.5, 4)).toBe('12.5')
    expect(formatFigure(1234, 4)).toBe('1,234')
    expect(formatFigure(0.12345, 4)).toBe('0.1235')
    expect(formatFigure(undefined)).toBe('—')
  })

  it('groups money and counts by thousands', () => {
    expect(formatAmount(10158)).toBe('10,158')
    expect(formatCount(12)).toBe('12')
    expect(formatCount(470432)).toBe('470,432')
  })

  it('prints a value without a unit bare, and a missing one as a dash', () => {
    expect(formatActual(93.4, { kind: 'higher_is_better', unit: '', decimals: 1 })).toBe('93.4')
    expect(formatTarget(undefined, { kind: 'lower_is_better', unit: '件' })).toBe('—')
    expect(formatWeight(null)).toBe('—')
    expect(formatAchievement(undefined)).toBe('—')
  })

  it('writes yes-no values and stages in the words given', () => {
    const words: ValueWords = { yes: 'Yes', no: 'No', reached: (value, stage) => `${value} (${stage})` }
    expect(formatTarget(1, { kind: 'yes_no', unit: '' }, words)).toBe('Yes')
    expect(formatActual(0, { kind: 'yes_no', unit: '', decimals: 0 }, words)).toBe('No')
    const stages = [{ name: 'Design', percent: 25 }]
    expect(formatActual(25, { kind: 'milestone', unit: '%', decimals: 0, stages }, words)).toBe('25% (Design)')
    // The server's stage wins over the plan's; a value that is no stage's is bare.
    expect(formatActual(25, { kind: 'milestone', unit: '%', decimals: 0, stages }, words, 'Built')).toBe('25% (Built)')
    expect(formatActual(30, { kind: 'milestone', unit: '%', decimals: 0, stages }, words)).toBe('30%')
  })

  it('takes the plan\'s decimals, else whole numbers whole and two places otherwise', () => {
    expect(decimalsOf({ decimals: 1 }, 3)).toBe(1)
    expect(decimalsOf(undefined, 3)).toBe(0)
    expect(decimalsOf(undefined, 3.25)).toBe(2)
  })
})
