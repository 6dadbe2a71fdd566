// The year a page shows: from the address when it is one of the page's years, else the
// latest with a value; kept in the address, and following the address when it changes.
import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import { mountWithRouter } from '../test/mountWithRouter'
import { useEvaluationYears } from './useEvaluationYears'

interface Row {
  year: number
  actual: number | null
}

const rows: Row[] = [
  { year: 104, actual: 1 },
  { year: 105, actual: 2 },
  { year: 106, actual: null },
]

async function mountYears(query: Record<string, string> = {}) {
  let shown!: ReturnType<typeof useEvaluationYears<Row>>
  const loaded = ref<Row[]>([])
  const Page = defineComponent({
    setup() {
      shown = useEvaluationYears(() => loaded.value, (row) => row.actual !== null)
      return () => h('div')
    },
  })
  const { router } = await mountWithRouter(Page, { at: { path: '/evaluation', query } })
  // The rows arrive, as from the server.
  loaded.value = rows
  shown.pickYear()
  await flushPromises()
  return { shown, router }
}

describe('useEvaluationYears', () => {
  it('starts on the latest year with a value and puts it in the address', async () => {
    const { shown, router } = await mountYears()
    expect(shown.years.value).toEqual([104, 105, 106])
    expect(shown.year.value).toBe(105)
    expect(router.currentRoute.value.query).toEqual({ year: '105' })
  })

  it('starts on the year in the address when it is one of the years', async () => {
    expect((await mountYears({ year: '106' })).shown.year.value).toBe(106)
    expect((await mountYears({ year: '99' })).shown.year.value).toBe(105)
  })

  it('keeps the chosen year in the address, with the rest of the address', async () => {
    const { shown, router } = await mountYears({ view: 'compare' })
    shown.year.value = 104
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ view: 'compare', year: '104' })
  })

  it('follows the address to another of its years, and ignores one that is not', async () => {
    const { shown, router } = await mountYears()
    await router.push({ query: { year: '104' } })
    await flushPromises()
    expect(shown.year.value).toBe(104)
    await router.push({ query: { year: '103' } })
    await flushPromises()
    expect(shown.year.value).toBe(104)
  })
})
