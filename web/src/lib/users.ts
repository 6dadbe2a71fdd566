// Accounts as the users page edits them: the roles, which of them belong to a section,
// and what an edit changes.
import type { Role, User } from '../api/types'

export const ROLES: Role[] = ['admin', 'planner', 'section_editor', 'section_reviewer', 'viewer']

export const isSectionRole = (role: Role | '') => role === 'section_editor' || role === 'section_reviewer'

export interface UserForm {
  display_name: string
  role: Role
  section_id: string
  active: boolean
}

export function userForm(user: User): UserForm {
  return { display_name: user.display_name, role: user.role, section_id: user.section_id ?? '', active: user.active }
}

// The body of PATCH /api/users/{id}: the version read and only what changed; a role
// without a section drops the section ('' removes it). Only the version: nothing changed.
export function userChanges(user: User, form: UserForm): Record<string, unknown> {
  const body: Record<string, unknown> = { version: user.version }
  if (form.display_name.trim() && form.display_name.trim() !== user.display_name) body.display_name = form.display_name.trim()
  if (form.role !== user.role) body.role = form.role
  const section = isSectionRole(form.role) ? form.section_id : ''
  if (section !== (user.section_id ?? '')) body.section_id = section
  if (form.active !== user.active) body.active = form.active
  return body
}
