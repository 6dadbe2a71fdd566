// Who is signed in and what they may do. The server enforces every rule; this only
// decides what the pages offer.
import { reactive } from 'vue'
import { api, setCsrfToken } from '../api/client'
import { forgetAll } from '../composables/usePlanData'
import { DEFAULT_TIME_ZONE, setAgencyTimeZone } from './roc'
import type { EvidenceRules, Permissions, Session, User } from '../api/types'

interface SessionState {
  user: User | null
  permissions: Permissions | null
  evidence: EvidenceRules | null
  loaded: boolean
}

export const session = reactive<SessionState>({ user: null, permissions: null, evidence: null, loaded: false })

function adopt(value: Session | null): void {
  // Another account (or none) may be answered differently: nothing cached is kept.
  forgetAll()
  session.user = value?.user ?? null
  session.permissions = value?.permissions ?? null
  session.evidence = value?.evidence ?? null
  setAgencyTimeZone(value?.time_zone ?? DEFAULT_TIME_ZONE)
  setCsrfToken(value?.csrf_token ?? '')
  session.loaded = true
}

// Asks the server whether the browser's cookie is still a session.
export async function loadSession(): Promise<boolean> {
  try {
    adopt(await api.get<Session>('/api/session'))
  } catch {
    adopt(null)
  }
  return session.user !== null
}

export async function login(username: string, password: string): Promise<void> {
  adopt(await api.post<Session>('/api/session', { username, password }))
}

export async function logout(): Promise<void> {
  try {
    await api.del('/api/session')
  } finally {
    adopt(null)
  }
}

export function forgetSession(): void {
  adopt(null)
}

export function canWriteRegister(registerId: string): boolean {
  return session.permissions?.write_registers.includes(registerId) ?? false
}

export function canReportIndicator(indicatorId: string): boolean {
  return session.permissions?.report_indicators.includes(indicatorId) ?? false
}

// The permissions that open a whole page: the yes/no ones (the lists name registers and
// indicators, which decide actions inside a page, not whether it opens).
export type PagePermission = { [K in keyof Permissions]: Permissions[K] extends boolean ? K : never }[keyof Permissions]

// Whether the signed-in user may open a page that needs `permission` (none: everyone
// signed in). The router's guard and the navigation both ask this, with the route's meta.
export function mayOpen(permission: PagePermission | undefined): boolean {
  return !permission || session.permissions?.[permission] === true
}
