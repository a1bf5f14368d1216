// Test helper: reads the renderer's HTML back into a hast tree with a real HTML parser (parse5 through
// hast-util-raw), so that assertions look at what a browser would build, not at strings.
import type { Element, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

export function parseHtml(html: string): Root {
  return raw({ type: 'root', children: [{ type: 'raw', value: html }] } as unknown as Root) as Root;
}

export function elements(tree: Root, test: (e: Element) => boolean = () => true): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (test(node)) out.push(node);
  });
  return out;
}

export function hasClass(e: Element, name: string): boolean {
  const c = e.properties.className;
  return Array.isArray(c) && c.includes(name);
}

export function text(node: Element | Root): string {
  return toText(node as Element).replace(/\s+/g, ' ').trim();
}
