import { describe, expect, it } from 'vitest'
import type { User } from '../api/types'
import { isSectionRole, userChanges, userForm } from './users'

const editor: User = {
  id: 2,
  username: 'ed',
  display_name: '王小明',
  role: 'section_editor',
  section_id: 'documents',
  active: true,
  version: 3,
  created_at: '',
  password_changed_at: '',
  must_change_password: false,
}

describe('users', () => {
  it('knows which roles belong to a section', () => {
    expect(isSectionRole('section_editor')).toBe(true)
    expect(isSectionRole('section_reviewer')).toBe(true)
    expect(isSectionRole('planner')).toBe(false)
    expect(isSectionRole('')).toBe(false)
  })

  it('sends only the version when nothing changed', () => {
    expect(userChanges(editor, userForm(editor))).toEqual({ version: 3 })
  })

  it('sends what changed, trimmed, and drops the section with a role without one', () => {
    const form = { ...userForm(editor), display_name: ' 王大明 ', role: 'viewer' as const, active: false }
    expect(userChanges(editor, form)).toEqual({ version: 3, display_name: '王大明', role: 'viewer', section_id: '', active: false })
  })

  it('keeps the name when the field was emptied, and moves a section role to another section', () => {
    const form = { ...userForm(editor), display_name: '  ', section_id: 'public_relations' }
    expect(userChanges(editor, form)).toEqual({ version: 3, section_id: 'public_relations' })
  })
})
