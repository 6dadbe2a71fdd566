import { describe, expect, it } from 'vitest'
import { PASSWORD_ALPHABET, generatePassword } from './password'

describe('generatePassword', () => {
  it('makes 20 characters of the unambiguous alphabet by default', () => {
    const password = generatePassword()
    expect(password).toHaveLength(20)
    for (const character of password) expect(PASSWORD_ALPHABET).toContain(character)
    expect(password).not.toMatch(/[0O1lI]/)
  })
  it('differs each time', () => {
    const seen = new Set(Array.from({ length: 50 }, () => generatePassword(16)))
    expect(seen.size).toBe(50)
  })
  it('drops bytes that would bias the choice', () => {
    // 255 is above the largest multiple of the alphabet size below 256: it is skipped.
    let calls = 0
    const random = (bytes: Uint8Array) => {
      calls += 1
      bytes.fill(calls === 1 ? 255 : 0)
      return bytes
    }
    expect(generatePassword(16, random)).toBe(PASSWORD_ALPHABET[0].repeat(16))
    expect(calls).toBe(2)
  })
})
