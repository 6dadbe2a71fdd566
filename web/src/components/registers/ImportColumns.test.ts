// The import template is the server's file (GET /api/reports/registers/{id}/template),
// saved under the server's name; a refusal is shown beside the button.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '../../i18n'
import {
  captureDownloads,
  fakeFetch,
  fileResponse,
  releaseDownloads,
  type FakeAnswer,
  type FakeRequest,
  type SavedFile,
} from '../../test/fakeApi'
import ImportColumns from './ImportColumns.vue'
import { trainingsRegister } from '../../test/sampleRegisters'

const register = trainingsRegister

let answer: () => FakeAnswer
let requests: FakeRequest[]
let saved: SavedFile[]

beforeEach(() => {
  i18n.global.locale.value = 'zh-TW'
  answer = () => [200, fileResponse('\uFEFF日期,研習名稱\r\n', 'register-records_trainings-template.csv')]
  requests = fakeFetch(() => answer())
  saved = captureDownloads()
})
afterEach(() => {
  releaseDownloads()
  vi.unstubAllGlobals()
})

async function download() {
  const wrapper = mount(ImportColumns, { props: { register, sections: [] }, global: { plugins: [i18n] } })
  await wrapper.get('[data-test="import-template"]').trigger('click')
  await flushPromises()
  await flushPromises()
  return wrapper
}

describe('the import template', () => {
  it("downloads the server's template under the server's name", async () => {
    const wrapper = await download()
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/reports/registers/records_trainings/template',
    ])
    expect(saved.map((file) => file.fileName)).toEqual(['register-records_trainings-template.csv'])
    expect(wrapper.find('[data-test="import-template-error"]').exists()).toBe(false)
  })

  it("shows the server's refusal and saves nothing", async () => {
    answer = () => [404, { title: 'Not Found', detail: '沒有這本登錄簿', errors: [] }]
    const wrapper = await download()
    expect(wrapper.get('[data-test="import-template-error"]').text()).toBe('範本下載失敗：沒有這本登錄簿')
    expect(saved).toEqual([])
  })
})
