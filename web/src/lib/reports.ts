// Where the server's report files are downloaded from (GET /api/reports/…). Plain links:
// the session cookie goes with them and the server names the file.
import { withQuery } from '../api/client'

export type DocumentFormat = 'pdf' | 'odt'
export type WorkbookFormat = 'xlsx' | 'ods'
export type DataFormat = 'csv' | 'json'

export interface ReportLink {
  key: string
  href: string
  format: string
}

export function planReportUrl(format: DocumentFormat): string {
  return `/api/reports/plan?format=${format}`
}

export function annualReportUrl(year: number, format: DocumentFormat): string {
  return `/api/reports/annual/${encodeURIComponent(String(year))}?format=${format}`
}

export function workbookUrl(format: WorkbookFormat): string {
  return `/api/reports/workbook?format=${format}`
}

// Every year's evaluation, or only `year`'s (a row per indicator).
export function evaluationDataUrl(format: DataFormat, year?: number | null): string {
  return withQuery('/api/reports/evaluation', { format, year: year ?? undefined })
}

export function registerDataUrl(registerId: string, format: DataFormat, year?: number | null): string {
  const query = new URLSearchParams({ format })
  if (year !== undefined && year !== null) query.set('year', String(year))
  return `/api/reports/registers/${encodeURIComponent(registerId)}?${query.toString()}`
}

// The downloads the evaluation page offers for a year: its report, the workbook and the
// open data.
export function evaluationDownloads(year: number): ReportLink[] {
  return [
    { key: 'annual', format: 'pdf', href: annualReportUrl(year, 'pdf') },
    { key: 'annual', format: 'odt', href: annualReportUrl(year, 'odt') },
    { key: 'workbook', format: 'xlsx', href: workbookUrl('xlsx') },
    { key: 'workbook', format: 'ods', href: workbookUrl('ods') },
    { key: 'evaluationData', format: 'csv', href: evaluationDataUrl('csv') },
    { key: 'evaluationData', format: 'json', href: evaluationDataUrl('json') },
  ]
}

export function planDownloads(): ReportLink[] {
  return [
    { key: 'plan', format: 'pdf', href: planReportUrl('pdf') },
    { key: 'plan', format: 'odt', href: planReportUrl('odt') },
    { key: 'workbook', format: 'xlsx', href: workbookUrl('xlsx') },
  ]
}

export function registerDownloads(registerId: string, year?: number | null): ReportLink[] {
  return [
    { key: 'registerData', format: 'csv', href: registerDataUrl(registerId, 'csv', year) },
    { key: 'registerData', format: 'json', href: registerDataUrl(registerId, 'json', year) },
  ]
}
