// The register routes of the JSON API, typed.
import { api, upload, withQuery } from '../api/client'
import type { ImportResult, RecordPage, Register, Section, StoredRecord, YearLock } from '../api/types'
import type { InputValue } from './records'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

// A file to import as it is sent.
export interface ImportFile {
  body: string | Blob
  format: 'csv' | 'xlsx'
}

// The import's answer; a dry run says how many rows it would import.
export interface ImportAnswer extends ImportResult {
  would_import?: number
  would_replace?: number
}

export interface RecordQuery {
  year?: number
  sort?: string
  filters?: string[]
  offset?: number
  limit?: number
}

const base = (registerId: string) => `/api/registers/${encodeURIComponent(registerId)}`

export const recordsApi = {
  registers: () => api.get<Register[]>('/api/registers'),
  register: (id: string) => api.get<Register>(base(id)),
  sections: () => api.get<Section[]>('/api/sections'),
  years: () => api.get<YearLock[]>('/api/years'),

  list: (id: string, query: RecordQuery) =>
    api.get<RecordPage>(
      withQuery(`${base(id)}/records`, {
        year: query.year,
        sort: query.sort,
        filter: query.filters,
        offset: query.offset,
        limit: query.limit,
      }),
    ),
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

// Every record matching a query, a page of `pageSize` at a time (the API's maximum is
// 1000); `onProgress` hears how many have arrived out of how many.
export async function fetchAllRecords(
  list: (query: RecordQuery) => Promise<RecordPage>,
  query: RecordQuery,
  onProgress: (loaded: number, total: number) => void = () => {},
  pageSize = 1000,
): Promise<StoredRecord[]> {
  const records: StoredRecord[] = []
  let total = Infinity
  while (records.length < total) {
    const page = await list({ ...query, offset: records.length, limit: pageSize })
    total = page.total
    records.push(...page.records)
    onProgress(records.length, total)
    if (page.records.length === 0) break
  }
  return records
}
