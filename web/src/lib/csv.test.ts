import { describe, expect, it } from 'vitest'
import type { Field, RecordPage } from '../api/types'
import { BOM, csvCell, csvFileName, csvValue, formatted, neutralizeFormula, recordsCsv, templateCsv, toCsv } from './csv'
import { fetchAllRecords } from './recordsApi'

const field = (id: string, name: string, type: Field['type']): Field => ({
  id,
  name,
  type,
  required: true,
  choices: [],
  description: '',
})
const fields = [field('held_on', '日期', 'date'), field('title', '研習名稱', 'text'), field('ok', '已改善', 'yes_no'), field('n', '人數', 'integer')]

describe('CSV', () => {
  it('quotes only cells that need it', () => {
    expect(csvCell('研習')).toBe('研習')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell(' padded')).toBe('" padded"')
  })
  it('starts with a BOM and ends every line with CRLF', () => {
    expect(toCsv([['a', 'b'], ['1', '2']])).toBe(`${BOM}a,b\r\n1,2\r\n`)
    expect(toCsv([['a']], false)).toBe('a\r\n')
  })
  it('writes values the import reads back', () => {
    expect(csvValue(fields[0], '2015-03-15', 'roc')).toEqual(formatted('104/03/15'))
    expect(csvValue(fields[0], '2015-03-15', 'iso')).toEqual(formatted('2015-03-15'))
    expect(csvValue(fields[2], 1, 'roc')).toEqual(formatted('是'))
    expect(csvValue(fields[2], 0, 'roc')).toEqual(formatted('否'))
    expect(csvValue(fields[3], null, 'roc')).toBe(null)
    expect(csvValue(fields[3], -5, 'roc')).toBe(-5)
    expect(csvValue(fields[1], '-5', 'roc')).toBe('-5')
    const records = [{ id: 1, version: 1, values: { held_on: '2015-03-15', title: '文書, 檔案', ok: 1, n: 42 } }]
    expect(recordsCsv(fields, records, 'iso')).toBe(`${BOM}日期,研習名稱,已改善,人數\r\n2015-03-15,"文書, 檔案",是,42\r\n`)
    expect(templateCsv(fields)).toBe(`${BOM}日期,研習名稱,已改善,人數\r\n`)
  })
  it('writes text that a spreadsheet would run as a formula with a quote in front', () => {
    for (const text of ['=HYPERLINK("http://x","y")', "+1+cmd|' /C calc'!A0", '-2+3', '@SUM(1)', '\t=1+1', '\r=1+1']) {
      expect(neutralizeFormula(text)).toBe(`'${text}`)
    }
    // Quotes before a formula start get one more, so the import knows which one to take off.
    expect(neutralizeFormula("'=1+1")).toBe("''=1+1")
    expect(neutralizeFormula("''-1")).toBe("'''-1")
    for (const text of ['', '研習', 'a=b', ' =1', "'", "'abc", '5']) expect(neutralizeFormula(text)).toBe(text)
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('\r=1')).toBe(`"'\r=1"`)
    expect(csvCell('@a,b')).toBe(`"'@a,b"`)
    // Numbers and formatted values are not text: -5 stays a number.
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell(formatted('-5.50'))).toBe('-5.50')
  })
  it('exports records whose text starts a formula without running it, and numbers as they are', () => {
    const records = [{ id: 1, version: 1, values: { held_on: '2015-03-15', title: '=HYPERLINK("x")', ok: 0, n: -5 } }]
    expect(recordsCsv(fields, records, 'iso')).toBe(`${BOM}日期,研習名稱,已改善,人數\r\n2015-03-15,"'=HYPERLINK(""x"")",否,-5\r\n`)
    expect(templateCsv([field('a', '-備註', 'text')])).toBe(`${BOM}'-備註\r\n`)
  })
  it('names the file by register and the ROC date in Taipei', () => {
    expect(csvFileName('records_trainings', new Date('2026-11-07T03:00:00Z'))).toBe('records_trainings-1151107.csv')
    // 20:00 UTC is already the next morning in Taipei.
    expect(csvFileName('staff', new Date('2014-12-31T20:00:00Z'), 'template')).toBe('staff-template-1040101.csv')
  })
})

describe('fetching every record', () => {
  it('pages through until the total is reached', async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, version: 1, values: {} }))
    const asked: { offset?: number; limit?: number }[] = []
    const list = async (query: { offset?: number; limit?: number; year?: number }): Promise<RecordPage> => {
      asked.push({ offset: query.offset, limit: query.limit })
      const offset = query.offset ?? 0
      return { total: 5, offset, limit: query.limit ?? 50, records: all.slice(offset, offset + (query.limit ?? 50)) }
    }
    const progress: number[] = []
    const records = await fetchAllRecords(list, { year: 105 }, (loaded) => progress.push(loaded), 2)
    expect(records.map((r) => r.id)).toEqual([1, 2, 3, 4, 5])
    expect(asked).toEqual([
      { offset: 0, limit: 2 },
      { offset: 2, limit: 2 },
      { offset: 4, limit: 2 },
    ])
    expect(progress).toEqual([2, 4, 5])
  })
  it('stops when the records run out early', async () => {
    const list = async (): Promise<RecordPage> => ({ total: 10, offset: 0, limit: 2, records: [] })
    expect(await fetchAllRecords(list, {})).toEqual([])
  })
})
