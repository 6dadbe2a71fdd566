// The server's refusals of a form: each field's message at the field, the rest in one line.
import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import { useFormErrors } from './useFormErrors'

const refusal = (...errors: { path: string; message: string }[]) => new ApiError(422, 'Invalid input', 'the user was not created', errors)

describe('useFormErrors', () => {
  it('puts each message at its field and says nothing more when every one was placed', () => {
    const form = useFormErrors(['username', 'password'])
    form.take(refusal({ path: 'username', message: 'bad name' }, { path: 'password', message: 'too short' }))
    expect(form.errors).toEqual({ username: 'bad name', password: 'too short' })
    expect(form.failure.value).toBe('')
  })

  it('names what no field shows, with the server\'s message', () => {
    const form = useFormErrors(['username'])
    form.take(refusal({ path: 'username', message: 'bad name' }, { path: 'section_id', message: 'unknown section' }))
    expect(form.errors.username).toBe('bad name')
    expect(form.failure.value).toBe('the user was not created: section_id unknown section')
  })

  it('gives the server\'s message when it names no field', () => {
    const form = useFormErrors(['username'])
    form.take(new ApiError(403, 'Forbidden', 'only administrators manage users'))
    expect(form.errors.username).toBe('')
    expect(form.failure.value).toBe('only administrators manage users')
  })

  it('clears the messages of an earlier try', () => {
    const form = useFormErrors(['username'])
    form.take(refusal({ path: 'username', message: 'bad name' }, { path: 'x', message: 'y' }))
    form.clear()
    expect(form.errors.username).toBe('')
    expect(form.failure.value).toBe('')
  })

  it('throws on what is not a refusal by the server', () => {
    const form = useFormErrors(['username'])
    const fault = new TypeError('not a function')
    expect(() => form.take(fault)).toThrow(fault)
  })
})
