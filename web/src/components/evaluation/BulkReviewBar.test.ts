// The bulk review bar against a fake API: a button per step some indicator offers, with
// their count; a confirmation naming them; exactly their ids sent, and only once
// confirmed; what was taken and each refusal said after.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { i18n } from '../../i18n'
import { fakeFetch } from '../../test/fakeApi'
import { mountWithRouter } from '../../test/mountWithRouter'
import type { Review, ReviewAction, ReviewState } from '../../api/types'
import BulkReviewBar from './BulkReviewBar.vue'

function review(id: string, state: ReviewState, actions: ReviewAction[]): Review {
  return { indicator_id: id, available_actions: actions, year: 105, state, explanation: '', version: 1, updated_at: null, updated_by: null }
}

const reviews = [
  review('b1-1', 'submitted', ['first_review', 'return']),
  review('b1-2', 'submitted', ['first_review', 'return']),
  review('b2-1', 'first_reviewed', ['second_review', 'return']),
  review('b2-2', 'draft', []),
  review('x9-9', 'submitted', ['first_review']),
]
const names = new Map([
  ['b1-1', '研習人數'],
  ['b1-2', '抽查分數'],
  ['b2-1', '志工人數'],
  ['b2-2', '滿意度'],
])

let answer: [number, unknown]
const posts: { path: string; body: unknown }[] = []

beforeEach(() => {
  posts.length = 0
  i18n.global.locale.value = 'zh-TW'
  fakeFetch(({ path, body }) => {
    posts.push({ path, body })
    return answer
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function mountBar(shown: Review[] = reviews) {
  const { wrapper } = await mountWithRouter(BulkReviewBar, { props: { year: 105, reviews: shown, names }, attach: true })
  return wrapper
}

const click = async (test: string) => {
  ;(document.querySelector(`[data-test="${test}"]`) as HTMLButtonElement).click()
  await flushPromises()
}

describe('BulkReviewBar', () => {
  it('offers each step some indicator offers, counting them', async () => {
    const wrapper = await mountBar()
    expect(wrapper.find('[data-test="bulk-first_review"]').text()).toBe('初核全部已送出指標（3 項）')
    expect(wrapper.find('[data-test="bulk-second_review"]').text()).toBe('複核全部已初核指標（1 項）')
  })

  it('offers nothing when no indicator offers a step in bulk', async () => {
    const wrapper = await mountBar([review('b2-2', 'draft', ['submit']), review('b1-1', 'submitted', ['withdraw'])])
    expect(wrapper.find('[data-test="bulk-first_review"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="bulk-second_review"]').exists()).toBe(false)
    expect(wrapper.html()).not.toContain('批次審核')
  })

  it('names the indicators and sends nothing when cancelled', async () => {
    const wrapper = await mountBar()
    await click('bulk-first_review')
    const list = [...document.querySelectorAll('[data-test="bulk-list"] li')].map((item) => item.textContent)
    expect(list).toEqual(['b1-1 研習人數', 'b1-2 抽查分數', 'x9-9'])
    expect(document.querySelector('[data-test="bulk-confirm-dialog"]')?.textContent).toContain('將初核民國 105 年度下列 3 項指標')
    await click('bulk-confirm-cancel')
    expect(posts).toEqual([])
    expect(wrapper.emitted('done')).toBeUndefined()
  })

  it('sends exactly the offered ids once confirmed, then says what was taken and what was refused', async () => {
    answer = [
      200,
      {
        action: 'first_review',
        year: 105,
        taken: ['b1-1', 'x9-9'],
        refused: [
          {
            path: 'b1-2',
            code: 'same_person_steps',
            message: 'separation of duties: you took an earlier step',
            params: { action: '初核' },
          },
        ],
      },
    ]
    const wrapper = await mountBar()
    await click('bulk-first_review')
    expect(posts).toEqual([])
    await click('bulk-confirm')
    expect(posts).toEqual([{ path: '/api/reviews/105/actions', body: { action: 'first_review', indicators: ['b1-1', 'b1-2', 'x9-9'] } }])
    expect(wrapper.find('[data-test="bulk-result"]').text()).toContain('已初核 2 項')
    const refused = wrapper.find('[data-test="bulk-refused"]').text()
    expect(refused).toContain('b1-2 抽查分數')
    expect(refused).toContain('職務分工')
    expect(refused).toContain('（初核）')
    expect(wrapper.emitted('done')).toHaveLength(1)
  })

  it('shows the server message of a refusal it cannot word, named by `field` too', async () => {
    answer = [200, { action: 'second_review', year: 105, taken: [], refused: [{ field: 'b2-1', code: 'invalid', message: 'not ready' }] }]
    const wrapper = await mountBar()
    await click('bulk-second_review')
    await click('bulk-confirm')
    expect(posts[0].body).toEqual({ action: 'second_review', indicators: ['b2-1'] })
    expect(wrapper.find('[data-test="bulk-result"]').text()).toContain('已複核 0 項')
    expect(wrapper.find('[data-test="bulk-refused"]').text()).toContain('b2-1 志工人數：not ready')
  })

  it('says the year is locked', async () => {
    answer = [423, { title: 'Locked', detail: 'year 105 is locked' }]
    const wrapper = await mountBar()
    await click('bulk-first_review')
    await click('bulk-confirm')
    expect(wrapper.find('[data-test="bulk-result"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="bulk-error"]').text()).toContain('民國 105 年度已鎖定')
    expect(wrapper.emitted('done')).toHaveLength(1)
  })
})
