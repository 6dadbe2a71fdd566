// Deleting a record against a fake API: the record named in the question, its version
// sent along, and every refusal said in words before the page reloads its list.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '../../i18n'
import { fakeFetch } from '../../test/fakeApi'
import type { Register, StoredRecord } from '../../api/types'
import DeleteRecordDialog from './DeleteRecordDialog.vue'

const register: Register = {
  id: 'volunteers',
  name: '志工名冊',
  description: '',
  owner_section: 'public_relations',
  time_basis: 'date',
  time_field: 'joined',
  end_field: '',
  record_count: 1,
  fields: [
    { id: 'name', name: '姓名', type: 'text', required: true, choices: [], description: '' },
    { id: 'joined', name: '加入日期', type: 'date', required: true, choices: [], description: '' },
    { id: 'active', name: '在職', type: 'yes_no', required: true, choices: [], description: '' },
  ],
}
const record: StoredRecord = { id: 7, version: 3, values: { name: '王小明', joined: '2015-03-15', active: 1 } }
const options = { yes: '是', no: '否', sectionName: (id: string) => id }

let answers: [number, unknown][]
const calls: { method: string; path: string }[] = []

beforeEach(() => {
  calls.length = 0
  answers = []
  i18n.global.locale.value = 'zh-TW'
  fakeFetch(({ method, path }) => {
    calls.push({ method, path })
    return answers.shift() ?? [500, {}]
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function confirmDelete() {
  const wrapper = mount(DeleteRecordDialog, {
    props: { modelValue: true, register, record, options },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  await flushPromises()
  ;(document.querySelector('[data-test="confirm-delete"]') as HTMLButtonElement).click()
  await flushPromises()
  return wrapper
}

describe('the delete dialog', () => {
  it('names the record, sends its version and reports the deletion', async () => {
    answers.push([204, null])
    const wrapper = await confirmDelete()
    expect(document.querySelector('[data-test="delete-dialog"]')?.textContent).toContain('王小明、104/03/15、是')
    expect(calls).toEqual([{ method: 'DELETE', path: '/api/registers/volunteers/records/7?version=3' }])
    expect(wrapper.emitted('done')).toEqual([[true]])
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]])
    expect(document.body.textContent).toContain('已刪除')
  })

  it('says a record changed meanwhile was not deleted', async () => {
    answers.push([409, { title: 'Conflict', detail: 'changed by someone else' }])
    const wrapper = await confirmDelete()
    expect(wrapper.emitted('done')).toEqual([[false]])
    expect(document.body.textContent).toContain('已被其他人修改或刪除')
  })

  it('says which year is locked', async () => {
    answers.push([423, { title: 'Locked', detail: 'the record belongs to year 104, which is locked' }])
    const wrapper = await confirmDelete()
    expect(wrapper.emitted('done')).toEqual([[false]])
    expect(document.body.textContent).toContain('民國 104 年')
  })
})
