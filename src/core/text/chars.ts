/**
 * What the word scanners (`wordsOf`, `countWords`, duplicate-story's word ids) ask of one character: ASCII by its
 * code, anything else through a pattern with the `u` flag, which reads a surrogate pair as one character.
 */

/** A–Z, a–z or 0–9. */
export function isAsciiLetterOrDigit(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57);
}

/** Code units of the character at `i`: 2 for a surrogate pair. */
export function unitsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/** \p{L} at `i`. */
export function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122;
  return LETTER.test(text.slice(i, i + 2));
}

/** \p{L} or \p{N} at `i`. */
export function isLetterOrNumber(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetterOrDigit(c);
  return LETTER_OR_NUMBER.test(text.slice(i, i + 2));
}

const LETTER = /^\p{L}/u;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]/u;
