// The statistics page against a fake API: the plan years as the default range, earlier
// years in the selects, the range in the address and the downloads, the empty and error
// states.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { i18n } from '../i18n'
import type { Statistics } from '../api/statisticsTypes'
import { fakeFetch } from '../test/fakeApi'
import { mountWithRouter } from '../test/mountWithRouter'
import StatisticsPage from './StatisticsPage.vue'

const requests: string[] = []
let withMetrics = true
let failWith: { status: number; body: unknown } | null = null

function answer(from: number, to: number): Statistics {
  const years = Array.from({ length: to - from + 1 }, (_, index) => from + index)
  return {
    from,
    to,
    years,
    sections: withMetrics
      ? [
          {
            id: 'documents',
            name: '文檔科',
            metrics: [
              {
                id: 'documents_received_paper',
                name: '紙本收文件數',
                unit: '件',
                decimals: 0,
                values: Object.fromEntries(years.map((year) => [String(year), year === 104 ? 1234 : null])),
                span: 470432,
              },
            ],
          },
        ]
      : [],
  }
}

beforeEach(() => {
  requests.length = 0
  withMetrics = true
  failWith = null
  i18n.global.locale.value = 'zh-TW'
  fakeFetch(({ path }) => {
    requests.push(path)
    if (path === '/api/years') return [200, [104, 105, 106, 107].map((year) => ({ year, locked: false, locked_at: null, locked_by: null }))]
    if (path.startsWith('/api/statistics')) {
      if (failWith) return [failWith.status, failWith.body]
      const query = new URL(path, 'http://x').searchParams
      return [200, answer(Number(query.get('from') ?? 104), Number(query.get('to') ?? 107))]
    }
    return [404, {}]
  })
})
afterEach(() => vi.unstubAllGlobals())

async function mountPage(query = {}) {
  return mountWithRouter(StatisticsPage, { at: { path: '/statistics', query }, routes: [{ path: '/statistics', component: StatisticsPage }] })
}

describe('StatisticsPage', () => {
  it('shows the plan years by default, offers earlier years and downloads the same range', async () => {
    const { wrapper, router } = await mountPage()
    expect(requests).toContain('/api/statistics?from=104&to=107')
    expect(router.currentRoute.value.query).toMatchObject({ from: '104', to: '107' })
    const options = wrapper.findAll('select#statistics-from option').map((option) => option.attributes('value'))
    expect(options[0]).toBe('96')
    expect(options.at(-1)).toBe('107')
    expect(wrapper.get('[data-test="statistics-caption"]').text()).toBe('民國 104 至 107 年')
    expect(wrapper.get('[data-test="statistics-section-documents"] h2').text()).toBe('文檔科')
    expect(wrapper.get('[data-test="value-104"]').text()).toBe('1,234')
    expect(wrapper.get('[data-test="value-span"]').text()).toBe('470,432')
    expect(wrapper.get('[data-test="download-statistics-csv"]').attributes('href')).toBe(
      '/api/reports/statistics?from=104&to=107&format=csv',
    )
    expect(wrapper.get('[data-test="download-statistics-xlsx"]').attributes('href')).toBe(
      '/api/reports/statistics?from=104&to=107&format=xlsx',
    )
    expect(wrapper.get('[data-test="preset-plan"]').attributes('aria-pressed')).toBe('true')
  })

  it('asks again when a year or a quick choice is picked, keeping the range in order', async () => {
    const { wrapper, router } = await mountPage()
    await wrapper.get('select#statistics-from').setValue('100')
    await flushPromises()
    expect(requests.at(-1)).toBe('/api/statistics?from=100&to=107')
    expect(router.currentRoute.value.query).toMatchObject({ from: '100', to: '107' })
    expect(wrapper.findAll('[data-test="year-column"]')).toHaveLength(8)

    await wrapper.get('select#statistics-to').setValue('98')
    await flushPromises()
    expect(requests.at(-1)).toBe('/api/statistics?from=98&to=98')

    await wrapper.get('[data-test="preset-105"]').trigger('click')
    await flushPromises()
    expect(requests.at(-1)).toBe('/api/statistics?from=105&to=105')
    expect(wrapper.find('[data-test="span-column"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="statistics-caption"]').text()).toBe('民國 105 年')
  })

  it('takes the range from the address', async () => {
    const { wrapper } = await mountPage({ from: '100', to: '103' })
    expect(requests.filter((path) => path.startsWith('/api/statistics'))).toEqual(['/api/statistics?from=100&to=103'])
    expect(wrapper.get('[data-test="span-column"]').text()).toBe('期間 100–103')
    expect((wrapper.get('select#statistics-from').element as HTMLSelectElement).value).toBe('100')
  })

  it('says so when no metric belongs to a section', async () => {
    withMetrics = false
    const { wrapper } = await mountPage()
    expect(wrapper.find('[data-test="statistics-empty"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="report-downloads"]').exists()).toBe(false)
  })

  it('shows the server refusal with a retry', async () => {
    failWith = { status: 422, body: { title: 'Unprocessable', detail: 'from is after to', errors: [] } }
    const { wrapper } = await mountPage()
    expect(wrapper.get('[data-test="statistics-error"]').text()).toContain('from is after to')
    failWith = null
    await wrapper.get('[data-test="statistics-error"] button').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test="statistics-error"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="statistics-section-documents"]').exists()).toBe(true)
  })
})
