// What the review pages show beside what the server decides (the actions a user may take
// come with each review, the evidence rules with the session): whether the section may
// still change its explanation and evidence, an evidence file checked against the
// server's rules before upload, and refusals in words.
import { ApiError } from '../api/client'
import type { EvidenceRules, ReviewState } from '../api/types'

// The result is with the section (it may change explanation and evidence) in these states.
export function sectionMayEdit(state: ReviewState): boolean {
  return state === 'draft' || state === 'returned'
}

// Explanation and evidence are open to the section's reporters while the result is with
// the section and the year is not locked.
export function canEditReport(canReport: boolean, state: ReviewState, locked: boolean): boolean {
  return canReport && !locked && sectionMayEdit(state)
}

// "b1-1/105": the audit log's object id of a review.
export function reviewObjectId(indicatorId: string, year: number): string {
  return `${indicatorId}/${year}`
}

export type EvidenceProblem = 'type' | 'size' | 'empty' | 'name'

// A slash or backslash would name a folder; control characters (U+0000 to U+001F, U+007F)
// cannot be shown or stored safely as a file name.
function isBadNameCharacter(character: string): boolean {
  const code = character.charCodeAt(0)
  return character === '/' || character === '\\' || code < 0x20 || code === 0x7f
}

// Why a file cannot be uploaded as evidence under the server's rules, or null when it
// may be tried.
export function checkEvidenceFile(name: string, size: number, rules: EvidenceRules): EvidenceProblem | null {
  if (!name || [...name].some(isBadNameCharacter)) return 'name'
  const dot = name.lastIndexOf('.')
  const extension = dot >= 0 ? name.slice(dot).toLowerCase() : ''
  if (!rules.extensions.includes(extension)) return 'type'
  if (size === 0) return 'empty'
  if (size > rules.max_bytes) return 'size'
  return null
}

// The first 12 hex digits of a SHA-256, enough to compare a copy by eye.
export function shortSha(sha256: string): string {
  return sha256.slice(0, 12)
}

// 1536 → "1.5 KB"; bytes below 1 KB as they are.
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`
  const units = ['KB', 'MB', 'GB']
  let value = size
  let unit = -1
  do {
    value /= 1024
    unit += 1
  } while (value >= 1024 && unit < units.length - 1)
  const text = value >= 100 ? value.toFixed(0) : value.toFixed(1).replace(/\.0$/, '')
  return `${text} ${units[unit]}`
}

// A refusal in words: the page's sentence for its kind (`<prefix>.<kind>`) and the
// server's own detail after it, e.g. "已被他人更新…（the review of b1-1/105 was changed…）".
export function problemMessage(error: unknown, translate: (key: string) => string, prefix: string): string {
  const kind = problemKind(error)
  const detail = error instanceof Error ? error.message : String(error)
  const sentence = translate(`${prefix}.${kind}`)
  return detail && detail !== sentence ? `${sentence}（${detail}）` : sentence
}

export type ProblemKind = 'stale' | 'locked' | 'forbidden' | 'invalid' | 'missing' | 'tooLarge' | 'other'

// What kind of refusal an error is, so a page can say it in the user's language; the
// server's own words (English) are shown beside it.
export function problemKind(error: unknown): ProblemKind {
  if (!(error instanceof ApiError)) return 'other'
  switch (error.status) {
    case 409:
      return 'stale'
    case 423:
      return 'locked'
    case 403:
      return 'forbidden'
    case 400:
    case 422:
      return 'invalid'
    case 404:
      return 'missing'
    case 413:
      return 'tooLarge'
  }
  return 'other'
}
