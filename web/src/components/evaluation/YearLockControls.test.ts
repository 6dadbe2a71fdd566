// Locking a year against a fake API: it asks first, saying what the lock freezes and who
// can undo it; nothing is sent until confirmed, and nothing when cancelled.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '../../i18n'
import { fakeFetch } from '../../test/fakeApi'
import YearLockControls from './YearLockControls.vue'

let answer: [number, unknown]
const posts: string[] = []

beforeEach(() => {
  posts.length = 0
  i18n.global.locale.value = 'zh-TW'
  fakeFetch(({ path }) => {
    posts.push(path)
    return answer
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function mountControls() {
  const wrapper = mount(YearLockControls, {
    props: { year: 105, locked: false, canLock: true, canUnlock: false },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}

const click = async (test: string) => {
  ;(document.querySelector(`[data-test="${test}"]`) as HTMLButtonElement).click()
  await flushPromises()
}

describe('YearLockControls', () => {
  it('asks before locking and sends nothing when cancelled', async () => {
    const wrapper = await mountControls()
    await click('lock-year')
    const text = document.querySelector('[data-test="lock-confirm-dialog"]')?.textContent ?? ''
    expect(text).toContain('鎖定民國 105 年度')
    expect(text).toContain('都不能再變更，直到系統管理者說明原因解除鎖定')
    await click('lock-confirm-cancel')
    expect(posts).toEqual([])
    expect(wrapper.emitted('outcome')).toBeUndefined()
  })

  it('locks once confirmed and reports the new locks', async () => {
    const locks = [{ year: 105, locked: true, locked_at: '2017-01-05T02:00:00Z', locked_by: 2 }]
    answer = [200, locks]
    const wrapper = await mountControls()
    await click('lock-year')
    expect(posts).toEqual([])
    await click('lock-confirm')
    expect(posts).toEqual(['/api/years/105/lock'])
    expect(wrapper.emitted('outcome')).toEqual([[{ locks, message: '民國 105 年度已鎖定', failure: '', errors: [] }]])
  })

  it('names the indicators a lock was refused for', async () => {
    const errors = [{ path: 'b1-1', message: 'not second_reviewed' }]
    answer = [409, { title: 'Conflict', detail: 'not every review is done', errors }]
    const wrapper = await mountControls()
    await click('lock-year')
    await click('lock-confirm')
    expect(wrapper.emitted('outcome')).toEqual([
      [{ locks: null, message: '', failure: '還有 1 項指標尚未複核，無法鎖定民國 105 年度：', errors }],
    ])
  })
})
