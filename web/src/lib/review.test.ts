import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import {
  canEditReport,
  checkEvidenceFile,
  formatBytes,
  problemKind,
  problemMessage,
  reviewObjectId,
  shortSha,
} from './review'

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
  // As the server gives them with the session.
  const rules = { extensions: ['.pdf', '.jpeg', '.txt'], max_bytes: 10 * 1024 * 1024 }
  it('accepts the types and sizes the server accepts', () => {
    expect(checkEvidenceFile('簽到表.PDF', 1000, rules)).toBeNull()
    expect(checkEvidenceFile('a.jpeg', 10 * 1024 * 1024, rules)).toBeNull()
    expect(checkEvidenceFile('a.jpeg', 10 * 1024 * 1024 + 1, rules)).toBe('size')
    expect(checkEvidenceFile('a.exe', 10, rules)).toBe('type')
    expect(checkEvidenceFile('README', 10, rules)).toBe('type')
    expect(checkEvidenceFile('a.txt', 0, rules)).toBe('empty')
    expect(checkEvidenceFile('', 10, rules)).toBe('name')
    expect(checkEvidenceFile('a\u0001.txt', 10, rules)).toBe('name')
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
