// Every message has both languages: a key in one locale's tree and not the other's would
// show the raw key (or the fallback language) to someone.
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

// Every problem code the server sends is worded in both languages, none left empty
// (tests/core/problem_catalog_test.cpp holds problems.json to the server's list of codes).
describe('problem codes', () => {
  const problems = modules['./locales/problems.ts'].default
  const worded = (locale: 'zh-TW' | 'en') => (problems[locale].problem ?? {}) as Messages

  it('are worded', () => {
    expect(Object.keys(worded('zh-TW')).length).toBeGreaterThan(10)
  })

  it.each(['zh-TW', 'en'] as const)('each have text in %s', (locale) => {
    for (const [code, text] of Object.entries(worded(locale))) expect(typeof text === 'string' && text.length > 0, code).toBe(true)
    expect(Object.keys(worded(locale)).sort()).toEqual(Object.keys(worded('zh-TW')).sort())
  })
})
