/**
 * Who acted: counts "I" and "we" used as subjects. Possessives and objects ("our team", "my", "us")
 * say nothing about who did the work and are not counted.
 */
export function countSubjects(text: string): { i: number; we: number } {
  let i = 0;
  let we = 0;
  for (const m of text.matchAll(/(?<![\p{L}\p{N}'’])(I|i|we|We|WE)(?:['’](?:m|ve|d|ll|re))?(?![\p{L}\p{N}]|['’][\p{L}])/gu)) {
    const word = m[1];
    if (word === 'I') i++;
    // A lone lower-case "i" counts only as "i'm", "i've": alone it may be a list numeral.
    else if (word === 'i') {
      if (m[0].length > 1) i++;
    } else we++;
  }
  return { i, we };
}
