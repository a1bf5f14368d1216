import type { Element, ElementContent, Root, RootContent } from 'hast';
import { dashList } from './dashList';
import { el, isBlank, isPhrasing } from './hast';

type Node = RootContent | ElementContent;

/**
 * The part of a parsed document between two offsets, as hast: what a section or a definition says,
 * with its lists, bold and links. Elements that start before `start` (the list item or paragraph that
 * also holds the label) are unwrapped; elements cut at `end` keep their tag. Text is cut at the exact
 * characters when the source maps onto it.
 */
export function sliceHast(tree: Root, source: string, start: number, end: number): ElementContent[] {
  if (end <= start) return [];
  const nodes = sliceNodes(tree.children, source, start, end);
  return wrapInline(trimEdges(nodes));
}

function sliceNodes(nodes: readonly Node[], source: string, start: number, end: number): ElementContent[] {
  const out: ElementContent[] = [];
  for (let i = firstCandidate(nodes, start); i < nodes.length; i++) {
    const node = nodes[i];
    if (node.type !== 'element' && node.type !== 'text') continue; // comments, doctypes
    const span = spanOf(node);
    if (!span) continue; // whitespace glue without a position
    const [s, e] = span;
    if (s >= end) break; // siblings come in document order
    if (e <= start) continue;
    if (s >= start && e <= end) {
      out.push(structuredClone(node));
    } else if (node.type === 'text') {
      const value = cutText(node.value, source.slice(s, e), s, start, end);
      if (value) out.push({ type: 'text', value });
    } else {
      const children = sliceNodes(node.children, source, start, end);
      if (s < start) out.push(...children);
      else if (children.length) out.push({ ...node, properties: { ...node.properties }, children });
    }
  }
  return out;
}

/** Skips, by bisection, the siblings that end before `start` (a long file has thousands at the top). */
function firstCandidate(nodes: readonly Node[], start: number): number {
  let low = 0;
  let high = nodes.length;
  while (high - low > 8) {
    const mid = (low + high) >> 1;
    const end = positionedEnd(nodes, mid);
    if (end !== undefined && end <= start) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The end of the nearest positioned node at or after `index`'s left, for bisection. */
function positionedEnd(nodes: readonly Node[], index: number): number | undefined {
  for (let i = index; i >= 0; i--) {
    const span = spanOf(nodes[i]);
    if (span) return span[1];
  }
  return undefined;
}

/** Start and end offsets of a node; elements without a position take their children's. */
function spanOf(node: Node): [number, number] | undefined {
  const s = node.position?.start?.offset;
  const e = node.position?.end?.offset;
  if (s !== undefined && e !== undefined) return [s, e];
  if (node.type !== 'element') return undefined;
  let low: number | undefined;
  let high: number | undefined;
  for (const child of node.children) {
    const span = spanOf(child);
    if (!span) continue;
    low = low === undefined ? span[0] : Math.min(low, span[0]);
    high = high === undefined ? span[1] : Math.max(high, span[1]);
  }
  return low === undefined || high === undefined ? undefined : [low, high];
}

/**
 * The part of a text node's value between two document offsets. When the value is the source as
 * written, that is a plain slice; otherwise (entities, escapes, stripped indentation) each character
 * of the value is matched to the source greedily.
 */
function cutText(value: string, written: string, base: number, start: number, end: number): string {
  if (written === value) return value.slice(Math.max(0, start - base), Math.max(0, end - base));
  let p = 0;
  let out = '';
  for (const ch of value) {
    const found = written.indexOf(ch, p);
    if (found !== -1 && found - p <= 12) p = found;
    const at = base + p;
    if (at >= start && at < end) out += ch;
    p = Math.min(written.length, p + ch.length);
  }
  return out;
}

/** Drops line breaks, blank text and a plain label's colon at the edges. */
function trimEdges(nodes: ElementContent[]): ElementContent[] {
  const list = [...nodes];
  while (list.length && isBlank(list[0])) list.shift();
  while (list.length && isBlank(list[list.length - 1])) list.pop();
  const first = list[0];
  if (first?.type === 'text') {
    const value = first.value.replace(/^\s*[:：]?\s*/, '');
    if (value) list[0] = { ...first, value };
    else return trimEdges(list.slice(1));
  }
  return list;
}

/** Runs of inline content at the top level become paragraphs, so that a section reads as blocks. */
function wrapInline(nodes: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    while (run.length && isBlank(run[run.length - 1])) run.pop();
    if (run.some((n) => !isBlank(n))) out.push(dashList(run) ?? el('p', {}, run));
    run = [];
  };
  for (const node of nodes) {
    if (isPhrasing(node)) {
      if (run.length || !isBlank(node)) run.push(node);
    } else {
      flush();
      out.push(node as Element);
    }
  }
  flush();
  return out;
}
