// The plan's sections and years are asked for once while fresh, again once stale, after a
// change the app made, and after a failure.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_AGE_MS, fetchPlan, fetchSections, fetchYears, forgetAll, forgetPlan, forgetYears } from './usePlanData'
import { fakeFetch } from '../test/fakeApi'

const requests: string[] = []
let failing = false

beforeEach(() => {
  forgetAll()
  requests.length = 0
  failing = false
  fakeFetch(({ path }) => {
    requests.push(path)
    return failing ? [503, { title: 'Unavailable' }] : [200, [{ path }]]
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('usePlanData', () => {
  it('shares one request among pages asking at the same time and after', async () => {
    const [first, second] = await Promise.all([fetchSections(), fetchSections()])
    await fetchSections()
    expect(first).toEqual(second)
    expect(requests).toEqual(['/api/sections'])
  })

  it('asks again once the answer is stale', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    await fetchYears()
    vi.setSystemTime(Date.now() + MAX_AGE_MS + 1)
    await fetchYears()
    expect(requests).toEqual(['/api/years', '/api/years'])
  })

  it('forgets the years after a lock and everything of the plan after a save', async () => {
    await Promise.all([fetchYears(), fetchSections()])
    forgetYears()
    await Promise.all([fetchYears(), fetchSections()])
    expect(requests).toEqual(['/api/years', '/api/sections', '/api/years'])
    forgetPlan()
    await Promise.all([fetchYears(), fetchSections()])
    expect(requests.slice(3)).toEqual(['/api/years', '/api/sections'])
  })

  it('asks afresh when told to, and shares that answer', async () => {
    await fetchPlan()
    await fetchPlan(true)
    await fetchPlan()
    expect(requests).toEqual(['/api/plan', '/api/plan'])
  })

  it('does not keep a failure', async () => {
    failing = true
    await expect(fetchSections()).rejects.toThrow('Unavailable')
    failing = false
    await expect(fetchSections()).resolves.toEqual([{ path: '/api/sections' }])
    expect(requests).toEqual(['/api/sections', '/api/sections'])
  })
})
