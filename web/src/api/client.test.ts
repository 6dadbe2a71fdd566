// The file name a download is saved under, read from the server's Content-Disposition
// (src/http/api/attachment.cpp writes both forms).
import { describe, expect, it } from 'vitest'
import { fileNameOf } from './client'

describe('fileNameOf', () => {
  it('prefers the UTF-8 name, so a Chinese name survives', () => {
    const header = `attachment; filename="______2016.csv"; filename*=UTF-8''${encodeURIComponent('績效評估2016.csv')}`
    expect(fileNameOf(header, '/api/reports/evaluation?format=csv')).toBe('績效評估2016.csv')
  })

  it('takes the plain name, quoted or not, when that is all there is', () => {
    expect(fileNameOf('attachment; filename="register-a-template.csv"', '/x')).toBe('register-a-template.csv')
    expect(fileNameOf('attachment; filename=a.csv', '/x')).toBe('a.csv')
  })

  it('falls back to the last part of the path', () => {
    expect(fileNameOf(null, '/api/reports/registers/a/template?x=1')).toBe('template')
  })
})
