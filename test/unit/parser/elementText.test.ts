import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Element, ElementContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { elementText } from '../../../src/core/parser/elementText';

const tags = fc.constantFrom('strong', 'b', 'em', 'code', 'a', 'span', 'p', 'div', 'li', 'td', 'pre', 'summary', 'h3', 'br', 'nobr', 'textarea', 'script', 'template');
const value = fc.oneof(
  fc.array(fc.constantFrom('Situation', ':', ' ', '  ', '\t', '\n', '\r\n', '\u200B', '\u200E', '\u061C', '\u2066', '\u00A0', '\f', 'S', 'é', '中', 'x y'), { maxLength: 6 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 8 }),
);
const text = value.map((v): ElementContent => ({ type: 'text', value: v }));
const element = (children: fc.Arbitrary<ElementContent[]>) =>
  fc.record({ tagName: tags, hidden: fc.boolean(), children }).map(({ tagName, hidden, children }): Element => ({ type: 'element', tagName, properties: hidden ? { hidden: true } : {}, children }));

describe('parser: elementText', () => {
  it('reads every element as hast-util-to-text does', () => {
    const inner = element(fc.array(text, { maxLength: 2 }));
    // Most of all, the shape the shortcut takes: an inline element around one text.
    const oneText = fc.record({ tagName: fc.constantFrom('strong', 'em', 'b', 'a', 'code', 'span', 'p', 'pre', 'br'), hidden: fc.boolean(), value }).map(({ tagName, hidden, value }): Element => ({ type: 'element', tagName, properties: hidden ? { hidden: true } : {}, children: [{ type: 'text', value }] }));
    fc.assert(
      fc.property(fc.oneof(oneText, element(fc.array(fc.oneof(text, inner), { maxLength: 3 }))), (node) => {
        assert.equal(elementText(node), toText(node), JSON.stringify(node));
      }),
      { numRuns: 5000 },
    );
  });
});
