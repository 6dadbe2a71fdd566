// Register records for people: values shown as they read them (ROC dates, 是/否, section
// names), forms checked against the register's schema before anything is sent, the
// filter panel turned into the API's `field:op:value` filters, sorting by column, and the
// import problems the server names by row, line and column.
import type { Field, FieldValue, ProblemEntry, Register, StoredRecord } from '../api/types'
import { parseRocDate, toRocDate } from './roc'

// A message for the page to translate: an i18n key under `registers.` and its parameters.
export interface Message {
  key: string
  params?: Record<string, string | number>
}

// What the user typed into the record form, per field id. Yes/no is 'yes', 'no' or ''.
export type FormValues = Record<string, string>

// A value as the API takes it (FieldValueInput).
export type InputValue = string | number | boolean | null

export interface DisplayOptions {
  yes: string
  no: string
  sectionName: (id: string) => string
}

// A stored value as a person reads it.
export function displayValue(field: Field, value: FieldValue | undefined, options: DisplayOptions): string {
  if (value === null || value === undefined || value === '') return ''
  switch (field.type) {
    case 'date':
      return toRocDate(String(value))
    case 'yes_no':
      return Number(value) ? options.yes : options.no
    case 'section':
      return options.sectionName(String(value))
    default:
      return String(value)
  }
}

// Numbers are right-aligned in tables.
export function isNumeric(field: Field): boolean {
  return field.type === 'integer' || field.type === 'decimal'
}

const YES_TEXT = ['1', 'yes', 'y', 'true', '是']
const NO_TEXT = ['0', 'no', 'n', 'false', '否']

// A field's default in the form's own spelling (ROC dates, yes/no), '' when it has none.
// The plan may write it as the server's parser accepts it (`true`, `2015-01-01`).
export function formDefault(field: Field): string {
  const text = field.default?.trim() ?? ''
  if (field.type === 'date') return toRocDate(parseRocDate(text) ?? text)
  if (field.type === 'yes_no') {
    if (YES_TEXT.includes(text.toLowerCase())) return 'yes'
    if (NO_TEXT.includes(text.toLowerCase())) return 'no'
  }
  return text
}

// The form's starting text: a new record's fields at their defaults (empty without one), the
// record's values (dates in ROC) to edit.
export function formFromRecord(fields: Field[], record?: StoredRecord | null): FormValues {
  const form: FormValues = {}
  for (const field of fields) {
    const value = record?.values[field.id]
    if (!record) form[field.id] = formDefault(field)
    else if (value === null || value === undefined) form[field.id] = ''
    else if (field.type === 'date') form[field.id] = toRocDate(String(value))
    else if (field.type === 'yes_no') form[field.id] = Number(value) ? 'yes' : 'no'
    else form[field.id] = String(value)
  }
  return form
}

// Full-width digits and signs (typed with a CJK input method) as ASCII, and thousands
// separators and spaces left out: "１，２３４" → "1234".
export function normalizeNumber(text: string): string {
  return text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 48))
    .replace(/．/g, '.')
    .replace(/[－−]/g, '-')
    .replace(/＋/g, '+')
    .replace(/[,，\s]/g, '')
}

const INTEGER = /^[+-]?\d+$/
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/

// One typed value checked against its field: the value to send, or the reason it is wrong.
export function parseInput(
  field: Field,
  text: string,
  sectionIds: string[],
): { value: InputValue; error?: undefined } | { value?: undefined; error: Message } {
  const trimmed = (text ?? '').trim()
  if (trimmed === '') {
    return field.required ? { error: { key: 'validation.required' } } : { value: null }
  }
  switch (field.type) {
    case 'integer': {
      const number = normalizeNumber(trimmed)
      if (!INTEGER.test(number) || !Number.isSafeInteger(Number(number)))
        return { error: { key: 'validation.integer' } }
      return { value: Number(number) }
    }
    case 'decimal': {
      const number = normalizeNumber(trimmed)
      if (!DECIMAL.test(number)) return { error: { key: 'validation.decimal' } }
      return { value: Number(number) }
    }
    case 'date': {
      const iso = parseRocDate(trimmed)
      return iso ? { value: iso } : { error: { key: 'validation.date' } }
    }
    case 'yes_no':
      if (trimmed === 'yes') return { value: true }
      if (trimmed === 'no') return { value: false }
      return { error: { key: 'validation.yesNo' } }
    case 'choice':
    case 'stage':
      return field.choices.includes(trimmed)
        ? { value: trimmed }
        : { error: { key: 'validation.choice', params: { choices: field.choices.join('、') } } }
    case 'section':
      return sectionIds.includes(trimmed) ? { value: trimmed } : { error: { key: 'validation.section' } }
    default:
      return { value: trimmed }
  }
}

// The whole form checked before sending: the values for the API and the errors by field id.
export function validateForm(
  fields: Field[],
  form: FormValues,
  sectionIds: string[],
): { values: Record<string, InputValue>; errors: Record<string, Message> } {
  const values: Record<string, InputValue> = {}
  const errors: Record<string, Message> = {}
  for (const field of fields) {
    // Left empty, a field with a default is sent empty and the server stores the default,
    // so a required one is not an error here.
    if (field.default && !(form[field.id] ?? '').trim()) {
      values[field.id] = null
      continue
    }
    const result = parseInput(field, form[field.id] ?? '', sectionIds)
    if (result.error) errors[field.id] = result.error
    else values[field.id] = result.value
  }
  return { values, errors }
}

// ---- Filters --------------------------------------------------------------------------

// The filter panel's state per field: text fields use `op` and `text`; numbers and dates
// use `from` and `to` (a range, either end open); choices, sections and yes/no use `text`
// (a choice, a section id, or 'yes'/'no').
export interface FieldFilter {
  op: 'contains' | 'eq'
  text: string
  from: string
  to: string
}
export type FilterState = Record<string, FieldFilter>

export function emptyFilters(fields: Field[]): FilterState {
  const state: FilterState = {}
  for (const field of fields) state[field.id] = { op: 'contains', text: '', from: '', to: '' }
  return state
}

export function usesRange(field: Field): boolean {
  return field.type === 'integer' || field.type === 'decimal' || field.type === 'date'
}

function rangeEnd(field: Field, text: string): { value: string } | { error: Message } {
  if (field.type === 'date') {
    const iso = parseRocDate(text)
    return iso ? { value: iso } : { error: { key: 'validation.date' } }
  }
  const number = normalizeNumber(text)
  const pattern = field.type === 'integer' ? INTEGER : DECIMAL
  return pattern.test(number)
    ? { value: number }
    : { error: { key: field.type === 'integer' ? 'validation.integer' : 'validation.decimal' } }
}

// The API's filters (`field:op:value`) for the panel's state, or the errors by field id.
export function buildFilters(
  fields: Field[],
  state: FilterState,
): { filters: string[]; errors: Record<string, Message> } {
  const filters: string[] = []
  const errors: Record<string, Message> = {}
  for (const field of fields) {
    const filter = state[field.id]
    if (!filter) continue
    if (usesRange(field)) {
      const ends: { op: 'ge' | 'le'; text: string; value?: string }[] = [
        { op: 'ge', text: filter.from.trim() },
        { op: 'le', text: filter.to.trim() },
      ]
      for (const end of ends) {
        if (!end.text) continue
        const parsed = rangeEnd(field, end.text)
        if ('error' in parsed) errors[field.id] = parsed.error
        else end.value = parsed.value
      }
      if (errors[field.id]) continue
      const [low, high] = ends
      if (low.value !== undefined && high.value !== undefined) {
        const reversed =
          field.type === 'date' ? low.value > high.value : Number(low.value) > Number(high.value)
        if (reversed) {
          errors[field.id] = { key: 'validation.range' }
          continue
        }
      }
      for (const end of ends) if (end.value !== undefined) filters.push(`${field.id}:${end.op}:${end.value}`)
      continue
    }
    const text = filter.text.trim()
    if (!text) continue
    if (field.type === 'text') filters.push(`${field.id}:${filter.op}:${text}`)
    else if (field.type === 'yes_no') filters.push(`${field.id}:eq:${text === 'yes' ? 'true' : 'false'}`)
    else filters.push(`${field.id}:eq:${text}`)
  }
  return { filters, errors }
}

// How many fields the panel filters on (for the "filters (2)" badge).
export function activeFilterCount(fields: Field[], state: FilterState): number {
  return fields.filter((field) => {
    const filter = state[field.id]
    if (!filter) return false
    return usesRange(field) ? Boolean(filter.from.trim() || filter.to.trim()) : Boolean(filter.text.trim())
  }).length
}

// ---- Sorting --------------------------------------------------------------------------

// Clicking a column header: ascending first, then descending, then back to the default.
export function nextSort(current: string, fieldId: string): string {
  if (current === fieldId) return `-${fieldId}`
  if (current === `-${fieldId}`) return ''
  return fieldId
}

export function sortDirection(current: string, fieldId: string): 'ascending' | 'descending' | 'none' {
  if (current === fieldId) return 'ascending'
  if (current === `-${fieldId}`) return 'descending'
  return 'none'
}

// ---- Import ---------------------------------------------------------------------------

export interface ImportProblem {
  row: number | null
  line: number | null
  column: string
  message: string
}

// Where a refused import's problem is: a row's problems carry row, line and column as
// params; the file's own name "header, column 2" or "line 7" as their path.
export function importProblem(problem: ProblemEntry, message: string): ImportProblem {
  const params = problem.params ?? {}
  if (params.row) return { row: Number(params.row), line: Number(params.line), column: params.column ?? '', message }
  let match = /^header(?:,\s*(.*))?$/.exec(problem.path)
  if (match) return { row: null, line: 1, column: match[1] ?? '', message }
  match = /^line (\d+)$/.exec(problem.path)
  if (match) return { row: null, line: Number(match[1]), column: '', message }
  return { row: null, line: null, column: problem.path, message }
}

// A file's bytes as UTF-8 text (a leading BOM dropped), or null when they are not UTF-8
// (Excel's "CSV" in Big5, for instance).
export function decodeUtf8(bytes: ArrayBuffer | Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

// ---- Registers ------------------------------------------------------------------------

type Translate = (key: string, params?: Record<string, string | number>) => string

function fieldName(register: Register, id: string): string {
  return register.fields.find((field) => field.id === id)?.name ?? id
}

// "依日期（日期）", "依期間（加入日期～離隊日期）": how a register places records in a year.
// A register with periods but no end field has open-ended entries (interval) or one-day
// records (period), which a range with an empty end would misstate.
export function basisText(register: Register, t: Translate): string {
  const noEnd = !register.end_field
  const key =
    noEnd && register.time_basis === 'interval'
      ? 'intervalOpen'
      : noEnd && register.time_basis === 'period'
        ? 'periodOneDay'
        : register.time_basis
  return t(`registers.basisText.${key}`, {
    field: fieldName(register, register.time_field),
    end: fieldName(register, register.end_field),
  })
}

// A record in a few words for a confirmation: its first three non-empty values.
export function recordSummary(fields: Field[], record: StoredRecord, options: DisplayOptions): string {
  return fields
    .map((field) => displayValue(field, record.values[field.id], options))
    .filter(Boolean)
    .slice(0, 3)
    .join('、')
}
