import type { Element, ElementContent } from 'hast';
import { el } from './hast';

const MARKER = /^\s*[-*•]\s+/;

/**
 * Lines written as "- item<br>" inside raw HTML (the seed's format) read as a list in the preview, as
 * their author meant. Returns undefined when the run is not such a list: every line after a <br> must
 * start with a dash; a line that follows a plain newline without a dash continues the item above.
 */
export function dashList(run: readonly ElementContent[]): Element | undefined {
  const items: ElementContent[][] = [];
  let current: ElementContent[] | undefined;
  let hard = true; // the next line starts after a <br> (or at the start)
  let lineStart = true;
  const startLine = (text: string): string | undefined => {
    if (MARKER.test(text)) {
      current = [];
      items.push(current);
      return text.replace(MARKER, '');
    }
    if (text.trim() === '') return text;
    if (hard || !current) return undefined;
    current.push({ type: 'text', value: ' ' });
    return text.trimStart();
  };
  for (const node of run) {
    if (node.type === 'element' && node.tagName === 'br') {
      hard = true;
      lineStart = true;
      continue;
    }
    if (node.type === 'text') {
      const lines = node.value.split(/\r?\n|\r/);
      for (let i = 0; i < lines.length; i++) {
        if (i > 0) {
          lineStart = true;
          hard = false;
        }
        let text = lines[i];
        if (lineStart) {
          if (text.trim() === '') continue;
          const rest = startLine(text);
          if (rest === undefined) return undefined;
          text = rest;
          lineStart = false;
        }
        if (text) current!.push({ type: 'text', value: i < lines.length - 1 ? text.trimEnd() : text });
      }
      continue;
    }
    if (lineStart) return undefined; // a line that starts with markup, not a dash
    current!.push(node);
  }
  if (!items.length) return undefined;
  return el('ul', {}, items.map((children) => el('li', {}, trimEnd(children))));
}

function trimEnd(nodes: ElementContent[]): ElementContent[] {
  const out = [...nodes];
  const last = out[out.length - 1];
  if (last?.type === 'text') {
    const value = last.value.trimEnd();
    if (value) out[out.length - 1] = { ...last, value };
    else out.pop();
  }
  return out;
}
