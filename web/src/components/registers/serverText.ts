// The server's English refusals about records and CSV files in the page's language.
import { useI18n } from 'vue-i18n'
import { localizeProblem } from '../../lib/records'

export function useServerText(): (message: string) => string {
  const { t } = useI18n()
  return (message: string) => {
    const local = localizeProblem(message)
    return local ? t(`registers.${local.key}`, local.params ?? {}) : message
  }
}
