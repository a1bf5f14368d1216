import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Processor } from 'unified';

/**
 * remark-gfm for reading only: the same micromark and mdast extensions (tables, footnotes, task lists,
 * strikethrough, autolinks) without remark-gfm's markdown writer, which we never call and which would
 * bring mdast-util-to-markdown into every bundle.
 */
export function remarkGfmRead(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfm());
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
}
