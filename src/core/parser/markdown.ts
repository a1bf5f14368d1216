import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { raw } from 'hast-util-raw';
import { toHast } from 'mdast-util-to-hast';
import remarkFrontmatter from 'remark-frontmatter';
import { remarkGfmRead } from './gfm';
import { readInParts } from './inParts';
import { readSimpleRawHtml } from './simpleHtml';
import { readSimpleMarkdown } from './simpleMarkdown';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';

const processor = unified().use(remarkParse).use(remarkGfmRead);
// Front matter (YAML `---` or TOML `+++` at the top) is metadata, never a question or a story.
const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfmRead);
const FRONT_MATTER = /^\uFEFF?(?:---|\+\+\+)[ \t]*\r?\n/;

/**
 * The file's mdast: read directly when it uses only the constructs simpleMarkdown.ts knows (most story
 * banks), by micromark otherwise. `full` forces micromark (the tests compare both readers).
 */
export function readMdast(text: string, full = false): MdastRoot {
  if (FRONT_MATTER.test(text)) return withFrontMatter.parse(text);
  return (full ? undefined : readSimpleMarkdown(text)) ?? readWithMicromark(text);
}

/** micromark's mdast of a text without front matter: a big file in parts (see inParts.ts), `partBytes` apart at least. */
export function readWithMicromark(text: string, partBytes?: number): MdastRoot {
  return readInParts(text, (part) => processor.parse(part), partBytes);
}

/** Whether `readMdast` reads the text without micromark (the full reader: several times slower). */
export function readsQuickly(text: string): boolean {
  return !FRONT_MATTER.test(text) && readSimpleMarkdown(text) !== undefined;
}

/** How a file's raw HTML was read: it had none, simple HTML read directly, or hast-util-raw (parse5). */
export type HtmlRoute = 'none' | 'simple' | 'full';

/**
 * Markdown and its raw HTML as one hast tree, with positions into `text`.
 * Raw HTML (the seed's <details> blocks) is re-parsed by hast-util-raw, so a <details> opened in one
 * HTML block and closed in another becomes one element around the markdown between them; simple HTML
 * (tags without attributes, closed in order) is read directly into the same tree (see simpleHtml.ts).
 * `fullHtmlRoute` forces hast-util-raw (the tests compare both routes).
 */
export function markdownToHast(original: string, options: { fullHtmlRoute?: boolean } = {}): { tree: HastRoot; problems: string[]; route: HtmlRoute } {
  const text = defusePathologicalMarkdown(original);
  const problems: string[] = [];
  let mdast: MdastRoot;
  try {
    mdast = readMdast(text);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { tree: { type: 'root', children: [] }, problems: [TOO_DEEP], route: 'none' };
  }
  // Every later step recurses over the tree: cut what no one writes (thousands of nested lists)
  // so that the stack never decides what is read.
  if (pruneDeep(mdast)) problems.push(TOO_DEEP);
  readIndentedHtmlAsHtml(mdast, text);
  // Re-reading through an HTML parser is most of the pipeline's cost; a file without raw HTML skips it.
  if (!hasRawHtml(mdast)) return { tree: toHast(mdast) as HastRoot, problems, route: 'none' };
  let route: HtmlRoute = 'full';
  try {
    const withRaw = toHast(mdast, { allowDangerousHtml: true }) as HastRoot;
    const simple = options.fullHtmlRoute ? undefined : readSimpleRawHtml(withRaw, text);
    if (simple) route = 'simple';
    const hast = simple ?? (raw(withRaw, { file: new VFile(text) }) as HastRoot);
    if (!pruneDeep(hast)) return { tree: hast, problems, route };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  // Raw HTML nested thousands deep: read the markdown without its HTML rather than fail.
  return { tree: toHast(mdast) as HastRoot, problems: [...problems, HTML_TOO_DEEP], route };
}

/** True when the tree holds raw HTML (a block or inline tag), without recursion. */
function hasRawHtml(tree: MdastRoot): boolean {
  const stack: { type: string; children?: unknown[] }[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'html') return true;
    if (node.children) for (const child of node.children) stack.push(child as { type: string; children?: unknown[] });
  }
  return false;
}

const MAX_DEPTH = 256;
const TOO_DEEP = 'This file is nested too deeply to read in full (hundreds of nested quotes or lists); the deepest parts were skipped.';
const HTML_TOO_DEEP = 'The raw HTML in this file is nested too deeply to read; stories written in HTML were skipped.';

/** Drops the children of nodes deeper than MAX_DEPTH, without recursion. True when it dropped any. */
export function pruneDeep(tree: { children?: unknown[] }): boolean {
  let pruned = false;
  // Two stacks side by side, so that no pair is allocated per node.
  const nodes: { children?: unknown[] }[] = [tree];
  const depths: number[] = [0];
  while (nodes.length) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (!Array.isArray(node.children) || !node.children.length) continue;
    if (depth >= MAX_DEPTH) {
      node.children = [];
      pruned = true;
      continue;
    }
    for (const child of node.children) {
      nodes.push(child as { children?: unknown[] });
      depths.push(depth + 1);
    }
  }
  return pruned;
}

const MAX_BRACKETS_PER_LINE = 200;
const MAX_BRACKETS = 10_000;
const MAX_CONTAINERS_PER_LINE = 64;
const CONTAINER_RUN = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))){65,}/gm;
const HAS_CONTAINER_RUN = new RegExp(CONTAINER_RUN.source, 'm');
const CONTAINER_MARKER = />|[-*+]|\d{1,9}[.)]/g;

/**
 * Some text costs micromark quadratic time: a line of 50,000 "[" or of 10,000 nested "- " takes minutes.
 * Such lines are never prose, so their markers become characters of the same length that mean nothing,
 * which keeps every offset.
 */
export function defusePathologicalMarkdown(text: string): string {
  if (!text.includes('[') && !HAS_CONTAINER_RUN.test(text)) return text;
  let total = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 91) total++;
  if (total > MAX_BRACKETS) return defusePathologicalMarkdown(text.replace(/\[/g, '\u2045').replace(/\]/g, '\u2046'));
  // Thousands of nested quotes or list items on one line ("> > > …", "- - - …") cost as much: beyond
  // a depth no one writes, their markers become spaces.
  text = text.replace(CONTAINER_RUN, (run) => {
    let depth = 0;
    return run.replace(CONTAINER_MARKER, (marker) => (++depth > MAX_CONTAINERS_PER_LINE ? ' '.repeat(marker.length) : marker));
  });
  return text.replace(/[^\r\n]+/g, (line) => {
    let count = 0;
    for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 91) count++;
    return count > MAX_BRACKETS_PER_LINE ? line.replace(/\[/g, '\u2045').replace(/\]/g, '\u2046') : line;
  });
}

/**
 * A blank line inside a <details> story ends CommonMark's HTML block, and the indented <li> lines after
 * it become an indented code block. Nobody means code there: an indented block that starts with a tag,
 * right after raw HTML, is read as the HTML it is (its source, so positions stay exact).
 */
function readIndentedHtmlAsHtml(tree: MdastRoot, text: string): void {
  tree.children.forEach((node, i) => {
    if (node.type !== 'code' || node.lang || !node.position || tree.children[i - 1]?.type !== 'html') return;
    const source = text.slice(node.position.start.offset, node.position.end.offset);
    if (!/^[ \t]*</.test(source) || /^[ \t]*(`{3}|~{3})/.test(source)) return;
    tree.children[i] = { type: 'html', value: source, position: node.position };
  });
}
