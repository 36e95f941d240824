const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * A random identifier in lower-case base32: 16 characters carry 80 bits, enough that ids in URLs
 * cannot be guessed or enumerated. Tokens that grant something use `randomToken` instead.
 */
export function randomId(length = 16): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return id;
}
