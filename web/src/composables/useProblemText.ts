// A problem the server sent (errors[] of a refusal) in the page's language: its code
// worded by locales/problems.json, dates among its params shown as ROC dates; the
// server's English message for a problem without a code the locales word.
import { useI18n } from 'vue-i18n'
import type { ProblemEntry } from '../api/types'
import { toRocDate } from '../lib/roc'

const isoDate = /^\d{4}-\d{2}-\d{2}$/

export function problemParams(params: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, isoDate.test(value) ? toRocDate(value) : value]),
  )
}

export function useProblemText(): (problem: ProblemEntry) => string {
  const { t, te } = useI18n()
  return (problem: ProblemEntry) => {
    const key = `problem.${problem.code}`
    return problem.code && te(key) ? t(key, problemParams(problem.params)) : problem.message
  }
}
