// Writing records as CSV that Excel opens correctly (UTF-8 with a BOM, CRLF lines) and
// that the register import reads back: the header names the columns by their display
// names, yes/no is 是/否, sections are their ids, and dates are ROC (104/03/15) or ISO
// (2015-03-15) — the import accepts both.
import type { Field, FieldValue, StoredRecord } from '../api/types'
import { toRocDate } from './roc'

export const BOM = '\uFEFF'
export type DateStyle = 'roc' | 'iso'

// One cell, quoted when it holds a comma, a quote, a line break or edge spaces.
export function csvCell(text: string): string {
  if (/[",\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`
  return text
}

export function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(',')
}

// Rows as a CSV document: a BOM (so Excel reads UTF-8), CRLF after every line.
export function toCsv(rows: string[][], bom = true): string {
  return (bom ? BOM : '') + rows.map((row) => csvLine(row) + '\r\n').join('')
}

// A stored value as a CSV cell the import accepts.
export function csvValue(field: Field, value: FieldValue | undefined, dates: DateStyle): string {
  if (value === null || value === undefined) return ''
  switch (field.type) {
    case 'date':
      return dates === 'roc' ? toRocDate(String(value)) : String(value)
    case 'yes_no':
      return Number(value) ? '是' : '否'
    default:
      return String(value)
  }
}

export function csvHeader(fields: Field[]): string[] {
  return fields.map((field) => field.name)
}

export function recordsCsv(fields: Field[], records: StoredRecord[], dates: DateStyle): string {
  return toCsv([
    csvHeader(fields),
    ...records.map((record) => fields.map((field) => csvValue(field, record.values[field.id], dates))),
  ])
}

// An empty file with just the header, to fill in and import.
export function templateCsv(fields: Field[]): string {
  return toCsv([csvHeader(fields)])
}

// "records_trainings-1151127.csv": the register and the ROC date of the export.
export function csvFileName(registerId: string, now: Date, suffix = ''): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const stamp = `${now.getFullYear() - 1911}${pad(now.getMonth() + 1)}${pad(now.getDate())}`
  return `${registerId}${suffix ? `-${suffix}` : ''}-${stamp}.csv`
}

// Hands a text to the browser as a download.
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
