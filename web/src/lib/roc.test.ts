import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_TIME_ZONE, agencyDate, agencyMidnightUtc, parseRocDate, rocYear, setAgencyTimeZone, toRocDate, toRocDateTime } from './roc'

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
  it('reads seven-digit ROC and eight-digit dates, and full-width digits', () => {
    for (const text of ['1040315', '20150315', '１０４／０３／１５', '１０４０３１５', '民國１０４年３月１５日', '２０１５－０３－１５'])
      expect(parseRocDate(text)).toBe('2015-03-15')
    expect(parseRocDate('990315')).toBeNull()
    expect(parseRocDate('1040229')).toBeNull()
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

describe('the agency clock', () => {
  afterEach(() => setAgencyTimeZone(DEFAULT_TIME_ZONE))
  it('is Taipei unless the session names another zone', () => {
    expect(agencyDate(new Date('2026-12-07T20:30:00Z'))).toBe('2026-12-08')
    expect(agencyMidnightUtc('2026-11-27')).toBe('2026-11-26T16:00:00Z')
    expect(agencyMidnightUtc('2026-11-27', 1)).toBe('2026-11-27T16:00:00Z')
    setAgencyTimeZone('UTC')
    expect(agencyDate(new Date('2026-12-07T20:30:00Z'))).toBe('2026-12-07')
    expect(toRocDateTime('2026-11-27T16:30:00Z')).toBe('115/11/27 16:30')
    expect(agencyMidnightUtc('2026-11-27')).toBe('2026-11-27T00:00:00Z')
  })
  it('finds midnight on a day the offset changes', () => {
    setAgencyTimeZone('America/New_York')
    // Daylight saving starts at 02:00 on 2026-03-08: midnight is still -05:00.
    expect(agencyMidnightUtc('2026-03-08')).toBe('2026-03-08T05:00:00Z')
    expect(agencyMidnightUtc('2026-03-09')).toBe('2026-03-09T04:00:00Z')
  })
})
