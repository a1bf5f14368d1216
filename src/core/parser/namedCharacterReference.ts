import { parseFragment } from 'parse5';

const decoded = new Map<string, string | false>();

/**
 * decode-named-character-reference's function (micromark asks it whether `&name;` is a character reference),
 * answered by parse5's HTML tokenizer, which the bundles hold anyway, instead of the 35 KB table of
 * character-entities. scripts/build.mjs puts it in place of the package in the bundles; a unit test checks
 * that both agree on every name the table knows.
 */
export function decodeNamedCharacterReference(value: string): string | false {
  let result = decoded.get(value);
  if (result === undefined) {
    result = decode(value);
    decoded.set(value, result);
  }
  return result;
}

function decode(value: string): string | false {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(value)) return false;
  const reference = `&${value};`;
  const node = parseFragment(reference).childNodes[0];
  const text = node && 'value' in node ? node.value : reference;
  // "&notit;" reads as "¬" followed by "it;" (a legacy name without its semicolon): not a reference.
  if (text === reference || (text.length > 1 && text.endsWith(';'))) return false;
  return text;
}
