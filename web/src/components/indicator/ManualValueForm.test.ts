// The manual value form against a fake API: the input follows the indicator's kind, a
// milestone's stage is sent by its name, the source note is asked for before anything is
// sent, a refusal is worded and keeps what was typed, a stale version reloads, a locked
// year disables the form and clearing asks first.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '../../i18n'
import { forgetAll } from '../../composables/usePlanData'
import { fakeFetch, type FakeAnswer, type FakeRequest } from '../../test/fakeApi'
import type { Indicator, ManualValue } from '../../api/types'
import type { Stage } from '../../lib/milestone'
import ManualValueForm from './ManualValueForm.vue'

type Shown = Pick<Indicator, 'id' | 'name' | 'kind' | 'unit' | 'decimals' | 'formula'>
const counted: Shown = { id: 'b2-1', name: '民眾滿意度', kind: 'higher_is_better', unit: '%', decimals: 1, formula: '' }
const yesNo: Shown = { id: 'b3-1', name: '完成法規修訂', kind: 'yes_no', unit: '', decimals: 0, formula: '' }
const works: Shown = { id: 'b4-1', name: '市政大樓整修', kind: 'milestone', unit: '%', decimals: 0, formula: '' }
const stages: Stage[] = [
  { name: '規劃設計', percent: 25 },
  { name: '工程發包', percent: 50 },
  { name: '工程施工', percent: 75 },
  { name: '工程完工', percent: 100 },
]

let stored: ManualValue[]
let locked: boolean
let answers: FakeAnswer[] // answers to PUT and DELETE, in turn
let calls: FakeRequest[]

beforeEach(() => {
  stored = []
  locked = false
  answers = []
  forgetAll()
  i18n.global.locale.value = 'zh-TW'
  calls = fakeFetch(({ method, path }) => {
    if (method === 'GET' && path.startsWith('/api/values?')) return [200, stored]
    if (method === 'GET' && path === '/api/years') return [200, [{ year: 105, locked, locked_at: null, locked_by: null }]]
    return answers.shift() ?? [500, { title: 'Internal Server Error' }]
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function mountForm(indicator: Shown, withStages: Stage[] = []) {
  const wrapper = mount(ManualValueForm, {
    props: { indicator, stages: withStages, year: 105 },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}

const sent = () => calls.filter((call) => call.method !== 'GET')
const find = (test: string) => document.querySelector(`[data-test="${test}"]`)
const value = (id: string, number: number, note: string, version: number): ManualValue => ({ indicator_id: id, year: 105, value: number, note, version })

async function type(wrapper: Awaited<ReturnType<typeof mountForm>>, test: string, text: string) {
  // Element Plus puts data-test on the <input> or <textarea> itself.
  await wrapper.find(`[data-test="${test}"]`).setValue(text)
}
async function save(wrapper: Awaited<ReturnType<typeof mountForm>>) {
  await wrapper.find('form').trigger('submit')
  await flushPromises()
}

describe('ManualValueForm', () => {
  it('takes a number with its unit and sends it with the note and the version read', async () => {
    answers = [[200, value('b2-1', 86.5, '105 年度滿意度調查報告', 1)]]
    const wrapper = await mountForm(counted)
    expect(find('manual-value-current')?.textContent).toContain('本年度尚未填報')
    expect(find('manual-value-yes')).toBeNull()
    expect(find('manual-value-stage')).toBeNull()
    expect(wrapper.find('[data-test="manual-value-form"]').text()).toContain('實際值（%）')
    await type(wrapper, 'manual-value-input', '86.5')
    await type(wrapper, 'manual-value-note', '105 年度滿意度調查報告')
    await save(wrapper)
    expect(sent()).toEqual([
      { method: 'PUT', path: '/api/values/b2-1/105', body: { value: 86.5, note: '105 年度滿意度調查報告', version: 0 } },
    ])
    expect(find('manual-value-current')?.textContent).toContain('86.5%')
    expect(find('manual-value-current')?.textContent).toContain('105 年度滿意度調查報告')
    expect(wrapper.emitted('changed')).toHaveLength(1)
  })

  it('offers 是 and 否 for a yes/no indicator and sends 1 or 0', async () => {
    stored = [value('b3-1', 1, '法規會議紀錄', 2)]
    answers = [[200, value('b3-1', 0, '法規會議紀錄', 3)]]
    const wrapper = await mountForm(yesNo)
    expect(find('manual-value-input')).toBeNull()
    expect(find('manual-value-current')?.textContent).toContain('是')
    expect((wrapper.find('[data-test="manual-value-yes"] input').element as HTMLInputElement).checked).toBe(true)
    await wrapper.find('[data-test="manual-value-no"] input').setValue(true)
    await save(wrapper)
    expect(sent()[0].body).toEqual({ value: 0, note: '法規會議紀錄', version: 2 })
  })

  it('lists a milestone\'s stages with their percentages and sends the stage by its name', async () => {
    stored = [value('b4-1', 25, '工程進度報告', 3)]
    answers = [[200, value('b4-1', 50, '決標公告', 4)]]
    const wrapper = await mountForm(works, stages)
    expect(find('manual-value-input')).toBeNull()
    const options = [...document.querySelectorAll('[data-test="manual-value-stage"] option')].map((option) => option.textContent)
    expect(options).toEqual(['請選擇階段', '規劃設計（25%）', '工程發包（50%）', '工程施工（75%）', '工程完工（100%）'])
    expect((find('manual-value-stage') as HTMLSelectElement).value).toBe('規劃設計')
    expect(find('manual-value-current')?.textContent).toContain('25%（規劃設計）')
    await type(wrapper, 'manual-value-stage', '工程發包')
    await type(wrapper, 'manual-value-note', '決標公告')
    await save(wrapper)
    expect(sent()[0].body).toEqual({ stage: '工程發包', note: '決標公告', version: 3 })
    expect(find('manual-value-current')?.textContent).toContain('50%（工程發包）')
  })

  it('asks for the source note and a number before sending anything', async () => {
    const wrapper = await mountForm(counted)
    await type(wrapper, 'manual-value-input', '86a')
    await type(wrapper, 'manual-value-note', '   ')
    await save(wrapper)
    expect(sent()).toEqual([])
    expect(find('manual-value-note-error')?.textContent).toContain('請填寫資料來源')
    expect(find('manual-value-value-error')?.textContent).toContain('不是數字')
  })

  it('words a coded refusal and keeps what was typed', async () => {
    answers = [
      [
        422,
        {
          title: 'Unprocessable Content',
          detail: 'the value was not stored',
          errors: [{ path: 'value', message: '"30" is not a stage', code: 'not_a_stage', params: { value: '30', stages: '規劃設計 (25)、工程發包 (50)' } }],
        },
      ],
    ]
    const wrapper = await mountForm(works) // no stages known: a number is taken
    await type(wrapper, 'manual-value-input', '30')
    await type(wrapper, 'manual-value-note', '進度報告')
    await save(wrapper)
    expect(sent()[0].body).toEqual({ value: 30, note: '進度報告', version: 0 })
    expect(find('manual-value-error')?.textContent).toContain('「30」不是此里程碑指標的階段；階段為：規劃設計 (25)、工程發包 (50)')
    expect((wrapper.find('[data-test="manual-value-input"]').element as HTMLInputElement).value).toBe('30')
    expect((wrapper.find('[data-test="manual-value-note"]').element as HTMLTextAreaElement).value).toBe('進度報告')
    expect(wrapper.emitted('changed')).toBeUndefined()
  })

  it('reloads after a stale version, keeping the input, and saves with the version read again', async () => {
    stored = [value('b2-1', 80, '舊報告', 1)]
    answers = [[409, { title: 'Conflict', detail: 'the value of b2-1/105 was changed by someone else since you read it' }]]
    const wrapper = await mountForm(counted)
    stored = [value('b2-1', 82, '他人更新', 2)]
    await type(wrapper, 'manual-value-input', '90')
    await save(wrapper)
    expect(find('manual-value-error')?.textContent).toContain('資料已被他人更新')
    expect(find('manual-value-current')?.textContent).toContain('82.0%')
    expect((wrapper.find('[data-test="manual-value-input"]').element as HTMLInputElement).value).toBe('90')
    answers = [[200, value('b2-1', 90, '舊報告', 3)]]
    await save(wrapper)
    expect(sent()[1].body).toEqual({ value: 90, note: '舊報告', version: 2 })
  })

  it('says a formula\'s value is replaced, and disables the form in a locked year', async () => {
    locked = true
    stored = [value('b2-1', 80, '報告', 1)]
    await mountForm({ ...counted, formula: 'count(surveys)' })
    expect(find('manual-value-form')?.textContent).toContain('填報值將取代公式計算值')
    expect(find('manual-value-locked')?.textContent).toContain('民國 105 年已鎖定')
    expect((find('manual-value-input') as HTMLInputElement).disabled).toBe(true)
    expect((find('manual-value-save') as HTMLButtonElement).disabled).toBe(true)
    expect((find('manual-value-clear') as HTMLButtonElement).disabled).toBe(true)
  })

  it('clears only once confirmed', async () => {
    stored = [value('b2-1', 80, '報告', 4)]
    answers = [[204, null]]
    const wrapper = await mountForm(counted)
    ;(find('manual-value-clear') as HTMLButtonElement).click()
    await flushPromises()
    expect(find('manual-value-clear-confirm-dialog')?.textContent).toContain('將清除民國 105 年度「b2-1 民眾滿意度」的填報值（80.0%）')
    ;(find('manual-value-clear-confirm-cancel') as HTMLButtonElement).click()
    await flushPromises()
    expect(sent()).toEqual([])
    ;(find('manual-value-clear') as HTMLButtonElement).click()
    await flushPromises()
    ;(find('manual-value-clear-confirm') as HTMLButtonElement).click()
    await flushPromises()
    expect(sent()).toEqual([{ method: 'DELETE', path: '/api/values/b2-1/105?version=4', body: undefined }])
    expect(find('manual-value-current')?.textContent).toContain('本年度尚未填報')
    expect(find('manual-value-clear')).toBeNull()
    expect(wrapper.emitted('changed')).toHaveLength(1)
  })
})
