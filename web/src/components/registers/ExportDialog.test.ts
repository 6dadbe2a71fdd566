// The CSV export against a fake server: the file is the server's, asked for with the
// record list's year and every filter (or nothing, for every record) and the date style
// chosen, saved under the server's name; a refusal stays in the dialog as its message.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '../../i18n'
import type { RecordQuery } from '../../lib/recordsApi'
import {
  captureDownloads,
  fakeFetch,
  fileResponse,
  releaseDownloads,
  type FakeAnswer,
  type FakeRequest,
  type SavedFile,
} from '../../test/fakeApi'
import ExportDialog from './ExportDialog.vue'
import { volunteersRegister } from '../../test/sampleRegisters'

const register = volunteersRegister

// The list's query as useRecordList builds it; the sort does not page or order the file.
const query: RecordQuery = { year: 105, sort: '-joined', filters: ['name:contains:王', 'joined:ge:105/01/01'] }
const csv = '\uFEFF姓名,加入日期\r\n王小明,105/03/15\r\n'

let answer: () => FakeAnswer
let requests: FakeRequest[]
let saved: SavedFile[]

beforeEach(() => {
  i18n.global.locale.value = 'zh-TW'
  answer = () => [200, fileResponse(csv, 'register-volunteers.csv')]
  requests = fakeFetch(() => answer())
  saved = captureDownloads()
})
afterEach(() => {
  releaseDownloads()
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const requested = () => requests.map((request) => request.path)

function dialog(filtered = true) {
  return mount(ExportDialog, {
    props: { modelValue: false, register, query, viewTotal: 1, allTotal: 3, filtered },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
}

// Opened the way the page opens it, so the dialog picks its starting scope.
async function open(filtered = true) {
  const wrapper = dialog(filtered)
  await wrapper.setProps({ modelValue: true })
  await flushPromises()
  return wrapper
}

async function choose(test: string) {
  ;(document.querySelector(`[data-test="${test}"] input`) as HTMLInputElement).click()
  await flushPromises()
}

async function start() {
  ;(document.querySelector('[data-test="export-start"]') as HTMLButtonElement).click()
  await flushPromises()
  await flushPromises()
}

describe('the CSV export', () => {
  it('asks the server for the filtered view with the year, every filter and ROC dates', async () => {
    const wrapper = await open()
    await start()
    const url = new URL(requested()[0], 'http://x')
    expect(url.pathname).toBe('/api/reports/registers/volunteers')
    expect(url.searchParams.get('format')).toBe('csv')
    expect(url.searchParams.get('year')).toBe('105')
    expect(url.searchParams.getAll('filter')).toEqual(['name:contains:王', 'joined:ge:105/01/01'])
    expect(url.searchParams.get('dates')).toBe('roc')
    expect(url.searchParams.has('sort')).toBe(false)
    expect(saved.map((file) => file.fileName)).toEqual(['register-volunteers.csv'])
    // Saved byte for byte, the BOM Excel needs included (text() would drop it).
    const bytes = Array.from(new Uint8Array(await saved[0].blob!.arrayBuffer()))
    expect(bytes).toEqual(Array.from(new TextEncoder().encode(csv)))
    expect(wrapper.emitted('exported')?.[0]).toEqual(['register-volunteers.csv'])
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([false])
  })

  it('asks for every record, without year or filters, with ISO dates when chosen', async () => {
    await open()
    await choose('export-all')
    await choose('export-iso')
    await start()
    expect(requested()).toEqual(['/api/reports/registers/volunteers?format=csv&dates=iso'])
    expect(saved).toHaveLength(1)
  })

  it('exports every record when the list is not narrowed', async () => {
    await open(false)
    expect(document.querySelector('[data-test="export-view"]')).toBeNull()
    await start()
    expect(requested()).toEqual(['/api/reports/registers/volunteers?format=csv&dates=roc'])
  })

  it("shows the server's refusal in the dialog and saves nothing", async () => {
    answer = () => [422, { title: 'Unprocessable Content', detail: '篩選條件「joined」的值不是日期', errors: [] }]
    const wrapper = await open()
    await start()
    expect(document.querySelector('[data-test="export-dialog"] [role="alert"]')?.textContent).toContain(
      '匯出失敗：篩選條件「joined」的值不是日期',
    )
    expect(saved).toEqual([])
    expect(wrapper.emitted('exported')).toBeUndefined()
  })

  it('says the server could not be reached when the request never gets an answer', async () => {
    answer = () => {
      throw new TypeError('Failed to fetch')
    }
    await open()
    await start()
    expect(document.querySelector('[data-test="export-dialog"] [role="alert"]')?.textContent).toContain('無法連線到伺服器')
  })
})
