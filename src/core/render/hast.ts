import type { Element, ElementContent, Properties } from 'hast';

/** A small hyperscript for the preview's own markup (user content never goes through here unsanitized). */
export function el(tagName: string, properties: Properties = {}, children: (ElementContent | string | undefined | false)[] = []): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children.filter((c): c is ElementContent | string => c !== undefined && c !== false).map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)),
  };
}

const PHRASING = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'img', 'input', 'ins', 'kbd', 'mark', 'q',
  'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

export function isPhrasing(node: ElementContent): boolean {
  return node.type === 'text' || node.type === 'comment' || (node.type === 'element' && PHRASING.has(node.tagName));
}

export function isBlank(node: ElementContent): boolean {
  return (node.type === 'text' && node.value.trim() === '') || node.type === 'comment' || (node.type === 'element' && node.tagName === 'br');
}
