import type { RenderedSection } from '../lint/sectionStyle';

/** Escapes text for VS Code's snippet syntax, where `$`, `}` and `\` are special. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** A rendered section as a snippet: one tab stop `${1}` where the writer types, `before`/`after` around it. */
export function toSnippet(rendered: RenderedSection, before = '', after = ''): string {
  const head = rendered.text.slice(0, rendered.cursor);
  const tail = rendered.text.slice(rendered.cursor);
  return escapeSnippet(before + head) + '${1}' + escapeSnippet(tail + after);
}
