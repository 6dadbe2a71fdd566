// The record form against a fake API: checks before sending, the server's field errors
// at their fields with the typed input kept, a stale version offered for reloading, a
// locked year said in words.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '../../i18n'
import { fakeFetch, type FakeRequest } from '../../test/fakeApi'
import type { Register, StoredRecord } from '../../api/types'
import RecordFormDialog from './RecordFormDialog.vue'

const register: Register = {
  id: 'volunteers',
  name: '志工名冊',
  description: '',
  owner_section: 'public_relations',
  time_basis: 'interval',
  time_field: 'joined',
  end_field: 'left',
  record_count: 1,
  fields: [
    { id: 'name', name: '姓名', type: 'text', required: true, choices: [], description: '' },
    { id: 'joined', name: '加入日期', type: 'date', required: true, choices: [], description: '' },
    { id: 'left', name: '離隊日期', type: 'date', required: false, choices: [], description: '' },
    { id: 'service', name: '服務項目', type: 'choice', required: true, choices: ['導覽', '服務台'], description: '' },
    { id: 'active', name: '在職', type: 'yes_no', required: true, choices: [], description: '' },
  ],
}
// An event register whose fields have defaults, written as a plan may write them.
const tours: Register = {
  ...register,
  id: 'guided_tours',
  name: '市政大樓導覽',
  time_basis: 'date',
  time_field: 'toured_on',
  end_field: '',
  fields: [
    { id: 'toured_on', name: '導覽日期', type: 'date', required: true, choices: [], description: '' },
    { id: 'sessions', name: '場次', type: 'integer', required: true, choices: [], description: '', default: '1' },
    { id: 'booked', name: '預約日期', type: 'date', required: false, choices: [], description: '', default: '2015-01-01' },
    { id: 'public', name: '公開', type: 'yes_no', required: true, choices: [], description: '', default: 'true' },
  ],
}
const stored: StoredRecord = {
  id: 7,
  version: 3,
  values: { name: '王小明', joined: '2015-03-15', left: null, service: '導覽', active: 1 },
}

type Answer = [number, unknown]
let answers: Answer[]
let calls: (FakeRequest & { body: Record<string, unknown> | undefined })[]

beforeEach(() => {
  answers = []
  i18n.global.locale.value = 'zh-TW'
  calls = fakeFetch(() => answers.shift() ?? [500, {}]) as typeof calls
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function open(record: StoredRecord | null, shown: Register = register) {
  const wrapper = mount(RecordFormDialog, {
    props: { modelValue: true, register: shown, sections: [], record },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}
const input = (id: string) => document.querySelector(`[data-test="field-${id}"]`) as HTMLInputElement
async function type(id: string, text: string) {
  const element = input(id)
  element.value = text
  element.dispatchEvent(new Event(element.tagName === 'SELECT' ? 'change' : 'input'))
  await flushPromises()
}
async function save() {
  ;(document.querySelector('[data-test="save-record"]') as HTMLButtonElement).click()
  await flushPromises()
  // Element Plus shows a form item's error after a 100 ms debounce.
  await new Promise((resolve) => setTimeout(resolve, 150))
}
const formError = () => document.querySelector('[data-test="form-error"]')?.textContent ?? ''

describe('the record form', () => {
  it('puts an input with data-test on every field and fills it for editing', async () => {
    await open(stored)
    expect(input('name').tagName).toBe('INPUT')
    expect(input('name').value).toBe('王小明')
    expect(input('joined').value).toBe('104/03/15')
    expect(input('service').tagName).toBe('SELECT')
    expect(input('active').value).toBe('yes')
  })

  it('checks the schema before sending anything', async () => {
    await open(null)
    await type('joined', '104/02/30')
    await save()
    expect(calls).toHaveLength(0)
    expect(formError()).toContain('4 個欄位')
    expect(document.body.textContent).toContain('不是有效的日期')
    expect(input('joined').getAttribute('aria-invalid')).toBe('true')
  })

  it('sends ROC dates as ISO and yes/no as booleans', async () => {
    const wrapper = await open(null)
    await type('name', '陳小華')
    await type('joined', '105/1/2')
    await type('service', '服務台')
    await type('active', 'no')
    answers.push([201, { id: 9, version: 1, values: {} }])
    await save()
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/api/registers/volunteers/records',
      body: { values: { name: '陳小華', joined: '2016-01-02', left: null, service: '服務台', active: false } },
    })
    expect(wrapper.emitted('saved')?.[0]?.[1]).toBe(true)
  })

  it('shows the server refusals at their fields and keeps what was typed', async () => {
    await open(stored)
    await type('left', '103/01/01')
    answers.push([
      422,
      {
        title: 'Invalid input',
        detail: 'the record was not changed',
        errors: [
          {
            path: 'left',
            message: 'the end date 2014-01-01 is before the start date 2015-03-15',
            code: 'end_before_start',
            params: { end: '2014-01-01', start: '2015-03-15' },
          },
        ],
      },
    ])
    await save()
    expect(calls[0]).toMatchObject({ method: 'PUT', path: '/api/registers/volunteers/records/7', body: { version: 3 } })
    expect(document.getElementById('record-error-left')?.textContent).toContain('結束日期 103/01/01 早於開始日期 104/03/15')
    expect(input('left').value).toBe('103/01/01')
    expect(formError()).toContain('伺服器未接受')
  })

  it('offers to reload a record someone else changed', async () => {
    await open(stored)
    await type('name', '我的修改')
    answers.push([409, { title: 'Conflict', detail: 'changed by someone else' }])
    await save()
    expect(formError()).toContain('已被其他人修改')
    expect(input('name').value).toBe('我的修改')
    answers.push([200, { ...stored, version: 4, values: { ...stored.values, name: '別人的修改' } }])
    ;(document.querySelector('[data-test="reload-record"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(input('name').value).toBe('別人的修改')
    answers.push([200, stored])
    await save()
    expect(calls.at(-1)?.body?.version).toBe(4)
  })

  it('starts a new record at its defaults and sends a cleared one empty for the server to fill', async () => {
    await open(null, tours)
    expect(input('toured_on').value).toBe('')
    expect(input('sessions').value).toBe('1')
    expect(input('booked').value).toBe('104/01/01')
    expect(input('public').value).toBe('yes')
    expect(document.getElementById('record-hint-sessions')?.textContent).toContain('空白時為 1')
    expect(input('sessions').getAttribute('aria-required')).toBe('false')
    await type('toured_on', '104/03/15')
    await type('sessions', '')
    await type('public', 'no')
    answers.push([201, { id: 1, version: 1, values: {} }])
    await save()
    expect(calls[0]).toMatchObject({
      method: 'POST',
      body: { values: { toured_on: '2015-03-15', sessions: null, booked: '2015-01-01', public: false } },
    })
  })

  it('leaves an edited record as stored, defaults only named in the hint', async () => {
    const values = { toured_on: '2015-03-15', sessions: 105, booked: null, public: 0 }
    await open({ id: 1, version: 2, values }, tours)
    expect(input('sessions').value).toBe('105')
    expect(input('booked').value).toBe('')
    expect(input('public').value).toBe('no')
    expect(document.getElementById('record-hint-booked')?.textContent).toContain('空白時為 104/01/01')
  })

  it('says which year is locked', async () => {
    await open(stored)
    answers.push([423, { title: 'Locked', detail: 'the record belongs to year 104, which is locked' }])
    await save()
    expect(formError()).toContain('民國 104 年')
  })
})
