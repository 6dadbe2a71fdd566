import { describe, expect, it } from 'vitest'
import {
  AUDIT_ACTIONS,
  actionKey,
  formatSnapshotValue,
  hasSnapshot,
  objectLink,
  recordDiff,
  registerOfRecord,
  rocRangeToIso,
  snapshotDiff,
} from './audit'
import zh from '../locales/audit'

describe('rocRangeToIso', () => {
  it('turns ROC days into the start of the first day and the start of the day after the last, in Taiwan time', () => {
    expect(rocRangeToIso('105/06/01', '105/06/30')).toEqual({
      from: '2016-05-31T16:00:00Z',
      to: '2016-06-30T16:00:00Z',
      errors: {},
    })
  })
  it('accepts ISO dates and other ROC spellings and leaves an empty end open', () => {
    expect(rocRangeToIso('民國104年1月1日', '')).toEqual({ from: '2014-12-31T16:00:00Z', errors: {} })
    expect(rocRangeToIso('', '2015-12-31')).toEqual({ to: '2015-12-31T16:00:00Z', errors: {} })
    expect(rocRangeToIso('  ', '')).toEqual({ errors: {} })
  })
  it('rolls over month and year ends', () => {
    expect(rocRangeToIso('', '104/12/31').to).toBe('2015-12-31T16:00:00Z')
    expect(rocRangeToIso('', '105/02/29').to).toBe('2016-02-29T16:00:00Z')
  })
  it('flags dates that do not exist and a range that ends before it starts', () => {
    expect(rocRangeToIso('105/02/30', 'x').errors).toEqual({ from: true, to: true })
    expect(rocRangeToIso('105/03/02', '105/03/01').errors).toEqual({ order: true })
    expect(rocRangeToIso('105/03/01', '105/03/01').errors).toEqual({})
  })
})

describe('actions', () => {
  it('has a label in both languages for every known action', () => {
    for (const action of AUDIT_ACTIONS) {
      const key = actionKey(action)!.split('.').pop()!
      expect(zh['zh-TW'].audit.actions).toHaveProperty(key)
      expect(zh.en.audit.actions).toHaveProperty(key)
    }
    expect(Object.keys(zh['zh-TW'].audit.actions)).toEqual(Object.keys(zh.en.audit.actions))
  })
  it('leaves unknown actions alone', () => {
    expect(actionKey('record.create')).toBe('audit.actions.record_create')
    expect(actionKey('login.failed')).toBe('audit.actions.login_failed')
    expect(actionKey('something.new')).toBeNull()
  })
})

const fields = [
  { id: 'held_on', name: '日期', type: 'date' as const },
  { id: 'title', name: '研習名稱', type: 'text' as const },
  { id: 'participants', name: '參加人數', type: 'integer' as const },
]

describe('recordDiff', () => {
  it('lists every field of a change in the register order, marking what changed, dates in ROC', () => {
    const before = { id: 33, version: 1, values: { title: '測試', held_on: '2016-06-01', participants: 500 } }
    const after = { id: 33, version: 2, values: { title: '測試2', held_on: '2016-06-01', participants: 400 } }
    expect(recordDiff(before, after, fields)).toEqual([
      { key: 'held_on', label: '日期', before: '105/06/01', after: '105/06/01', changed: false },
      { key: 'title', label: '研習名稱', before: '測試', after: '測試2', changed: true },
      { key: 'participants', label: '參加人數', before: '500', after: '400', changed: true },
    ])
  })
  it('shows a created record without a before and keeps fields the register no longer has', () => {
    const rows = recordDiff(null, { values: { held_on: '2016-06-01', old_field: 'x', satisfaction: null } }, fields)
    expect(rows.map((row) => [row.label, row.before, row.after])).toEqual([
      ['日期', '', '105/06/01'],
      ['old_field', '', 'x'],
      ['satisfaction', '', ''],
    ])
  })
  it('works without the register definition', () => {
    expect(recordDiff({ values: { a: 1 } }, null)).toEqual([{ key: 'a', label: 'a', before: '1', after: '', changed: true }])
  })
})

describe('snapshotDiff', () => {
  it('compares objects key by key', () => {
    const rows = snapshotDiff({ state: 'submitted', version: 1, explanation: '' }, { state: 'returned', version: 2, explanation: '' })
    expect(rows.filter((row) => row.changed).map((row) => [row.key, row.before, row.after])).toEqual([
      ['state', 'submitted', 'returned'],
      ['version', '1', '2'],
    ])
  })
  it('shows nested values as JSON and a non-object snapshot as one row', () => {
    expect(snapshotDiff(null, { body: { a: [1] } })[0].after).toBe(JSON.stringify({ a: [1] }, null, 2))
    expect(snapshotDiff('plain text', null)).toEqual([{ key: '', label: '', before: 'plain text', after: '', changed: true }])
    expect(snapshotDiff(null, null)).toEqual([])
  })
})

describe('helpers', () => {
  it('formats values and finds the register of a record', () => {
    expect(formatSnapshotValue(true)).toBe('true')
    expect(formatSnapshotValue('2016-06-01', { type: 'date' })).toBe('105/06/01')
    expect(formatSnapshotValue(undefined)).toBe('')
    expect(registerOfRecord('records_trainings/33')).toBe('records_trainings')
    expect(registerOfRecord('records_trainings')).toBe('records_trainings')
  })
})

describe('entries', () => {
  it('links an object to where the app shows it', () => {
    expect(objectLink({ object_type: 'record', object_id: 'records_trainings/33' })).toBe('/registers/records_trainings')
    expect(objectLink({ object_type: 'register', object_id: 'volunteers' })).toBe('/registers/volunteers')
    expect(objectLink({ object_type: 'value', object_id: 'b1-1/105' })).toBe('/indicators/b1-1')
    expect(objectLink({ object_type: 'review', object_id: 'b1-1' })).toBeNull()
    expect(objectLink({ object_type: 'year', object_id: '105' })).toBe('/evaluation')
    expect(objectLink({ object_type: 'plan', object_id: 'p' })).toBe('/plan')
    expect(objectLink({ object_type: 'user', object_id: '3' })).toBeNull()
  })
  it('knows whether an entry kept a snapshot', () => {
    expect(hasSnapshot({ before: null, after: null })).toBe(false)
    expect(hasSnapshot({ before: undefined, after: { id: 1 } })).toBe(true)
    expect(hasSnapshot({ before: 0, after: null })).toBe(true)
  })
})
