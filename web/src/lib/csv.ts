// Writing records as CSV that Excel opens correctly (UTF-8 with a BOM, CRLF lines) and
// that the register import reads back: the header names the columns by their display
// names, yes/no is 是/否, sections are their ids, and dates are ROC (104/03/15) or ISO
// (2015-03-15) — the import accepts both.
import type { Field, FieldValue, StoredRecord } from '../api/types'
import { agencyDate, rocYear, toRocDate } from './roc'

export const BOM = '\uFEFF'
export type DateStyle = 'roc' | 'iso'

// A cell the app formatted from a number, a date or yes/no: written as it is, so "-5"
// stays the number -5 in a spreadsheet.
export interface Formatted {
  readonly formatted: string
}
export function formatted(text: string): Formatted {
  return { formatted: text }
}

// A string is text (names, units, text/choice/section values) and is neutralised; a
// number or a Formatted cell is written as it is; null and undefined are empty.
export type Cell = string | number | Formatted | null | undefined

// Spreadsheets run a cell that starts with =, +, -, @, a tab or a carriage return as a
// formula. The server's rule (src/core/register/csv.h), so the register import takes off
// what this adds: text that starts with one of those, or with 's followed by one, gets
// one more ' in front; other text is left as it is.
export function neutralizeFormula(text: string): string {
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

// One cell, quoted when it holds a comma, a quote, a line break or edge spaces.
export function csvCell(cell: Cell): string {
  if (cell === null || cell === undefined) return ''
  const text =
    typeof cell === 'string' ? neutralizeFormula(cell) : typeof cell === 'number' ? String(cell) : cell.formatted
  if (/[",\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`
  return text
}

export function csvLine(cells: Cell[]): string {
  return cells.map(csvCell).join(',')
}

// Rows as a CSV document: a BOM (so Excel reads UTF-8), CRLF after every line.
export function toCsv(rows: Cell[][], bom = true): string {
  return (bom ? BOM : '') + rows.map((row) => csvLine(row) + '\r\n').join('')
}

// A stored value as a CSV cell the import accepts: numbers as numbers, dates and yes/no
// as the app writes them, everything else as text.
export function csvValue(field: Field, value: FieldValue | undefined, dates: DateStyle): Cell {
  if (value === null || value === undefined) return null
  switch (field.type) {
    case 'date':
      return formatted(dates === 'roc' ? toRocDate(String(value)) : String(value))
    case 'yes_no':
      return formatted(Number(value) ? '是' : '否')
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? value : formatted(String(value))
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

// "records_trainings-1151127.csv": the register and the ROC date of the export on the
// agency's calendar.
export function csvFileName(registerId: string, now: Date, suffix = ''): string {
  const [year, month, day] = agencyDate(now).split('-')
  const stamp = `${rocYear(Number(year))}${month}${day}`
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
