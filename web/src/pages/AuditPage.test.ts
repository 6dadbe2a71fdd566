// The audit page against a fake API: translated actions, paging backwards with `before`,
// the ROC date range checked before asking, a record's change field by field.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { i18n } from '../i18n'
import { session } from '../lib/session'
import type { AuditEntry, Permissions } from '../api/types'
import { fakeFetch } from '../test/fakeApi'
import { mountWithRouter } from '../test/mountWithRouter'
import AuditPage from './AuditPage.vue'

const planner: Permissions = {
  edit_plan: true,
  manage_users: false,
  read_audit: true,
  lock_year: true,
  unlock_year: false,
  comment: true,
  write_registers: [],
  report_indicators: [],
}

function entry(id: number, action: string, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at: '2016-06-01T02:00:00Z',
    user_id: 3,
    username: 'ed',
    display_name: '王小明',
    action,
    object_type: 'record',
    object_id: `records_trainings/${id}`,
    object_name: `文書及檔案管理研習：研習 ${id}`,
    before: null,
    after: null,
    reason: '',
    ...extra,
  }
}

const requests: string[] = []
let entries: AuditEntry[] = []

beforeEach(() => {
  requests.length = 0
  session.user = { id: 2, username: 'planner1', display_name: 'planner1', role: 'planner', section_id: null, active: true, version: 1, created_at: '', password_changed_at: '', must_change_password: false }
  session.permissions = planner
  i18n.global.locale.value = 'zh-TW'
  fakeFetch(({ path }) => {
    requests.push(path)
    if (path.startsWith('/api/audit')) {
      const query = new URL(path, 'http://x').searchParams
      const before = Number(query.get('before') ?? 0)
      const limit = Number(query.get('limit'))
      return [200, { entries: entries.filter((item) => !before || item.id < before).slice(0, limit) }]
    }
    if (path === '/api/registers')
      return [200, [{ id: 'records_trainings', fields: [{ id: 'held_on', name: '日期', type: 'date' }, { id: 'participants', name: '參加人數', type: 'integer' }] }]]
    return [200, []]
  })
})
afterEach(() => vi.unstubAllGlobals())

async function mountPage(query = {}) {
  const { wrapper } = await mountWithRouter(AuditPage, { at: { path: '/audit', query } })
  return wrapper
}

describe('AuditPage', () => {
  it('labels the actions, shows ROC times, and pages backwards from the last id shown', async () => {
    entries = Array.from({ length: 60 }, (_, index) => entry(60 - index, index % 2 ? 'record.update' : 'login'))
    const wrapper = await mountPage()
    const rows = wrapper.findAll('[data-test="audit-row"]')
    expect(rows).toHaveLength(50)
    expect(rows[0].text()).toContain('登入')
    expect(rows[1].text()).toContain('修改資料')
    expect(rows[0].text()).toContain('105/06/01 10:00')
    expect(requests.find((path) => path.startsWith('/api/audit'))).toBe('/api/audit?limit=51')
    await wrapper.find('[data-test="audit-older"]').trigger('click')
    await flushPromises()
    expect(requests.at(-1)).toBe('/api/audit?before=11&limit=51')
    expect(wrapper.findAll('[data-test="audit-row"]')).toHaveLength(10)
    expect(wrapper.find('[data-test="audit-older"]').attributes('disabled')).toBeDefined()
    await wrapper.find('[data-test="audit-newer"]').trigger('click')
    await flushPromises()
    expect(requests.at(-1)).toBe('/api/audit?limit=51')
  })

  it('names people and things as people call them, with the ids on hover', async () => {
    entries = [
      entry(3, 'record.delete'),
      entry(2, 'value.set', { object_type: 'value', object_id: 'b1-1/105', object_name: '每年辦理研習' }),
      entry(1, 'year.lock', { user_id: 0, username: '', display_name: null, object_type: 'year', object_id: '105', object_name: null }),
    ]
    const wrapper = await mountPage()
    const users = wrapper.findAll('[data-test="audit-entry-user"]')
    const objects = wrapper.findAll('[data-test="audit-entry-object"]')
    expect(users[0].text()).toBe('王小明')
    expect(users[0].attributes('title')).toBe('ed #3')
    expect(objects[0].text()).toBe('文書及檔案管理研習：研習 3')
    expect(objects[0].attributes('title')).toBe('records_trainings/3')
    expect(objects[1].text()).toBe('每年辦理研習（105 年度）')
    expect(users[2].text()).toBe('系統')
    expect(objects[2].text()).toBe('105')
  })

  it('sends the filters from the address, with the ROC dates as the start and end of Taiwan days', async () => {
    entries = []
    const wrapper = await mountPage({ object_type: 'record', user_id: '3', from: '105/06/01', to: '105/06/30' })
    expect(requests.find((path) => path.startsWith('/api/audit'))).toBe(
      '/api/audit?object_type=record&user_id=3&from=2016-05-31T16%3A00%3A00Z&to=2016-06-30T16%3A00%3A00Z&limit=51',
    )
    expect(wrapper.find('[data-test="audit-empty"]').exists()).toBe(true)
    // A planner may not list accounts: the user filter is an id field.
    expect(wrapper.find('input#audit-user').attributes('inputmode')).toBe('numeric')
  })

  it('refuses a date that does not exist without asking the server', async () => {
    entries = []
    const wrapper = await mountPage()
    const asked = requests.length
    await wrapper.find('input#audit-from').setValue('105/02/30')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(requests.length).toBe(asked)
    await vi.waitFor(() => expect(wrapper.find('.el-form-item__error').text()).toContain('民國日期'))
  })

  it('shows a record\'s change field by field with ROC dates', async () => {
    entries = [
      entry(7, 'record.update', {
        before: { id: 7, version: 1, values: { held_on: '2016-06-01', participants: 500 } },
        after: { id: 7, version: 2, values: { held_on: '2016-06-01', participants: 400 } },
      }),
    ]
    const wrapper = await mountPage()
    await wrapper.find('[data-test="audit-toggle"]').trigger('click')
    const rows = wrapper.findAll('[data-test="audit-diff"] tbody tr')
    expect(rows.map((row) => row.findAll('th, td').map((cell) => cell.text()))).toEqual([
      ['日期', '105/06/01', '105/06/01'],
      ['參加人數 已變更', '500', '400'],
    ])
    expect(wrapper.find('[data-test="audit-toggle"]').attributes('aria-expanded')).toBe('true')
  })
})
