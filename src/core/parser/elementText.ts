import type { Nodes } from 'hast';
import { toText } from 'hast-util-to-text';

/**
 * An element's text as it renders (hast-util-to-text), with a shortcut for the commonest case: an inline element
 * holding one text of single spaces between words ("**Situation:**"). The parser asks for the text of every bold
 * run, heading and list item's lead; the full algorithm allocated several hundred megabytes for a 20 MB bank.
 */
export function elementText(node: Nodes): string {
  if (node.type === 'element' && PLAIN_INLINE.has(node.tagName) && node.children.length === 1 && !node.properties?.hidden) {
    const only = node.children[0];
    if (only.type === 'text' && PLAIN_TEXT.test(only.value)) return only.value;
  }
  return toText(node);
}

/** Elements hast-util-to-text reads as ordinary inline text (no block break, no other white-space rule, always rendered). */
const PLAIN_INLINE = new Set(['strong', 'b', 'em', 'i', 'a', 'span', 'code', 'u', 's', 'del', 'mark']);

/** Words with one space between them and none around: what collapsing white space leaves as it is (nor ZWSP nor bidi marks, which it treats apart). */
const KEPT_RUN = '[^\\s\\u061C\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]+';
const PLAIN_TEXT = new RegExp(`^${KEPT_RUN}(?: ${KEPT_RUN})*$`);
