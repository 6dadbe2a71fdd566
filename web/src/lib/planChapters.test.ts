import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PlanChapter } from './planDoc'
import { fakeFetch } from '../test/fakeApi'
import { chaptersToRead, fetchRenderedChapters, generatedKinds, planContents, sameOutline, splitReferences } from './planChapters'

function chapter(heading: string, text: string, children: PlanChapter[] = [], generated: PlanChapter['generated'] = ''): PlanChapter {
  return { heading, text, generated, children }
}

const raw = [
  chapter('壹、前言', '收文 {{documents_received_paper 100-103 | 萬}} 件', [chapter('一、現況', '{{x 103}}')]),
  chapter('貳、目標', '', [], 'goals'),
]
const rendered = [
  chapter('壹、前言', '收文 47 萬 0,432 件', [chapter('一、現況', '12')]),
  chapter('貳、目標', '', [], 'goals'),
]

afterEach(() => vi.unstubAllGlobals())

describe('plan chapters', () => {
  it('reads the rendered chapters, and the raw ones while editing', () => {
    expect(chaptersToRead(raw, rendered, false)[0].text).toBe('收文 47 萬 0,432 件')
    expect(chaptersToRead(raw, rendered, false)[0].children[0].text).toBe('12')
    expect(chaptersToRead(raw, rendered, true)).toBe(raw)
    expect(chaptersToRead(raw, null, false)).toBe(raw)
  })

  it('falls back to the raw chapters when the rendered ones do not fit the plan', () => {
    expect(sameOutline(raw, rendered)).toBe(true)
    expect(chaptersToRead(raw, rendered.slice(0, 1), false)).toBe(raw)
    const otherKind = [rendered[0], chapter('貳、目標', '', [], 'budget_table')]
    expect(sameOutline(raw, otherKind)).toBe(false)
    const lostChild = [chapter('壹、前言', 'x'), rendered[1]]
    expect(chaptersToRead(raw, lostChild, false)).toBe(raw)
  })

  it('fills in what the rendered answer leaves out', () => {
    const sparse = [{ heading: '壹、前言', text: 'a', children: [{ heading: '一、現況' }] }, { heading: '貳、目標', generated: 'goals' }]
    const shown = chaptersToRead(raw, sparse as unknown as PlanChapter[], false)
    expect(shown[0].children[0]).toEqual({ heading: '一、現況', generated: '', text: '', children: [] })
    expect(shown[1].children).toEqual([])
  })

  it('fetches the rendered chapters, and gives null when it cannot', async () => {
    fakeFetch(() => [200, { chapters: rendered }])
    expect(await fetchRenderedChapters()).toEqual(rendered)
    fakeFetch(() => [500, {}])
    expect(await fetchRenderedChapters()).toBeNull()
    fakeFetch(() => [200, { other: 1 }])
    expect(await fetchRenderedChapters()).toBeNull()
  })

  it('lists the generated parts', () => {
    expect([...generatedKinds([chapter('a', '', [chapter('b', '', [], 'indicator_table')], 'goals')])]).toEqual([
      'goals',
      'indicator_table',
    ])
  })

  it('lists the contents, with the tables no chapter places', () => {
    const labels = { indicators: '衡量指標', budget: '經費總需求表', sections: '單位與職掌' }
    expect(planContents(raw, generatedKinds(raw), labels).map((item) => `${item.anchor}:${item.label}`)).toEqual([
      'ch-0:壹、前言',
      'ch-1:貳、目標',
      'pl-indicators:衡量指標',
      'pl-budget:經費總需求表',
      'pl-sections:單位與職掌',
    ])
    expect(planContents([], new Set(['indicator_table', 'budget_table']), labels).map((item) => item.anchor)).toEqual(['pl-sections'])
  })

  it('marks the {{…}} references in raw text', () => {
    expect(splitReferences('共 {{a 103}} 件，{{b 100-103 | 萬}}')).toEqual([
      { text: '共 ', reference: false },
      { text: '{{a 103}}', reference: true },
      { text: ' 件，', reference: false },
      { text: '{{b 100-103 | 萬}}', reference: true },
    ])
    expect(splitReferences('no references')).toEqual([{ text: 'no references', reference: false }])
    expect(splitReferences('')).toEqual([])
  })
})
