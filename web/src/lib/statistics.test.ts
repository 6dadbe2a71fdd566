import { describe, expect, it } from 'vitest'
import type { Statistics } from '../api/statisticsTypes'
import {
  adjustRange,
  formatStatistic,
  rangeFromQuery,
  rangePresets,
  rangeProblem,
  sectionsWithMetrics,
  statisticsDownloads,
  statisticsPath,
  statisticsYears,
  yearFromParam,
  yearOptions,
  yearValue,
} from './statistics'

describe('statistics ranges', () => {
  it('reads ROC years from the address and refuses what the server would refuse', () => {
    expect(yearFromParam('100')).toBe(100)
    expect(yearFromParam(['103', '104'])).toBe(103)
    expect(yearFromParam('abc')).toBeNull()
    expect(yearFromParam('0')).toBeNull()
    expect(yearFromParam('1000')).toBeNull()
    expect(yearFromParam(undefined)).toBeNull()
    expect(rangeFromQuery({ from: '100', to: '103' })).toEqual({ from: 100, to: 103 })
    expect(rangeFromQuery({ from: '104', to: '103' })).toBeNull()
    expect(rangeFromQuery({ from: '80', to: '103' })).toBeNull()
    expect(rangeFromQuery({ from: '100' })).toBeNull()
    expect(rangeProblem({ from: 84, to: 103 })).toBeNull()
    expect(rangeProblem({ from: 83, to: 103 })).toBe('tooLong')
    expect(rangeProblem({ from: 104, to: 103 })).toBe('order')
  })

  it('offers eight years before the plan to its last year, and any year already chosen', () => {
    expect(yearOptions(104, 107)).toEqual([96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107])
    expect(yearOptions(104, 107, [90, null, 108])[0]).toBe(90)
    expect(yearOptions(104, 107, [90, null, 108]).at(-1)).toBe(108)
    expect(yearOptions(3, 4)).toEqual([1, 2, 3, 4])
  })

  it('offers the plan period and each plan year', () => {
    expect(rangePresets(104, 106)).toEqual([
      { key: 'plan', from: 104, to: 106 },
      { key: 'year', from: 104, to: 104 },
      { key: 'year', from: 105, to: 105 },
      { key: 'year', from: 106, to: 106 },
    ])
  })

  it('moves the other end to keep the range in order and at most 20 years', () => {
    expect(adjustRange({ from: 105, to: 103 }, 'from')).toEqual({ from: 105, to: 105 })
    expect(adjustRange({ from: 105, to: 103 }, 'to')).toEqual({ from: 103, to: 103 })
    expect(adjustRange({ from: 80, to: 107 }, 'from')).toEqual({ from: 80, to: 99 })
    expect(adjustRange({ from: 80, to: 107 }, 'to')).toEqual({ from: 88, to: 107 })
    expect(adjustRange({ from: 100, to: 103 }, 'to')).toEqual({ from: 100, to: 103 })
  })

  it('asks for the range and downloads the same table', () => {
    expect(statisticsPath()).toBe('/api/statistics')
    expect(statisticsPath({ from: 100, to: 103 })).toBe('/api/statistics?from=100&to=103')
    expect(statisticsDownloads({ from: 100, to: 103 })).toEqual([
      { key: 'statistics', format: 'pdf', href: '/api/reports/statistics?from=100&to=103&format=pdf' },
      { key: 'statistics', format: 'csv', href: '/api/reports/statistics?from=100&to=103&format=csv' },
      { key: 'statistics', format: 'xlsx', href: '/api/reports/statistics?from=100&to=103&format=xlsx' },
    ])
  })
})

describe('statistics figures', () => {
  it('prints thousands separators and the metric decimals, and a dash for no data', () => {
    expect(formatStatistic(470432, 0)).toBe('470,432')
    expect(formatStatistic(1234.5, 2)).toBe('1,234.50')
    expect(formatStatistic(98.765, 1)).toBe('98.8')
    expect(formatStatistic(0, 0)).toBe('0')
    expect(formatStatistic(12.4, undefined)).toBe('12')
    expect(formatStatistic(null, 0)).toBe('—')
  })

  const statistics: Statistics = {
    from: 100,
    to: 102,
    years: [],
    sections: [
      {
        id: 'documents',
        name: '文檔科',
        metrics: [{ id: 'm', name: '紙本收文件數', unit: '件', decimals: 0, values: { '100': 5, '101': null }, span: 5 }],
      },
      { id: 'empty', name: '人事室', metrics: [] },
    ],
  }

  it('reads a year value, the years and the sections that have metrics', () => {
    const metric = statistics.sections[0].metrics[0]
    expect(yearValue(metric, 100)).toBe(5)
    expect(yearValue(metric, 101)).toBeNull()
    expect(yearValue(metric, 102)).toBeNull()
    expect(statisticsYears(statistics)).toEqual([100, 101, 102])
    expect(statisticsYears({ ...statistics, years: [103, 101] })).toEqual([101, 103])
    expect(sectionsWithMetrics(statistics).map((section) => section.id)).toEqual(['documents'])
    expect(sectionsWithMetrics(null)).toEqual([])
  })
})
