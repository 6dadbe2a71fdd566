// Traditional Chinese first, English second. Each page keeps its own messages in
// locales/<page>.ts ({ 'zh-TW': {...}, en: {...} }) under its own top-level key; they are
// merged here, so pages never edit one another's files.
import { createI18n } from 'vue-i18n'

// A page's messages: text, or groups of text under a key.
export interface Messages {
  [key: string]: string | Messages
}
const modules = import.meta.glob<{ default: Record<'zh-TW' | 'en', Messages> }>('./locales/*.ts', {
  eager: true,
})

const messages: Record<'zh-TW' | 'en', Messages> = { 'zh-TW': {}, en: {} }
for (const module of Object.values(modules)) {
  Object.assign(messages['zh-TW'], module.default['zh-TW'])
  Object.assign(messages.en, module.default.en)
}

export type Locale = 'zh-TW' | 'en'
const saved = (typeof localStorage !== 'undefined' && localStorage.getItem('planscore.locale')) as Locale | null

export const i18n = createI18n<false>({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-TW',
  fallbackLocale: 'zh-TW',
  messages,
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem('planscore.locale', locale)
  document.documentElement.lang = locale === 'en' ? 'en' : 'zh-Hant-TW'
}
