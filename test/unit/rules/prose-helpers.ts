import assert from 'node:assert/strict';
import { applyInsertion } from '../../../src/core/lint/fixes';
import { findings } from './helpers';

/** The words a rule reports in a text, as written in the source. */
export function reported(text: string, rule: string): string[] {
  return findings(text, rule).map((d) => text.slice(d.range.start.offset, d.range.end.offset));
}

/**
 * The same findings at the same words whatever the line ends and a BOM: each range's offsets, lines and
 * characters point at the words in the text as given.
 */
export function assertExactPositions(text: string, rule: string): void {
  const base = reported(text, rule);
  assert.ok(base.length > 0, 'the text has findings');
  for (const variant of [text.replace(/\n/g, '\r\n'), `\uFEFF${text}`, `\uFEFF${text.replace(/\n/g, '\r\n')}`, text.replace(/\n/g, '\r')]) {
    const found = findings(variant, rule);
    const eol = (s: string) => s.replace(/\r\n|\r/g, '\n');
    assert.deepEqual(found.map((d) => eol(variant.slice(d.range.start.offset, d.range.end.offset))), base.map(eol));
    const lines = variant.split(/\r\n|\r|\n/);
    for (const d of found) {
      const { start, end } = d.range;
      assert.equal(lines[start.line].slice(start.character, start.line === end.line ? end.character : undefined), variant.slice(start.offset, start.line === end.line ? end.offset : undefined).split(/\r\n|\r|\n/)[0]);
    }
  }
}

/** Applies every quick fix a rule offers, one at a time on the original, and returns the results. */
export function fixedTexts(text: string, rule: string): string[] {
  return findings(text, rule)
    .filter((d) => d.fix)
    .map((d) => applyInsertion(text, d.fix!.insertion));
}
