// How every quantity is printed, the one place the pages take it from, so a figure reads
// the same on every page and in the server's documents: api/number-formats.json holds
// the cases both are tested against (half away from zero, "—" for a missing value, a
// unit right after the number).
import { stageAt, type Stage } from './milestone'

type Missing = null | undefined

function missing(value: number | Missing): value is Missing {
  return value === null || value === undefined || !Number.isFinite(value)
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

// |value| as decimal digits from its shortest form, the number as it was written
// (2.675), not the binary value (2.67499…) that Intl and toFixed round.
function digitsOf(value: number): { integer: string; fraction: string } {
  const [mantissa, exponent = '0'] = Math.abs(value).toString().split('e')
  const [whole, decimals = ''] = mantissa.split('.')
  let digits = whole + decimals
  let point = whole.length + Number(exponent)
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits
    point = 1
  }
  digits = digits.padEnd(point, '0')
  return { integer: digits.slice(0, point), fraction: digits.slice(point) }
}

// Half away from zero on those digits, as core::format_plan_number rounds on the server:
// 2.675 → 2.68 and 1.005 → 1.01 at two places, as the person who typed them expects.
function rounded(value: number, places: number): { integer: string; fraction: string } {
  const { integer, fraction } = digitsOf(value)
  const digits = (integer + fraction.slice(0, places).padEnd(places, '0')).split('')
  if (fraction.length > places && fraction[places] >= '5') {
    let at = digits.length
    while (at > 0 && digits[at - 1] === '9') digits[--at] = '0'
    if (at === 0) digits.unshift('1')
    else digits[at - 1] = String(Number(digits[at - 1]) + 1)
  }
  const split = digits.length - places
  return { integer: digits.slice(0, split).join('').replace(/^0+(?=\d)/, ''), fraction: digits.slice(split).join('') }
}

function printed(value: number, decimals: number, style: { trimZeros?: boolean }): string {
  const places = Math.max(0, Math.min(6, Math.round(decimals)))
  const { integer, fraction: digits } = rounded(value, places)
  const fraction = style.trimZeros ? digits.replace(/0+$/, '') : digits
  const text = groupThousands(integer) + (fraction ? `.${fraction}` : '')
  // Rounded to zero, a negative value loses its sign: never "-0.00".
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text
}

// Exactly `decimals` places, thousands grouped: 1234.5 → "1,234.50" with 2.
export function formatNumber(value: number | Missing, decimals = 2): string {
  return missing(value) ? '—' : printed(value, decimals, {})
}

// At most `maxDecimals` places, trailing zeros dropped: 92.50 → "92.5", 1.0 → "1".
export function formatFigure(value: number | Missing, maxDecimals = 2): string {
  return missing(value) ? '—' : printed(value, maxDecimals, { trimZeros: true })
}

// A score (weighted, a subtotal, the total): always two places.
export function formatScore(value: number | Missing): string {
  return formatNumber(value, 2)
}

// An achievement: one place and a percent sign, 104 → "104.0%".
export function formatAchievement(value: number | Missing): string {
  return missing(value) ? '—' : `${formatNumber(value, 1)}%`
}

// A weight as the plan writes it, with its percent sign: 10 → "10%", 7.5 → "7.5%".
export function formatWeight(value: number | Missing): string {
  return missing(value) ? '—' : `${formatFigure(value, 2)}%`
}

// Money in the plan's money unit (the budget table names the unit once, above it).
export function formatAmount(value: number | Missing): string {
  return formatFigure(value, 2)
}

// How many of something (records, registers): whole, grouped.
export function formatCount(value: number | Missing): string {
  return formatFigure(value, 0)
}

// The words a value may need: yes and no for a yes-no indicator, and how a milestone's
// value is joined to the stage it reached. The pages pass the page language's
// (composables/useValueText); these are the documents', which zh-TW matches.
export interface ValueWords {
  yes: string
  no: string
  reached: (value: string, stage: string) => string
}

export const documentWords: ValueWords = {
  yes: '是',
  no: '否',
  reached: (value, stage) => `${value}（${stage}）`,
}

type Translate = (key: string, params?: Record<string, unknown>) => string

// The words from the page's messages (common.yes, common.no, milestone.reached).
export function valueWords(t: Translate): ValueWords {
  return { yes: t('common.yes'), no: t('common.no'), reached: (value, stage) => t('milestone.reached', { value, stage }) }
}

export interface ValueKind {
  kind: string // higher_is_better, lower_is_better, yes_no, milestone
  unit: string
}

// Yes only at 1, as the evaluation scores it.
function yesNo(value: number, words: ValueWords): string {
  return value >= 1 ? words.yes : words.no
}

// A target as the plan sets it: up to four places and the unit ("500人", "12.5小時"), a
// ceiling with "≤" ("≤120件"), a yes-no target as yes or no.
export function formatTarget(value: number | Missing, indicator: ValueKind, words: ValueWords = documentWords): string {
  if (missing(value)) return '—'
  if (indicator.kind === 'yes_no') return yesNo(value, words)
  const text = formatFigure(value, 4) + indicator.unit
  return indicator.kind === 'lower_is_better' ? `≤${text}` : text
}

export interface ActualKind extends ValueKind {
  decimals: number
  stages?: readonly Stage[] // a milestone's, to name the stage when `stage` is not given
}

// An actual value at the indicator's decimals with its unit ("520人", "83.00%"), yes or
// no, and a milestone's with the stage it reached ("25%（規劃設計）"). `stage` is the
// server's name for it when the answer has one.
export function formatActual(
  value: number | Missing,
  indicator: ActualKind,
  words: ValueWords = documentWords,
  stage?: string | null,
): string {
  if (missing(value)) return '—'
  if (indicator.kind === 'yes_no') return yesNo(value, words)
  const text = formatNumber(value, indicator.decimals) + indicator.unit
  if (indicator.kind !== 'milestone') return text
  const reached = stage ?? stageAt(indicator.stages ?? [], value)?.name
  return reached ? words.reached(text, reached) : text
}

// The plan's decimals for an indicator; without the plan, whole numbers stay whole and
// others get two places.
export function decimalsOf(info: { decimals: number } | undefined, value: number | Missing): number {
  if (info) return info.decimals
  return value !== null && value !== undefined && Number.isInteger(value) ? 0 : 2
}
