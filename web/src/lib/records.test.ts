import { describe, expect, it } from 'vitest'
import type { Field, Register } from '../api/types'
import { i18n } from '../i18n'
import {
  activeFilterCount,
  basisText,
  buildFilters,
  decodeUtf8,
  displayValue,
  emptyFilters,
  formFromRecord,
  importProblem,
  nextSort,
  normalizeNumber,
  parseInput,
  sortDirection,
  validateForm,
} from './records'

const field = (id: string, type: Field['type'], required = true, choices: string[] = []): Field => ({
  id,
  name: id,
  type,
  required,
  choices,
  description: '',
})
const fields: Field[] = [
  field('held_on', 'date'),
  field('title', 'text'),
  field('participants', 'integer'),
  field('satisfaction', 'decimal', false),
  field('fixed', 'yes_no'),
  field('category', 'choice', true, ['甲', '乙']),
  field('owner', 'section', false),
]
const sections = ['documents', 'personnel']
const options = { yes: '是', no: '否', sectionName: (id: string) => (id === 'documents' ? '文檔科' : id) }

describe('showing values', () => {
  it('shows dates in ROC, yes/no as 是/否 and sections by name', () => {
    expect(displayValue(fields[0], '2015-03-15', options)).toBe('104/03/15')
    expect(displayValue(fields[4], 1, options)).toBe('是')
    expect(displayValue(fields[4], 0, options)).toBe('否')
    expect(displayValue(fields[6], 'documents', options)).toBe('文檔科')
    expect(displayValue(fields[3], 4.25, options)).toBe('4.25')
    expect(displayValue(fields[3], null, options)).toBe('')
    expect(displayValue(fields[4], null, options)).toBe('')
  })
  it('fills the edit form with what people type', () => {
    const form = formFromRecord(fields, {
      id: 1,
      version: 2,
      values: { held_on: '2015-03-15', title: 'x', participants: 42, satisfaction: null, fixed: 0, category: '乙', owner: 'documents' },
    })
    expect(form).toEqual({
      held_on: '104/03/15',
      title: 'x',
      participants: '42',
      satisfaction: '',
      fixed: 'no',
      category: '乙',
      owner: 'documents',
    })
    expect(formFromRecord(fields).participants).toBe('')
  })
})

describe('checking the form', () => {
  it('sends typed ROC dates as ISO and numbers as numbers', () => {
    const { values, errors } = validateForm(
      fields,
      { held_on: '104/3/15', title: ' 研習 ', participants: '１，２００', satisfaction: '4.5', fixed: 'yes', category: '甲', owner: '' },
      sections,
    )
    expect(errors).toEqual({})
    expect(values).toEqual({
      held_on: '2015-03-15',
      title: '研習',
      participants: 1200,
      satisfaction: 4.5,
      fixed: true,
      category: '甲',
      owner: null,
    })
  })
  it('names every wrong field', () => {
    const { errors } = validateForm(
      fields,
      { held_on: '104/02/30', title: '  ', participants: '3.5', satisfaction: 'abc', fixed: '', category: '丙', owner: 'nowhere' },
      sections,
    )
    expect(errors.held_on.key).toBe('validation.date')
    expect(errors.title.key).toBe('validation.required')
    expect(errors.participants.key).toBe('validation.integer')
    expect(errors.satisfaction.key).toBe('validation.decimal')
    expect(errors.fixed.key).toBe('validation.required')
    expect(errors.category).toEqual({ key: 'validation.choice', params: { choices: '甲、乙' } })
    expect(errors.owner.key).toBe('validation.section')
  })
  it('reads numbers the way people type them', () => {
    expect(normalizeNumber('１２．５')).toBe('12.5')
    expect(normalizeNumber('1,234 ')).toBe('1234')
    expect(normalizeNumber('－3')).toBe('-3')
    expect(parseInput(fields[2], '-7', sections)).toEqual({ value: -7 })
    expect(parseInput(fields[3], '.5', sections)).toEqual({ value: 0.5 })
    expect(parseInput(fields[2], '99999999999999999', sections).error?.key).toBe('validation.integer')
    expect(parseInput(fields[0], '2015-03-15', sections)).toEqual({ value: '2015-03-15' })
  })
})

describe('filters', () => {
  it('turns the panel into field:op:value filters', () => {
    const state = emptyFilters(fields)
    state.held_on.from = '104/01/01'
    state.held_on.to = '104/12/31'
    state.title.text = '研習'
    state.participants.from = '10'
    state.fixed.text = 'no'
    state.category.text = '乙'
    state.owner.text = 'documents'
    expect(buildFilters(fields, state)).toEqual({
      filters: [
        'held_on:ge:2015-01-01',
        'held_on:le:2015-12-31',
        'title:contains:研習',
        'participants:ge:10',
        'fixed:eq:false',
        'category:eq:乙',
        'owner:eq:documents',
      ],
      errors: {},
    })
    expect(activeFilterCount(fields, state)).toBe(6)
    state.title.op = 'eq'
    expect(buildFilters(fields, state).filters).toContain('title:eq:研習')
  })
  it('refuses bad ends and reversed ranges', () => {
    const state = emptyFilters(fields)
    state.held_on.from = '104/02/30'
    state.participants.from = '20'
    state.participants.to = '10'
    state.satisfaction.to = 'x'
    const { filters, errors } = buildFilters(fields, state)
    expect(filters).toEqual([])
    expect(errors.held_on.key).toBe('validation.date')
    expect(errors.participants.key).toBe('validation.range')
    expect(errors.satisfaction.key).toBe('validation.decimal')
  })
  it('compares dates as dates', () => {
    const state = emptyFilters(fields)
    state.held_on.from = '99/12/31'
    state.held_on.to = '104/1/1'
    expect(buildFilters(fields, state).filters).toEqual(['held_on:ge:2010-12-31', 'held_on:le:2015-01-01'])
  })
  it('has nothing to filter when the panel is empty', () => {
    expect(buildFilters(fields, emptyFilters(fields))).toEqual({ filters: [], errors: {} })
    expect(activeFilterCount(fields, emptyFilters(fields))).toBe(0)
  })
})

describe('sorting', () => {
  it('goes ascending, descending, then back to the default', () => {
    expect(nextSort('', 'held_on')).toBe('held_on')
    expect(nextSort('held_on', 'held_on')).toBe('-held_on')
    expect(nextSort('-held_on', 'held_on')).toBe('')
    expect(nextSort('-held_on', 'title')).toBe('title')
    expect(sortDirection('-held_on', 'held_on')).toBe('descending')
    expect(sortDirection('held_on', 'held_on')).toBe('ascending')
    expect(sortDirection('title', 'held_on')).toBe('none')
  })
})

describe('import problems', () => {
  it('splits the server paths into row, line and column', () => {
    const row = (path: string, params: Record<string, string>) => ({ path, message: '', code: 'not_a_date', params })
    expect(importProblem(row('row 3 (line 4), column 日期', { row: '3', line: '4', column: '日期' }), 'bad')).toEqual({
      row: 3,
      line: 4,
      column: '日期',
      message: 'bad',
    })
    expect(importProblem(row('row 12 (line 13)', { row: '12', line: '13', column: '' }), 'locked')).toEqual({
      row: 12,
      line: 13,
      column: '',
      message: 'locked',
    })
    expect(importProblem({ path: 'header, column 2', message: '' }, 'unknown')).toEqual({ row: null, line: 1, column: 'column 2', message: 'unknown' })
    expect(importProblem({ path: 'line 7', message: '' }, 'not UTF-8')).toEqual({ row: null, line: 7, column: '', message: 'not UTF-8' })
    expect(importProblem({ path: 'file', message: '' }, 'empty')).toEqual({ row: null, line: null, column: 'file', message: 'empty' })
  })
  it('reads UTF-8 and refuses other encodings', () => {
    const utf8 = new TextEncoder().encode('\uFEFF日期,研習名稱\n')
    expect(decodeUtf8(utf8)).toBe('日期,研習名稱\n')
    expect(decodeUtf8(new Uint8Array([0xa4, 0xe9, 0xb4, 0xc1]))).toBeNull() // 日期 in Big5
  })
})

describe('time basis', () => {
  const t = (key: string, params?: Record<string, string | number>) => i18n.global.t(key, params ?? {})
  const register = (time_basis: Register['time_basis'], end_field: string): Register => ({
    id: 'tours',
    name: '導覽',
    description: '',
    owner_section: 'documents',
    time_basis,
    time_field: 'start',
    end_field,
    record_count: 0,
    fields: [
      { id: 'start', name: '開始日', type: 'date', required: true, choices: [], description: '' },
      { id: 'end', name: '結束日', type: 'date', required: false, choices: [], description: '' },
    ],
  })

  it('names the start and end fields of a period', () => {
    expect(basisText(register('interval', 'end'), t)).toBe('依期間（開始日～結束日）')
    expect(basisText(register('period', 'end'), t)).toContain('依期間（開始日～結束日）')
  })

  it('says what a register without an end field means instead of an empty end', () => {
    expect(basisText(register('interval', ''), t)).toBe('依期間（開始日起，無結束日）')
    expect(basisText(register('period', ''), t)).toBe('依日期（開始日），每筆資料為一天')
    expect(basisText(register('date', ''), t)).toBe('依日期（開始日）')
  })
})
