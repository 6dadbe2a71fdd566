// The dashboard's goal scores: names and "score / weight" in words, and bars that stay
// inside their track whatever the roll-ups say.
import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n } from '../../i18n'
import type { DimensionGroup } from '../../lib/evaluation'
import GoalScores from './GoalScores.vue'

// Hand-made groups: the roll-ups here are ones the server should never send (a score
// above its weight, a zero weight), which is what the bars must survive.
const groups: DimensionGroup[] = [
  {
    id: 'business',
    rollup: { id: 'business', name: '業務', weight: 40, score: 10 },
    goals: [
      { id: 'b1', number: 1, rollup: { id: 'b1', name: '目標一', weight: 20, score: 25 }, rows: [] },
      { id: 'b2', number: 2, rollup: { id: 'b2', name: '目標二', weight: 0, score: 3 }, rows: [] },
    ],
  },
]

function render() {
  return mount(GoalScores, { props: { groups }, global: { plugins: [i18n] } })
}
const width = (bar: { attributes: (name: string) => string | undefined }) => bar.attributes('style')

beforeEach(() => {
  i18n.global.locale.value = 'zh-TW'
})

describe('GoalScores', () => {
  it('names each dimension and goal with its score out of its weight', () => {
    const wrapper = render()
    const rows = wrapper.findAll('.db-score-row').map((row) => row.text())
    expect(rows).toEqual(['業務面向10.00 / 40%', '目標一25.00 / 20%', '目標二3.00 / 0%'])
  })

  it('draws bars as a share of the weight, clamped to the track', () => {
    const wrapper = render()
    const bars = wrapper.findAll('.db-bar')
    expect(bars).toHaveLength(3)
    expect(bars.map((bar) => bar.classes('db-bar--thin'))).toEqual([false, true, true])
    expect(bars.every((bar) => bar.attributes('aria-hidden') === 'true')).toBe(true)
    const fills = wrapper.findAll('.db-bar span')
    expect(width(fills[0])).toBe('width: 25%;')
    // A score above its weight fills the bar and no more; a zero weight leaves it empty.
    expect(width(fills[1])).toBe('width: 100%;')
    expect(width(fills[2])).toBe('width: 0%;')
  })
})
