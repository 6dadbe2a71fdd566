// Every message has both languages: a key in one locale's tree and not the other's would
// show the raw key (or the fallback language) to someone.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Messages } from './i18n'

const modules = import.meta.glob<{ default: Record<'zh-TW' | 'en', Messages> }>('./locales/*.ts', { eager: true })

// "a.b.c" for every text, "a.b" for a group, so a group that holds text in one language
// and groups in the other is caught as well.
function keys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return typeof value === 'string' ? [path] : [`${path}.`, ...keys(value, path)]
  })
}

describe('locales', () => {
  const files = Object.entries(modules)

  it('are found', () => {
    expect(files.length).toBeGreaterThan(5)
  })

  it.each(files)('%s has the same keys in zh-TW and en', (_path, module) => {
    const zh = keys(module.default['zh-TW']).sort()
    const en = keys(module.default.en).sort()
    expect(en.filter((key) => !zh.includes(key)), 'only in en').toEqual([])
    expect(zh.filter((key) => !en.includes(key)), 'only in zh-TW').toEqual([])
  })
})

// Every problem code the server may send (api/openapi.yaml, ProblemItem.code) is worded in
// both languages, except `invalid`, which has only the server's English message.
describe('problem codes', () => {
  const spec = readFileSync(resolve(__dirname, '../../api/openapi.yaml'), 'utf8')
  const block = spec.slice(spec.indexOf('    ProblemItem:'))
  const list = block.slice(block.indexOf('enum:'), block.indexOf('params:'))
  const codes = [...list.matchAll(/^\s+- (\w+)$/gm)].map((match) => match[1]).filter((code) => code !== 'invalid')
  const problems = modules['./locales/problems.ts'].default

  it('are listed by the API', () => {
    expect(codes.length).toBeGreaterThan(10)
  })

  it.each(['zh-TW', 'en'] as const)('are each worded in %s', (locale) => {
    const worded = Object.keys((problems[locale].problem as Messages) ?? {})
    expect(codes.filter((code) => !worded.includes(code)), 'not worded').toEqual([])
    expect(worded.filter((code) => !codes.includes(code)), 'not an API code').toEqual([])
  })
})
