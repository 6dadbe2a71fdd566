import { describe, expect, it } from 'vitest'
import { parseRocDate, rocYear, toRocDate, toRocDateTime } from './roc'

describe('ROC dates', () => {
  it('shows ISO dates as ROC', () => {
    expect(toRocDate('2015-03-15')).toBe('104/03/15')
    expect(toRocDate('')).toBe('')
    expect(rocYear(2026)).toBe(115)
  })
  it('reads every ROC spelling people type', () => {
    for (const text of ['104/03/15', '104.3.15', '104-3-15', '民國104年3月15日', '2015-03-15'])
      expect(parseRocDate(text)).toBe('2015-03-15')
  })
  it('refuses dates that do not exist', () => {
    expect(parseRocDate('104/02/29')).toBeNull()
    expect(parseRocDate('104/13/01')).toBeNull()
    expect(parseRocDate('yesterday')).toBeNull()
  })
  it('shows timestamps in Taiwan time', () => {
    expect(toRocDateTime('2026-11-27T16:30:00Z')).toBe('115/11/28 00:30')
  })
})
