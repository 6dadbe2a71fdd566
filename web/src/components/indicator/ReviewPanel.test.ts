// The review panel against a fake API: every step asks first, naming the year and the
// indicator, and nothing is sent until the user confirms; cancelling sends nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '../../i18n'
import { session } from '../../lib/session'
import { fakeFetch } from '../../test/fakeApi'
import type { IndicatorReview, ReviewAction, ReviewState } from '../../api/types'
import ReviewPanel from './ReviewPanel.vue'

function bundle(state: ReviewState, actions: ReviewAction[], explanation = ''): IndicatorReview {
  return {
    review: {
      indicator_id: 'b1-1',
      available_actions: actions,
      year: 105,
      state,
      explanation,
      version: 4,
      updated_at: null,
      updated_by: null,
    },
    locked: false,
    comments: [],
    evidence: [],
  }
}

let reviews: IndicatorReview[]
let refusal: [number, unknown] | null
const posts: { path: string; body: unknown }[] = []

beforeEach(() => {
  posts.length = 0
  refusal = null
  i18n.global.locale.value = 'zh-TW'
  session.permissions = {
    edit_plan: false,
    manage_users: false,
    read_audit: false,
    lock_year: false,
    unlock_year: false,
    comment: false,
    write_registers: [],
    report_indicators: ['b1-1'],
  }
  session.evidence = { extensions: ['.pdf'], max_bytes: 1024 }
  fakeFetch(({ method, path, body }) => {
    if (method !== 'POST') return [200, reviews[0]]
    posts.push({ path, body })
    if (refusal) return refusal
    reviews.shift()
    return [200, reviews[0].review]
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  session.permissions = null
  session.evidence = null
  document.body.innerHTML = ''
})

async function mountPanel() {
  const wrapper = mount(ReviewPanel, {
    props: { indicatorId: 'b1-1', indicatorName: '研習人數', year: 105 },
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
const dialogText = () => document.querySelector('[data-test="action-confirm-dialog"]')?.textContent ?? ''

describe('ReviewPanel', () => {
  it('asks before submitting and sends the step only once confirmed', async () => {
    reviews = [bundle('draft', ['submit'], '已說明'), bundle('submitted', ['withdraw'], '已說明')]
    const wrapper = await mountPanel()
    await click('action-submit')
    expect(posts).toEqual([])
    expect(dialogText()).toContain('將送出民國 105 年度「b1-1 研習人數」的成果')
    expect(dialogText()).toContain('單位初核人員')
    await click('action-confirm')
    expect(posts).toEqual([{ path: '/api/reviews/105/b1-1/actions', body: { action: 'submit', comment: null, version: 4 } }])
    expect(wrapper.find('[data-test="review-state"]').text()).toContain('已送出')
    expect(wrapper.text()).toContain('已送出。')
  })

  it('sends nothing when the confirmation is cancelled', async () => {
    reviews = [bundle('first_reviewed', ['second_review', 'return'])]
    await mountPanel()
    await click('action-second_review')
    expect(dialogText()).toContain('將複核民國 105 年度')
    await click('action-confirm-cancel')
    expect(posts).toEqual([])
  })

  it('offers withdrawing as a plain button that also asks first', async () => {
    reviews = [bundle('submitted', ['withdraw']), bundle('draft', ['submit'])]
    const wrapper = await mountPanel()
    const button = wrapper.find('[data-test="action-withdraw"]')
    expect(button.text()).toBe('撤回送出')
    expect(button.classes()).not.toContain('el-button--primary')
    await click('action-withdraw')
    expect(posts).toEqual([])
    expect(dialogText()).toContain('將撤回民國 105 年度「b1-1 研習人數」的送出')
    await click('action-confirm')
    expect(posts).toEqual([{ path: '/api/reviews/105/b1-1/actions', body: { action: 'withdraw', comment: null, version: 4 } }])
    expect(wrapper.find('[data-test="review-state"]').text()).toContain('草稿')
    expect(wrapper.text()).toContain('已撤回送出')
  })
  it('returns with a reason, and keeps the dialog open with the refusal when refused', async () => {
    reviews = [bundle('submitted', ['first_review', 'return'])]
    refusal = [409, { title: 'Conflict', detail: 'the review was changed meanwhile' }]
    await mountPanel()
    await click('action-return')
    expect(document.querySelector('[data-test="action-confirm-dialog"]')).toBeNull()
    ;(document.querySelector('[data-test="return-comment"]') as HTMLTextAreaElement).value = '請補佐證'
    document.querySelector('[data-test="return-comment"]')!.dispatchEvent(new Event('input'))
    await click('return-confirm')
    expect(posts).toEqual([{ path: '/api/reviews/105/b1-1/actions', body: { action: 'return', comment: '請補佐證', version: 4 } }])
    expect(document.querySelector('.ind-field-error')?.textContent).toContain('資料已被他人更新')
  })
})
