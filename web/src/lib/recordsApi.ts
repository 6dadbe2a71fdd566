// The register routes of the JSON API, typed, and where the register's CSV files come from.
import { api, upload, withQuery } from '../api/client'
import type { ImportResult, RecordPage, Register, Section, StoredRecord, YearLock } from '../api/types'
import type { InputValue } from './records'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

// A file to import as it is sent.
export interface ImportFile {
  body: string | Blob
  format: 'csv' | 'xlsx'
}

// The import's answer; a dry run says how many rows it would import and replace.
export type ImportAnswer = ImportResult

export interface RecordQuery {
  year?: number
  sort?: string
  filters?: string[]
  offset?: number
  limit?: number
}

// How the export writes dates: 104/03/15 as people type them, or 2015-03-15.
export type DateStyle = 'roc' | 'iso'

const base = (registerId: string) => `/api/registers/${encodeURIComponent(registerId)}`
const reportBase = (registerId: string) => `/api/reports/registers/${encodeURIComponent(registerId)}`

// A query as URL parameters, the same for the record list and the CSV export so the
// file holds exactly the records the list shows.
function queryParams(query: RecordQuery) {
  return { year: query.year, sort: query.sort, filter: query.filters, offset: query.offset, limit: query.limit }
}

export const recordsApi = {
  registers: () => api.get<Register[]>('/api/registers'),
  register: (id: string) => api.get<Register>(base(id)),
  sections: () => api.get<Section[]>('/api/sections'),
  years: () => api.get<YearLock[]>('/api/years'),

  list: (id: string, query: RecordQuery) => api.get<RecordPage>(withQuery(`${base(id)}/records`, queryParams(query))),
  get: (id: string, recordId: number) => api.get<StoredRecord>(`${base(id)}/records/${recordId}`),
  create: (id: string, values: Record<string, InputValue>) =>
    api.post<StoredRecord>(`${base(id)}/records`, { values }),
  update: (id: string, recordId: number, version: number, values: Record<string, InputValue>) =>
    api.put<StoredRecord>(`${base(id)}/records/${recordId}`, { version, values }),
  remove: (id: string, recordId: number, version: number) =>
    api.del<void>(withQuery(`${base(id)}/records/${recordId}`, { version })),

  // POSTs an import file: CSV as text, or the bytes of an XLSX workbook (its first sheet
  // is read) or of a CSV that is not UTF-8 (the server reads Big5); with dryRun the
  // server only checks it.
  importFile: (
    id: string,
    file: ImportFile,
    dryRun: boolean,
    onProgress: (sent: number, total: number) => void,
    replaceYear: number | null = null,
  ) =>
    upload<ImportAnswer>(
      'POST',
      withQuery(`${base(id)}/import`, {
        dry_run: dryRun ? 'true' : undefined,
        format: file.format === 'xlsx' ? 'xlsx' : undefined,
        replace: replaceYear === null ? undefined : String(replaceYear),
      }),
      file.body,
      file.format === 'xlsx' ? XLSX_TYPE : typeof file.body === 'string' ? 'text/csv; charset=utf-8' : 'text/csv',
      onProgress,
    ),
}

// The server's CSV of every record the list shows for the query's year and filters (the
// file is in id order and not paged, so sort, offset and limit are left out).
export function exportCsvUrl(registerId: string, query: RecordQuery, dates: DateStyle): string {
  const { year, filter } = queryParams(query)
  return withQuery(reportBase(registerId), { format: 'csv', year, filter, dates })
}

// The server's import template: the header line the import reads.
export function templateCsvUrl(registerId: string): string {
  return `${reportBase(registerId)}/template`
}
