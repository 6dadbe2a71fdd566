// The CSV and XLSX import against a fake server: a dry run first, its problems by row, line and
// column or the number it would import, and only an explicit confirmation imports.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '../../i18n'
import ImportDialog from './ImportDialog.vue'
import { trainingsRegister } from '../../test/sampleRegisters'

const register = trainingsRegister

const sent: { method: string; url: string; headers: Record<string, string>; body: unknown }[] = []
let answers: [number, unknown][]

class FakeXhr {
  status = 0
  statusText = ''
  responseText = ''
  withCredentials = false
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  private request = { method: '', url: '', headers: {} as Record<string, string> }
  open(method: string, url: string) {
    this.request.method = method
    this.request.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.request.headers[name] = value
  }
  send(body: unknown) {
    sent.push({ ...this.request, body })
    const [status, answer] = answers.shift() ?? [500, {}]
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 10, total: 10 } as ProgressEvent)
      this.status = status
      this.responseText = JSON.stringify(answer)
      this.onload?.()
    }, 0)
  }
}

beforeEach(() => {
  sent.length = 0
  answers = []
  i18n.global.locale.value = 'zh-TW'
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function choose(wrapper: ReturnType<typeof mount>, content: string | Uint8Array, name = 'records.csv') {
  const input = document.querySelector('[data-test="import-file"]') as HTMLInputElement
  // jsdom's File has no arrayBuffer(): a stand-in with just what the dialog reads.
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  const file = { name, arrayBuffer: async () => bytes }
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return wrapper
}

function dialog() {
  return mount(ImportDialog, {
    props: {
      modelValue: true,
      register,
      sections: [],
      years: [
        { year: 104, locked: true, locked_at: '2026-01-05T02:00:00Z', locked_by: 1 },
        { year: 105, locked: false, locked_at: null, locked_by: null },
      ],
    },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
}
const confirmButton = () => document.querySelector('[data-test="import-confirm"]') as HTMLButtonElement

describe('the CSV and XLSX import', () => {
  it('checks the file first and imports only when confirmed', async () => {
    const wrapper = dialog()
    await flushPromises()
    answers.push([200, { imported: 0, would_import: 2, dry_run: true }])
    await choose(wrapper, '日期,研習名稱\n104/03/15,a\n104/03/16,b\n')
    expect(sent[0].url).toBe('/api/registers/records_trainings/import?dry_run=true')
    expect(sent[0].headers['Content-Type']).toContain('text/csv')
    expect(sent[0].body).toBe('日期,研習名稱\n104/03/15,a\n104/03/16,b\n')
    expect(document.querySelector('[data-test="import-preview"]')?.textContent).toContain('將匯入 2 筆')
    expect(confirmButton().disabled).toBe(false)
    answers.push([201, { imported: 2 }])
    confirmButton().click()
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(sent[1].url).toBe('/api/registers/records_trainings/import')
    expect(wrapper.emitted('imported')?.[0]).toEqual([2, false])
  })

  it('replaces an open year when asked, saying how many records go', async () => {
    const wrapper = dialog()
    await flushPromises()
    const years = [...document.querySelectorAll('[data-test="import-mode"] option')].map((option) => option.textContent)
    expect(years).toEqual(['新增到登錄簿（已有的資料列會被拒絕，不會重複計算）', '取代民國 105 年的全部資料'])
    const mode = document.querySelector('[data-test="import-mode"]') as HTMLSelectElement
    mode.value = mode.options[1].value
    mode.dispatchEvent(new Event('change'))
    await flushPromises()
    answers.push([200, { imported: 0, would_import: 3, would_replace: 2, dry_run: true }])
    await choose(wrapper, '日期,研習名稱\n105/03/15,a\n105/03/16,b\n105/03/17,c\n')
    expect(sent[0].url).toBe('/api/registers/records_trainings/import?dry_run=true&replace=105')
    expect(document.querySelector('[data-test="import-preview"]')?.textContent).toContain('將刪除民國 105 年現有的 2 筆資料，改為匯入這個檔案的 3 筆')
    answers.push([201, { imported: 3, replaced: 2 }])
    confirmButton().click()
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(sent[1].url).toBe('/api/registers/records_trainings/import?replace=105')
  })

  it('lists every problem by row, line and column and offers no confirmation', async () => {
    const wrapper = dialog()
    await flushPromises()
    answers.push([
      422,
      {
        title: 'Invalid input',
        detail: 'the file was not imported',
        errors: [
          {
            path: 'row 2 (line 3), column 日期',
            message: '"104/02/30" is not a date (expected e.g. 2015-03-15, 104/03/15 or 民國104年3月15日)',
            code: 'not_a_date',
            params: { text: '104/02/30', row: '2', line: '3', column: '日期', cell: '104/02/30' },
          },
          {
            path: 'row 3 (line 4)',
            message: 'the record belongs to year 104, which is locked',
            code: 'locked_year',
            params: { year: '104', row: '3', line: '4', column: '', cell: '' },
          },
        ],
      },
    ])
    await choose(wrapper, '日期,研習名稱\n104/03/15,a\n104/02/30,b\n104/03/17,c\n')
    const rows = [...document.querySelectorAll('[data-test="import-error"]')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim()),
    )
    expect(rows).toEqual([
      ['2', '3', '日期', '「104/02/30」不是日期（例如 104/03/15、民國104年3月15日 或 2015-03-15）'],
      ['3', '4', '', '這筆資料屬於民國 104 年，該年度已鎖定'],
    ])
    expect(confirmButton().disabled).toBe(true)
    expect(sent).toHaveLength(1)
  })

  it('sends a file that is not UTF-8 as bytes, for the server to read as Big5', async () => {
    const wrapper = dialog()
    await flushPromises()
    answers.push([200, { imported: 0, would_import: 1, dry_run: true }])
    await choose(wrapper, new Uint8Array([0xa4, 0xe9, 0xb4, 0xc1, 0x0a]))
    expect(sent).toHaveLength(1)
    expect(sent[0].url).toBe('/api/registers/records_trainings/import?dry_run=true')
    expect(sent[0].headers['Content-Type']).toBe('text/csv')
    expect(sent[0].body).toBeInstanceOf(Blob)
    expect(document.querySelector('[data-test="import-preview"]')?.textContent).toContain('將匯入 1 筆')
  })

  it('sends an XLSX workbook as bytes with its format', async () => {
    const wrapper = dialog()
    await flushPromises()
    answers.push([200, { imported: 0, would_import: 3, dry_run: true }])
    await choose(wrapper, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'records.xlsx')
    expect(sent[0].url).toBe('/api/registers/records_trainings/import?dry_run=true&format=xlsx')
    expect(sent[0].headers['Content-Type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(sent[0].body).toBeInstanceOf(Blob)
    answers.push([201, { imported: 3 }])
    confirmButton().click()
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(sent[1].url).toBe('/api/registers/records_trainings/import?format=xlsx')
    expect(wrapper.emitted('imported')?.[0]).toEqual([3, false])
  })

  it('refuses an empty file without sending it', async () => {
    const wrapper = dialog()
    await flushPromises()
    await choose(wrapper, '  \n')
    expect(sent).toHaveLength(0)
    expect(document.body.textContent).toContain('這個檔案是空的')
  })
})
