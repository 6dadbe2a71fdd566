import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { StatisticsSection } from '../../api/statisticsTypes'
import { i18n } from '../../i18n'
import StatisticsTable from './StatisticsTable.vue'

const section: StatisticsSection = {
  id: 'documents',
  name: '文檔科',
  metrics: [
    {
      id: 'documents_received_paper',
      name: '紙本收文件數',
      unit: '件',
      decimals: 0,
      values: { '100': null, '101': 118204, '102': 120011, '103': null },
      span: 470432,
    },
    {
      id: 'documents_online_rate',
      name: '線上簽核比率',
      unit: '%',
      decimals: 1,
      values: { '100': 12.345, '101': 20, '102': null, '103': 35.06 },
      span: null,
    },
  ],
}

function render(years = [100, 101, 102, 103], from = 100, to = 103) {
  return mount(StatisticsTable, { props: { section, years, from, to }, global: { plugins: [i18n] } })
}

afterEach(() => {
  i18n.global.locale.value = 'zh-TW'
})

describe('StatisticsTable', () => {
  it('heads the table with the section and a column per year and the period', () => {
    const wrapper = render()
    expect(wrapper.get('h2').text()).toBe('文檔科')
    expect(wrapper.findAll('thead th').map((cell) => cell.text())).toEqual([
      '項目',
      '單位',
      '100 年',
      '101 年',
      '102 年',
      '103 年',
      '期間 100–103',
    ])
  })

  it('prints figures with separators and decimals, and a dash where there is no data', () => {
    const wrapper = render()
    const paper = wrapper.get('[data-test="metric-row-documents_received_paper"]')
    expect(paper.findAll('th, td').map((cell) => cell.text())).toEqual([
      '紙本收文件數',
      '件',
      '—',
      '118,204',
      '120,011',
      '—',
      '470,432',
    ])
    expect(paper.get('[data-test="value-100"]').attributes('title')).toBe('無資料')
    const rate = wrapper.get('[data-test="metric-row-documents_online_rate"]')
    expect(rate.get('[data-test="value-100"]').text()).toBe('12.3')
    expect(rate.get('[data-test="value-101"]').text()).toBe('20.0')
    expect(rate.get('[data-test="value-span"]').text()).toBe('—')
  })

  it('leaves out the period column for a single year', () => {
    const wrapper = render([102], 102, 102)
    expect(wrapper.find('[data-test="span-column"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="metric-row-documents_received_paper"]').findAll('td').map((cell) => cell.text())).toEqual([
      '件',
      '120,011',
    ])
  })

  it('speaks English too', () => {
    i18n.global.locale.value = 'en'
    const wrapper = render()
    expect(wrapper.get('[data-test="span-column"]').text()).toBe('Period 100–103')
    expect(wrapper.findAll('[data-test="year-column"]')[0].text()).toBe('ROC 100')
  })
})
