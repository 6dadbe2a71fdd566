// Editing the plan in place against a fake API: numbers that are not numbers are caught
// before anything is sent and summarised by where they are, the server's problems are
// placed the same way, and a plan saved meanwhile by someone else is not overwritten.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { i18n } from '../i18n'
import { session } from '../lib/session'
import { fakeFetch, type FakeAnswer, type FakeRequest } from '../test/fakeApi'
import { mountRoute } from '../test/mountWithRouter'
import { samplePlan } from '../test/samplePlan'
import PlanPage from './PlanPage.vue'

let requests: FakeRequest[]
let saveAnswer: FakeAnswer

// The page scrolls to the indicators and to what saving found; jsdom lays nothing out.
beforeAll(() => {
  Element.prototype.scrollIntoView = () => {}
})
afterAll(() => {
  delete (Element.prototype as Partial<Element>).scrollIntoView
})

beforeEach(() => {
  i18n.global.locale.value = 'zh-TW'
  session.permissions = {
    edit_plan: true,
    manage_users: false,
    read_audit: false,
    lock_year: false,
    unlock_year: false,
    comment: false,
    write_registers: [],
    report_indicators: [],
  }
  saveAnswer = [200, { id: 'p', version: 4 }]
  requests = fakeFetch(({ method, path }) => {
    if (method === 'PUT' && path === '/api/plan') return saveAnswer
    if (path === '/api/plan') return [200, { version: 3, plan: samplePlan() }]
    if (path === '/api/plan/chapters') return [200, { chapters: [] }]
    return [404, {}]
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  session.permissions = null
  document.body.innerHTML = ''
})

async function startEditing() {
  const { wrapper } = await mountRoute('/plan', [{ path: '/plan', component: PlanPage }], { attach: true })
  await wrapper.get('[data-test="edit-plan"]').trigger('click')
  await flushPromises()
  return wrapper
}

async function save(wrapper: VueWrapper) {
  await wrapper.get('[data-test="save-plan"]').trigger('click')
  await flushPromises()
}

const puts = () => requests.filter((request) => request.method === 'PUT')

describe('PlanPage editing', () => {
  it('sends nothing while a number is not a number, and leads to where it is', async () => {
    const wrapper = await startEditing()
    await wrapper.get('#pe-dimensions-0-goals-1-weight').setValue('四十')
    await save(wrapper)
    expect(puts()).toEqual([])
    const summary = wrapper.get('[data-test="plan-problems"]')
    expect(summary.text()).toContain('計畫有 1 個問題')
    expect(summary.get('button').text()).toBe('業務 › 目標 2 › 權重')
    expect(summary.text()).toContain('請輸入數字')
  })

  it('sends the whole plan with the version read, and places the server\'s problems', async () => {
    saveAnswer = [422, { title: 'Invalid plan', errors: [{ path: 'dimensions[0].goals[0].indicators[1].weight', message: 'weights do not add up' }] }]
    const wrapper = await startEditing()
    await wrapper.get('#pe-dimensions-0-goals-0-indicators-1-weight').setValue('25')
    await save(wrapper)
    expect(puts()).toHaveLength(1)
    const sent = puts()[0].body as { version: number; plan: ReturnType<typeof samplePlan> }
    expect(sent.version).toBe(3)
    expect(sent.plan.dimensions[0].goals[0].indicators[1].weight).toBe(25)
    const summary = wrapper.get('[data-test="plan-problems"]')
    expect(summary.get('button').text()).toBe('業務 › 目標 1 › 1. 指標 b1-2 › 權重')
    expect(summary.text()).toContain('weights do not add up')
  })

  it('keeps the edits and offers the latest version when someone else saved first', async () => {
    saveAnswer = [409, { title: 'Conflict', detail: 'the plan was changed' }]
    const wrapper = await startEditing()
    await wrapper.get('#pe-dimensions-0-goals-0-name').setValue('新目標')
    await save(wrapper)
    expect(wrapper.get('[data-test="plan-conflict"]').text()).toContain('您讀取的是版本 3')
    expect(wrapper.get('[data-test="save-plan"]').attributes('disabled')).toBeDefined()
    expect((wrapper.get('#pe-dimensions-0-goals-0-name').element as HTMLInputElement).value).toBe('新目標')
  })

  it('saves, stops editing and says which version was stored', async () => {
    const wrapper = await startEditing()
    await wrapper.get('#pe-dimensions-0-goals-0-name').setValue('新目標')
    await save(wrapper)
    expect(puts()).toHaveLength(1)
    expect(wrapper.find('[data-test="save-plan"]').exists()).toBe(false)
    expect(wrapper.get('.pl-saved').text()).toBe('計畫已儲存（版本 4）。')
  })
})
