import type { ElementContent } from 'hast';
import { el } from './hast';
import { metricRanges } from './metrics';

/** Wraps every number of the text nodes in <mark class="metric"> (on the tree, never on HTML strings). */
export function highlightMetrics(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'text') return splitText(node.value);
    if (node.type === 'element' && node.tagName !== 'code' && node.tagName !== 'pre' && node.tagName !== 'mark') {
      return [{ ...node, children: highlightMetrics(node.children) }];
    }
    return [node];
  });
}

function splitText(value: string): ElementContent[] {
  const ranges = metricRanges(value);
  if (!ranges.length) return [{ type: 'text', value }];
  const out: ElementContent[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) out.push({ type: 'text', value: value.slice(at, s) });
    out.push(el('mark', { className: ['metric'] }, [value.slice(s, e)]));
    at = e;
  }
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}
