// A target or actual value in the page's language: lib/numbers' formats with the words
// of the messages (是/否 or Yes/No, the stage reached as milestone.reached words it).
import { useI18n } from 'vue-i18n'
import { formatActual, formatTarget, valueWords, type ActualKind, type ValueKind } from '../lib/numbers'

export function useValueText() {
  const { t } = useI18n()
  const words = () => valueWords(t)

  const target = (value: number | null | undefined, indicator: ValueKind) => formatTarget(value, indicator, words())
  const actual = (value: number | null | undefined, indicator: ActualKind, stage?: string | null) =>
    formatActual(value, indicator, words(), stage)

  return { target, actual }
}
