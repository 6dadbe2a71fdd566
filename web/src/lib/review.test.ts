import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import {
  availableActions,
  canEditReport,
  checkEvidenceFile,
  formatBytes,
  initialYear,
  mayTake,
  nextState,
  problemKind,
  problemMessage,
  reviewObjectId,
  shortSha,
} from './review'

const editor = { role: 'section_editor' as const, section_id: 'documents' }
const otherEditor = { role: 'section_editor' as const, section_id: 'buildings' }
const reviewer = { role: 'section_reviewer' as const, section_id: 'documents' }
const otherReviewer = { role: 'section_reviewer' as const, section_id: 'buildings' }
const planner = { role: 'planner' as const, section_id: null }
const admin = { role: 'admin' as const, section_id: null }
const viewer = { role: 'viewer' as const, section_id: null }

describe('nextState', () => {
  it('follows the workflow', () => {
    expect(nextState('draft', 'submit')).toBe('submitted')
    expect(nextState('returned', 'submit')).toBe('submitted')
    expect(nextState('submitted', 'submit')).toBeNull()
    expect(nextState('submitted', 'first_review')).toBe('first_reviewed')
    expect(nextState('draft', 'first_review')).toBeNull()
    expect(nextState('first_reviewed', 'second_review')).toBe('second_reviewed')
    expect(nextState('submitted', 'second_review')).toBeNull()
    expect(nextState('draft', 'return')).toBeNull()
    expect(nextState('returned', 'return')).toBeNull()
    expect(nextState('submitted', 'return')).toBe('returned')
    expect(nextState('second_reviewed', 'return')).toBe('returned')
  })
})

describe('mayTake', () => {
  it('lets only the owner section submit and first-review', () => {
    expect(mayTake(editor, 'submit', 'documents', 'draft')).toBe(true)
    expect(mayTake(otherEditor, 'submit', 'documents', 'draft')).toBe(false)
    expect(mayTake(reviewer, 'submit', 'documents', 'draft')).toBe(false)
    expect(mayTake(planner, 'submit', 'documents', 'draft')).toBe(false)
    expect(mayTake(admin, 'submit', 'documents', 'draft')).toBe(true)
    expect(mayTake(reviewer, 'first_review', 'documents', 'submitted')).toBe(true)
    expect(mayTake(otherReviewer, 'first_review', 'documents', 'submitted')).toBe(false)
    expect(mayTake(editor, 'first_review', 'documents', 'submitted')).toBe(false)
    expect(mayTake(planner, 'first_review', 'documents', 'submitted')).toBe(false)
  })
  it('lets planners second-review and return anything', () => {
    expect(mayTake(planner, 'second_review', 'documents', 'first_reviewed')).toBe(true)
    expect(mayTake(reviewer, 'second_review', 'documents', 'first_reviewed')).toBe(false)
    expect(mayTake(planner, 'return', 'documents', 'second_reviewed')).toBe(true)
    expect(mayTake(reviewer, 'return', 'documents', 'first_reviewed')).toBe(true)
    expect(mayTake(reviewer, 'return', 'documents', 'second_reviewed')).toBe(false)
    expect(mayTake(otherReviewer, 'return', 'documents', 'submitted')).toBe(false)
    expect(mayTake(editor, 'return', 'documents', 'submitted')).toBe(false)
  })
  it('does not treat an empty owner section as everyone’s', () => {
    expect(mayTake({ role: 'section_editor', section_id: '' }, 'submit', '', 'draft')).toBe(false)
  })
})

describe('availableActions', () => {
  it('combines role and state', () => {
    expect(availableActions(editor, 'documents', 'draft', false)).toEqual(['submit'])
    expect(availableActions(editor, 'documents', 'submitted', false)).toEqual([])
    expect(availableActions(reviewer, 'documents', 'submitted', false)).toEqual(['first_review', 'return'])
    expect(availableActions(planner, 'documents', 'first_reviewed', false)).toEqual(['second_review', 'return'])
    expect(availableActions(admin, 'documents', 'draft', false)).toEqual(['submit'])
    expect(availableActions(admin, 'documents', 'submitted', false)).toEqual(['first_review', 'return'])
    expect(availableActions(viewer, 'documents', 'submitted', false)).toEqual([])
    expect(availableActions(null, 'documents', 'draft', false)).toEqual([])
  })
  it('offers nothing in a locked year', () => {
    expect(availableActions(planner, 'documents', 'second_reviewed', true)).toEqual([])
  })
})

describe('canEditReport', () => {
  it('is open while the result is with the section and the year is open', () => {
    expect(canEditReport(true, 'draft', false)).toBe(true)
    expect(canEditReport(true, 'returned', false)).toBe(true)
    expect(canEditReport(true, 'submitted', false)).toBe(false)
    expect(canEditReport(true, 'draft', true)).toBe(false)
    expect(canEditReport(false, 'draft', false)).toBe(false)
  })
})

describe('evidence files', () => {
  it('accepts the allowed types up to 10 MiB', () => {
    expect(checkEvidenceFile('簽到表.PDF', 1000)).toBeNull()
    expect(checkEvidenceFile('a.jpeg', 10 * 1024 * 1024)).toBeNull()
    expect(checkEvidenceFile('a.jpeg', 10 * 1024 * 1024 + 1)).toBe('size')
    expect(checkEvidenceFile('a.exe', 10)).toBe('type')
    expect(checkEvidenceFile('README', 10)).toBe('type')
    expect(checkEvidenceFile('a.txt', 0)).toBe('empty')
    expect(checkEvidenceFile('', 10)).toBe('name')
    expect(checkEvidenceFile('a\u0001.txt', 10)).toBe('name')
  })
  it('formats sizes and digests', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(2048)).toBe('2 KB')
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB')
    expect(formatBytes(300 * 1024)).toBe('300 KB')
    expect(shortSha('0123456789abcdef0123')).toBe('0123456789ab')
  })
})

describe('helpers', () => {
  it('names review objects like the audit log', () => {
    expect(reviewObjectId('b1-1', 105)).toBe('b1-1/105')
  })
  it('classifies refusals', () => {
    expect(problemKind(new ApiError(409, 'Conflict', 'x'))).toBe('stale')
    expect(problemKind(new ApiError(423, 'Locked', 'x'))).toBe('locked')
    expect(problemKind(new ApiError(403, 'Forbidden', 'x'))).toBe('forbidden')
    expect(problemKind(new ApiError(422, 'Invalid input', 'x'))).toBe('invalid')
    expect(problemKind(new Error('network'))).toBe('other')
  })
  it('says a refusal in the page’s words with the server’s detail', () => {
    const translate = (key: string) => `<${key}>`
    expect(problemMessage(new ApiError(423, 'Locked', 'year 105 is locked'), translate, 'p')).toBe('<p.locked>（year 105 is locked）')
    expect(problemMessage(new ApiError(409, 'Conflict', ''), translate, 'p')).toBe('<p.stale>（Conflict）')
  })
})

describe('initialYear', () => {
  const rows = [
    { year: 104, actual: 1 },
    { year: 105, actual: 2 },
    { year: 106, actual: null },
  ]
  it('takes the asked year when it is a plan year', () => {
    expect(initialYear(rows, '104')).toBe(104)
    expect(initialYear(rows, ['106'])).toBe(106)
  })
  it('falls back to the latest year with a value, then the first', () => {
    expect(initialYear(rows, '999')).toBe(105)
    expect(initialYear(rows, undefined)).toBe(105)
    expect(initialYear(rows, 'abc')).toBe(105)
    expect(initialYear([{ year: 104, actual: null }], undefined)).toBe(104)
    expect(initialYear([], undefined)).toBeNull()
  })
})
