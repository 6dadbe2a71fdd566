// What the audit log page needs besides the API: the actions and object types it can name,
// the ROC date range turned into the API's ISO timestamps, and the differences between the
// snapshots before and after a change.
import type { AuditEntry, Field, FieldValue } from '../api/types'
import { agencyMidnightUtc, parseRocDate, toRocDate } from './roc'

// Every action the server writes to the log (audit.ts labels each in both languages).
export const AUDIT_ACTIONS = [
  'record.create',
  'record.update',
  'record.delete',
  'record.import',
  'value.set',
  'value.delete',
  'review.submit',
  'review.first_review',
  'review.second_review',
  'review.return',
  'review.withdraw',
  'review.explanation',
  'comment.create',
  'evidence.create',
  'evidence.delete',
  'year.lock',
  'year.unlock',
  'plan.import',
  'plan.update',
  'user.create',
  'user.update',
  'user.password_change',
  'user.password_reset',
  'login',
  'login.failed',
  'logout',
] as const

export const OBJECT_TYPES = ['record', 'register', 'value', 'review', 'evidence', 'year', 'plan', 'user', 'session'] as const

// The i18n key of an action's label ("audit.actions.record_create"), or null for an
// action this version does not know (the page then shows the action as it is).
export function actionKey(action: string): string | null {
  return (AUDIT_ACTIONS as readonly string[]).includes(action) ? `audit.actions.${action.replace('.', '_')}` : null
}

export interface TimeRange {
  from?: string
  to?: string
  errors: { from?: boolean; to?: boolean; order?: boolean }
}

// ROC (or ISO) dates typed by a person → the API's `from` (inclusive, the start of the
// first day on the agency's clock) and `to` (exclusive, the start of the day after the
// last day).
// Empty inputs leave that end open; a text that is not a date is flagged.
export function rocRangeToIso(fromText: string, toText: string): TimeRange {
  const range: TimeRange = { errors: {} }
  if (fromText.trim()) {
    const date = parseRocDate(fromText)
    if (date) range.from = agencyMidnightUtc(date)
    else range.errors.from = true
  }
  if (toText.trim()) {
    const date = parseRocDate(toText)
    if (date) range.to = agencyMidnightUtc(date, 1)
    else range.errors.to = true
  }
  if (range.from && range.to && range.from >= range.to) range.errors.order = true
  return range
}

export interface DiffRow {
  key: string
  label: string
  before: string
  after: string
  changed: boolean
}

interface RecordSnapshot {
  values: Record<string, FieldValue>
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isRecordSnapshot(value: unknown): value is RecordSnapshot {
  return isObject(value) && isObject(value.values)
}

// A snapshot value as a person reads it: dates in ROC, objects as JSON.
export function formatSnapshotValue(value: unknown, field?: Pick<Field, 'type'>): string {
  if (value === null || value === undefined) return ''
  if (field?.type === 'date' && typeof value === 'string') return toRocDate(value)
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value, null, 2)
}

// A record's change field by field, in the register's field order (fields the register no
// longer has come last, under their ids). A created record has no "before", a deleted one
// no "after".
export function recordDiff(before: unknown, after: unknown, fields: Pick<Field, 'id' | 'name' | 'type'>[] = []): DiffRow[] {
  const old = isRecordSnapshot(before) ? before.values : {}
  const fresh = isRecordSnapshot(after) ? after.values : {}
  const keys = fields.map((field) => field.id)
  for (const key of [...Object.keys(old), ...Object.keys(fresh)]) if (!keys.includes(key)) keys.push(key)
  return keys
    .filter((key) => key in old || key in fresh)
    .map((key) => {
      const field = fields.find((candidate) => candidate.id === key)
      const beforeText = formatSnapshotValue(old[key], field)
      const afterText = formatSnapshotValue(fresh[key], field)
      const changed = isRecordSnapshot(before) && isRecordSnapshot(after) ? beforeText !== afterText : true
      return { key, label: field?.name ?? key, before: beforeText, after: afterText, changed }
    })
}

// Any other change, key by key at the top level of the snapshots (a snapshot that is not
// an object is one row).
export function snapshotDiff(before: unknown, after: unknown): DiffRow[] {
  if (!isObject(before) && !isObject(after)) {
    if (before === null && after === null) return []
    const beforeText = formatSnapshotValue(before)
    const afterText = formatSnapshotValue(after)
    return [{ key: '', label: '', before: beforeText, after: afterText, changed: beforeText !== afterText }]
  }
  const old = isObject(before) ? before : {}
  const fresh = isObject(after) ? after : {}
  const keys = [...new Set([...Object.keys(old), ...Object.keys(fresh)])]
  return keys.map((key) => {
    const beforeText = formatSnapshotValue(old[key])
    const afterText = formatSnapshotValue(fresh[key])
    const changed = isObject(before) && isObject(after) ? beforeText !== afterText : true
    return { key, label: key, before: beforeText, after: afterText, changed }
  })
}

// "records_trainings/33" → "records_trainings" (the register a record belongs to).
export function registerOfRecord(objectId: string): string {
  const slash = objectId.lastIndexOf('/')
  return slash > 0 ? objectId.slice(0, slash) : objectId
}

// Where the object of an entry can be seen in the app, if anywhere.
export function objectLink(entry: Pick<AuditEntry, 'object_type' | 'object_id'>): string | null {
  if (entry.object_type === 'record') return `/registers/${encodeURIComponent(registerOfRecord(entry.object_id))}`
  if (entry.object_type === 'register') return `/registers/${encodeURIComponent(entry.object_id)}`
  if (['review', 'value', 'evidence'].includes(entry.object_type) && entry.object_id.includes('/'))
    return `/indicators/${encodeURIComponent(entry.object_id.split('/')[0])}`
  if (entry.object_type === 'year') return '/evaluation'
  if (entry.object_type === 'plan') return '/plan'
  return null
}

// Whether the entry kept what the object was before or after the change.
export function hasSnapshot(entry: Pick<AuditEntry, 'before' | 'after'>): boolean {
  return (entry.before !== null && entry.before !== undefined) || (entry.after !== null && entry.after !== undefined)
}
