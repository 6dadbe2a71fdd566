// The audit log's entries in words: actions and object types by their labels (or as the
// server wrote them when this version does not know them), people and things by the names
// the server gives them, with their ids for a title on hover.
import { useI18n } from 'vue-i18n'
import type { AuditEntry } from '../api/types'
import { OBJECT_TYPES, actionKey } from '../lib/audit'

export function useAuditLabels() {
  const { t } = useI18n()

  function actionLabel(action: string): string {
    const key = actionKey(action)
    return key ? t(key) : action
  }

  function typeLabel(type: string): string {
    return (OBJECT_TYPES as readonly string[]).includes(type) ? t(`audit.types.${type}`) : type
  }

  function userLabel(entry: AuditEntry): string {
    if (entry.user_id === 0) return t('audit.system')
    return entry.display_name ?? entry.username
  }

  function userTitle(entry: AuditEntry): string {
    return entry.user_id === 0 ? '' : `${entry.username} #${entry.user_id}`
  }

  // A value's or review's id ends with its year ("b1-1/105"), which the name leaves out.
  function objectLabel(entry: AuditEntry): string {
    if (!entry.object_name) return entry.object_id
    const year = /\/(\d{2,3})$/.exec(entry.object_id)
    return ['value', 'review'].includes(entry.object_type) && year ? t('audit.nameInYear', { name: entry.object_name, year: year[1] }) : entry.object_name
  }

  return { actionLabel, typeLabel, userLabel, userTitle, objectLabel }
}
