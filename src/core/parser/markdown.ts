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
export function markdownToHast(text: string): HastRoot {
  const mdast = processor.parse(text);
  const hast = toHast(mdast, { allowDangerousHtml: true });
  return raw(hast as HastRoot, { file: new VFile(text) }) as HastRoot;
}
