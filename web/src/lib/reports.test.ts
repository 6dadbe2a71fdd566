import { describe, expect, it } from 'vitest'
import { annualReportUrl, evaluationDataUrl, evaluationDownloads, planDownloads, registerDataUrl } from './reports'

describe('report links', () => {
  it('names the year and format of an annual report', () => {
    expect(annualReportUrl(105, 'odt')).toBe('/api/reports/annual/105?format=odt')
  })

  it('encodes register ids and adds the year only when given', () => {
    expect(registerDataUrl('records_trainings', 'csv')).toBe(
      '/api/reports/registers/records_trainings?format=csv',
    )
    expect(registerDataUrl('a/b', 'json', 104)).toBe('/api/reports/registers/a%2Fb?format=json&year=104')
  })

  it("asks for every year's evaluation data, or one year's", () => {
    expect(evaluationDataUrl('json')).toBe('/api/reports/evaluation?format=json')
    expect(evaluationDataUrl('csv', 105)).toBe('/api/reports/evaluation?format=csv&year=105')
  })

  it('offers the report, workbook and open data of a year', () => {
    const links = evaluationDownloads(106)
    expect(links.map((link) => `${link.key}:${link.format}`)).toEqual([
      'annual:pdf',
      'annual:odt',
      'workbook:xlsx',
      'workbook:ods',
      'evaluationData:csv',
      'evaluationData:json',
    ])
    expect(links[0].href).toContain('/annual/106')
    expect(planDownloads()[0].href).toBe('/api/reports/plan?format=pdf')
  })
})
