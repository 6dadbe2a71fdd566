// 業務統計: the range of ROC years the statistics page asks for (GET /api/statistics), the
// years it offers, keeping a chosen range one the server accepts, the download links and
// the figures as the table prints them.
import type { Statistics, StatisticsMetric } from '../api/statisticsTypes'
import { withQuery } from '../api/client'
import { formatNumber } from './numbers'
import type { ReportLink } from './reports'

// The server refuses a range longer than this (422).
export const MAX_RANGE_YEARS = 20
// How many years before the plan's first year the year selects offer.
export const EARLIER_YEARS = 8

export interface YearRange {
  from: number
  to: number
}

export interface RangePreset extends YearRange {
  key: 'plan' | 'year'
}

// A ROC year from the address ("?from=100"): a whole number from 1 to 999, else null.
export function yearFromParam(value: unknown): number | null {
  const text = Array.isArray(value) ? value[0] : value
  if (typeof text !== 'string' || !/^\s*\d{1,3}\s*$/.test(text)) return null
  const year = Number(text)
  return year >= 1 ? year : null
}

// The range in the address, when both ends are there and the server would take it.
export function rangeFromQuery(query: Record<string, unknown>): YearRange | null {
  const from = yearFromParam(query.from)
  const to = yearFromParam(query.to)
  if (from === null || to === null || rangeProblem({ from, to })) return null
  return { from, to }
}

// Why the server would refuse a range, before asking it.
export function rangeProblem(range: YearRange): 'order' | 'tooLong' | null {
  if (range.from > range.to) return 'order'
  if (range.to - range.from + 1 > MAX_RANGE_YEARS) return 'tooLong'
  return null
}

// The years the selects offer: from EARLIER_YEARS before the plan's first year to its last
// (never before 民國 1), widened to hold any year already chosen.
export function yearOptions(planFirst: number, planLast: number, chosen: (number | null | undefined)[] = []): number[] {
  let first = Math.max(1, planFirst - EARLIER_YEARS)
  let last = Math.max(planFirst, planLast)
  for (const year of chosen) {
    if (year === null || year === undefined || !Number.isInteger(year) || year < 1) continue
    first = Math.min(first, year)
    last = Math.max(last, year)
  }
  const years: number[] = []
  for (let year = first; year <= last; year += 1) years.push(year)
  return years
}

// The quick choices: the plan's whole period, then each plan year on its own.
export function rangePresets(planFirst: number, planLast: number): RangePreset[] {
  const presets: RangePreset[] = [{ key: 'plan', from: planFirst, to: planLast }]
  for (let year = planFirst; year <= planLast; year += 1) presets.push({ key: 'year', from: year, to: year })
  return presets
}

// One end of the range was changed: move the other end so that the range stays in order
// and no longer than the server accepts.
export function adjustRange(range: YearRange, changed: 'from' | 'to', max = MAX_RANGE_YEARS): YearRange {
  let { from, to } = range
  if (changed === 'from') {
    if (to < from) to = from
    if (to - from + 1 > max) to = from + max - 1
  } else {
    if (from > to) from = to
    if (to - from + 1 > max) from = to - max + 1
  }
  return { from, to }
}

export function sameRange(a: YearRange | null | undefined, b: YearRange | null | undefined): boolean {
  return !!a && !!b && a.from === b.from && a.to === b.to
}

// "/api/statistics?from=100&to=103"; without a range the server uses the plan's years.
export function statisticsPath(range?: YearRange | null): string {
  return withQuery('/api/statistics', range ? { from: range.from, to: range.to } : {})
}

export function statisticsReportUrl(range: YearRange, format: 'pdf' | 'csv' | 'xlsx'): string {
  return withQuery('/api/reports/statistics', { from: range.from, to: range.to, format })
}

// The table as files, for ReportDownloads.
export function statisticsDownloads(range: YearRange): ReportLink[] {
  return (['pdf', 'csv', 'xlsx'] as const).map((format) => ({ key: 'statistics', format, href: statisticsReportUrl(range, format) }))
}

// A figure with thousands separators and the metric's decimals; "—" when there is none.
export function formatStatistic(value: number | null | undefined, decimals: number | null | undefined): string {
  return formatNumber(value, Number.isFinite(decimals) ? (decimals as number) : 0)
}

// The value of a metric in one year (null when the year has no data or is missing).
export function yearValue(metric: StatisticsMetric, year: number): number | null {
  const value = metric.values?.[String(year)]
  return typeof value === 'number' ? value : null
}

// The years the answer covers, in order (from its `years`, else from..to).
export function statisticsYears(statistics: Statistics): number[] {
  if (Array.isArray(statistics.years) && statistics.years.length) return [...statistics.years].sort((a, b) => a - b)
  const years: number[] = []
  for (let year = statistics.from; year <= statistics.to; year += 1) years.push(year)
  return years
}

// The sections that have a metric to show; none means the plan defines no statistics.
export function sectionsWithMetrics(statistics: Statistics | null) {
  return (statistics?.sections ?? []).filter((section) => section.metrics?.length)
}
