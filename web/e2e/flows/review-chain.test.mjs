// b1-1 for 105 goes through its review chain in the browser, each role offered only its
// own step and confirming it (takeReviewStep).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { YEAR, takeReviewStep, test, world } from '../harness.mjs'

describe('review-chain', () => {
  const w = world('review-chain')

  it('b1-1 for 105: the editor submits, the section reviewer and the planner review', { timeout: 90_000 }, async () => {
    const steps = [
      ['editor', 'submit', '已送出'],
      ['reviewer', 'first_review', '已初核'],
      ['planner', 'second_review', '已複核'],
    ]
    for (const [user, action, state] of steps) {
      const page = await w.signIn(user)
      await w.openIndicator(page, 'b1-1', YEAR)
      if (action === 'submit') {
        // b1-1 is below its target in 105: the submission is refused until the editor says
        // why, and the refusal says so.
        const refused = await takeReviewStep(page, 'submit')
        assert.equal(refused.status(), 422)
        await page.locator(test('action-error'), { hasText: '未達成原因及改善措施' }).waitFor()
        await page.locator(test('explanation')).fill('講師異動，改於下半年補辦')
      }
      for (const other of ['submit', 'first_review', 'second_review'].filter((a) => a !== action))
        assert.equal(await page.locator(test(`action-${other}`)).count(), 0, `${user} is offered ${other}`)
      const answered = await takeReviewStep(page, action)
      assert.equal(answered.status(), 200, `${action} was refused`)
      await page.locator(test('review-state'), { hasText: state }).waitFor()
      await w.done(page)
    }
    const review = await w.admin.get(`/api/reviews/${YEAR}/b1-1`)
    assert.equal(review.review.state, 'second_reviewed')
  })
})
