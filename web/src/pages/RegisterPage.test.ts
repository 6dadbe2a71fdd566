// One register's page against a fake API, for what it wires together: the year from the
// address and back into it, the records asked for with the year, sort and page, and what a
// writer may do in an open or a locked year.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { i18n } from '../i18n'
import { session } from '../lib/session'
import { forgetAll } from '../composables/usePlanData'
import type { StoredRecord } from '../api/types'
import { fakeFetch, type FakeRequest } from '../test/fakeApi'
import { mountRoute } from '../test/mountWithRouter'
import RegisterPage from './RegisterPage.vue'
import { volunteersRegister } from '../test/sampleRegisters'

const register = volunteersRegister
const record = (id: number, name: string): StoredRecord => ({ id, version: 1, values: { name, joined: '2016-03-15' } })

let requests: FakeRequest[]

beforeEach(() => {
  forgetAll()
  i18n.global.locale.value = 'zh-TW'
  session.permissions = {
    edit_plan: false,
    manage_users: false,
    read_audit: false,
    lock_year: false,
    unlock_year: false,
    comment: false,
    write_registers: ['volunteers'],
    report_indicators: [],
  }
  requests = fakeFetch(({ path }) => {
    if (path === '/api/registers/volunteers') return [200, register]
    if (path === '/api/sections') return [200, [{ id: 'documents', name: '文檔科', duties: '' }]]
    if (path === '/api/years')
      return [200, [{ year: 104, locked: true, locked_at: '2016-01-05T02:00:00Z', locked_by: 1 }, { year: 105, locked: false, locked_at: null, locked_by: null }]]
    if (path.startsWith('/api/registers/volunteers/records')) {
      const year = new URL(path, 'http://x').searchParams.get('year')
      const records = year ? [record(2, '王小明')] : [record(1, '林大同'), record(2, '王小明'), record(3, '陳美玲')]
      return [200, { total: records.length, offset: 0, limit: 50, records }]
    }
    return [404, {}]
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  session.permissions = null
  document.body.innerHTML = ''
})

const recordRequests = () => requests.map((request) => request.path).filter((path) => path.startsWith('/api/registers/volunteers/records'))

// The dialogs have their own tests; mounted here in jsdom, Element Plus's dialogs fail
// to patch when the page updates around them.
const stubs = { RecordFormDialog: true, DeleteRecordDialog: true, ImportDialog: true, ExportDialog: true }

async function mountPage(address: string) {
  return mountRoute(address, [{ path: '/registers/:id', component: RegisterPage, props: true }], { stubs })
}

describe('RegisterPage', () => {
  it('shows the year the address names, of all the records', async () => {
    const { wrapper } = await mountPage('/registers/volunteers?year=105')
    expect(recordRequests()).toEqual(['/api/registers/volunteers/records?year=105&offset=0&limit=50'])
    expect((wrapper.get('[data-test="record-year"]').element as HTMLSelectElement).value).toBe('105')
    expect(wrapper.get('[data-test="record-total"]').text()).toBe('符合條件 1 筆（全部 3 筆）')
    expect(wrapper.find('[data-test="add-record"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="year-locked-notice"]').exists()).toBe(false)
  })

  it('keeps another year in the address and asks for its records from the first page', async () => {
    const { wrapper, router } = await mountPage('/registers/volunteers')
    expect(wrapper.get('[data-test="record-total"]').text()).toBe('共 3 筆')
    await wrapper.get('[data-test="record-year"]').setValue('105')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ year: '105' })
    expect(recordRequests().at(-1)).toBe('/api/registers/volunteers/records?year=105&offset=0&limit=50')
    await wrapper.get('[data-test="record-year"]').setValue('')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({})
    expect(recordRequests().at(-1)).toBe('/api/registers/volunteers/records?offset=0&limit=50')
  })

  it('offers no change in a locked year, and says why', async () => {
    const { wrapper } = await mountPage('/registers/volunteers?year=104')
    expect(wrapper.find('[data-test="add-record"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="import-records"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="export-records"]').exists()).toBe(true)
    expect(wrapper.get('[data-test="year-locked-notice"]').text()).toContain('民國 104 年已鎖定')
  })
})
