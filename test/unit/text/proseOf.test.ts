import assert from 'node:assert/strict';
import fc from 'fast-check';
import { proseOf } from '../../../src/core/text/prose';

/** The first way proseOf was written (a character array, blanked pattern by pattern): the reference. */
function reference(source: string, start: number, end: number): { start: number; text: string } {
  const chars = source.slice(start, end).split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  const slice = chars.join('');
  const mask = (pattern: RegExp, keep?: (m: RegExpExecArray) => [number, number] | undefined) => {
    for (const m of slice.matchAll(pattern)) {
      const at = m.index;
      const kept = keep?.(m as RegExpExecArray);
      if (!kept) blank(at, at + m[0].length);
      else {
        blank(at, at + kept[0]);
        blank(at + kept[1], at + m[0].length);
      }
    }
  };
  mask(/<!--[\s\S]*?(?:-->|$)/g);
  mask(/(`+)[\s\S]*?\1/g);
  mask(/<\/?[A-Za-z][^<>]*>/g);
  mask(/!?\[([^\[\]\r\n]*)\](?:\([^()\s]*(?:\s+"[^"]*")?\)|\[[^\]\r\n]*\])/g, (m) => [m[0].indexOf('[') + 1, m[0].indexOf('[') + 1 + m[1].length]);
  mask(/\b(?:https?:\/\/|www\.)[^\s<>()]+/g);
  mask(/&(?:#\d+|#x[\da-f]+|[a-z]+);/gi);
  mask(/\*+|~~|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu);
  mask(/(?:^|(?<=[\r\n]))[ \t]*(?:>[ \t]?)*(?:#{1,6}(?=[ \t])|[-+•](?=[ \t])|\d{1,3}[.)](?=[ \t]))?/g);
  mask(/\|/g);
  return { start, text: chars.join('') };
}

const piece = fc.oneof(
  fc.constantFrom('<!-- c -->', '<!--', '-->', '`code`', '``', '<b>', '</b>', '<br>', '[text](http://x.y "t")', '[a][b]', '![alt](i.png)', 'https://example.com/x', 'www.x.org', '&amp;', '&#39;', '&#x2F;', '**', '*', '~~', '_', 'snake_case', '> ', '## ', '- ', '+ ', '• ', '12. ', '3) ', '|', '\n', '\r\n', '\r', '\t', ' ', 'I', 'we', 'basically', '😀', 'Ünï'),
  fc.string({ maxLength: 6 }),
);

describe('text: proseOf', () => {
  it('blanks markup exactly as the character-by-character version did, on 5,000 generated texts', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const start = text.length ? a % text.length : 0;
        const end = start + (text.length - start ? b % (text.length - start + 1) : 0);
        assert.deepEqual(proseOf(text, start, end), reference(text, start, end));
      }),
      { numRuns: 5_000 },
    );
  });
});
