import type { Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';

const processor = unified().use(remarkParse).use(remarkGfm);

/**
 * Markdown and its raw HTML as one hast tree, with positions into `text`.
 * Raw HTML (the seed's <details> blocks) is re-parsed by hast-util-raw, so a <details> opened in one
 * HTML block and closed in another becomes one element around the markdown between them.
 */
export function markdownToHast(original: string): { tree: HastRoot; problems: string[] } {
  const text = defuseBrackets(original);
  let mdast;
  try {
    mdast = processor.parse(text);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { tree: { type: 'root', children: [] }, problems: ['This file is nested too deeply to read as a story bank (thousands of nested quotes or lists).'] };
  }
  try {
    const hast = toHast(mdast, { allowDangerousHtml: true });
    return { tree: raw(hast as HastRoot, { file: new VFile(text) }) as HastRoot, problems: [] };
  } catch (error) {
    // Pathological HTML (thousands of nested tags) overflows the stack of the HTML tree builders:
    // read the markdown without its raw HTML rather than fail.
    if (!(error instanceof RangeError)) throw error;
    return {
      tree: toHast(mdast) as HastRoot,
      problems: ['The raw HTML in this file is nested too deeply to read; stories written in HTML were skipped.'],
    };
  }
}

const MAX_BRACKETS_PER_LINE = 200;
const MAX_BRACKETS = 10_000;

/**
 * Link labels cost micromark quadratic time: a line of 50,000 "[" takes minutes. Such lines are never
 * prose, so their brackets become look-alike characters of the same length, which keeps every offset.
 */
export function defuseBrackets(text: string): string {
  if (!text.includes('[') && !text.includes('>>>>')) return text;
  let total = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 91) total++;
  if (total > MAX_BRACKETS) return defuseBrackets(text.replace(/\[/g, '\u2045').replace(/\]/g, '\u2046'));
  // Thousands of nested block quotes cost as much: beyond a depth no one writes, ">" becomes a space.
  text = text.replace(/^(?:[ \t]*>){64,}/gm, (quotes) => quotes.slice(0, 64) + quotes.slice(64).replace(/>/g, ' '));
  return text.replace(/[^\r\n]+/g, (line) => {
    let count = 0;
    for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 91) count++;
    return count > MAX_BRACKETS_PER_LINE ? line.replace(/\[/g, '\u2045').replace(/\]/g, '\u2046') : line;
  });
}
