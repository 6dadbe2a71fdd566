// Initial passwords an administrator hands to a new user: random, long enough for the
// server's rules (12 characters at least), and free of look-alike characters (0/O, 1/l/I)
// so they can be read out or copied by hand.
export const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function generatePassword(length = 20, random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const size = PASSWORD_ALPHABET.length
  // Bytes at or above the largest multiple of the alphabet's size are dropped, so every
  // character is equally likely.
  const limit = 256 - (256 % size)
  let password = ''
  while (password.length < length) {
    for (const byte of random(new Uint8Array(length * 2))) {
      if (byte < limit && password.length < length) password += PASSWORD_ALPHABET[byte % size]
    }
  }
  return password
}
