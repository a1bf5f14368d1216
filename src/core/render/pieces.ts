import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { BankFile } from '../model';
import { renderBankNodesSteps, runToEnd, type RenderOptions, type RenderedStory, type StoryReuse } from './bank';
import type { StoryHtmlCache } from './storyCache';

/**
 * The preview's content cut into its stories and the rest (principles, definitions, "Also answered by"),
 * so that an edit sends the webview only the stories it changed (see planPreviewPatch).
 */
export interface PreviewPieces {
  /** The page with each story left as an empty placeholder that keeps its id. */
  skeleton: string;
  stories: { id: string; html: string }[];
}

export interface RenderedPreview {
  html: string;
  stories: RenderedStory[];
  pieces: PreviewPieces;
}

/** renderBank, with the same HTML cut into pieces. */
export function renderPreview(text: string, bank: BankFile, options: RenderOptions = {}): RenderedPreview {
  return runToEnd(renderPreviewSteps(text, bank, options));
}

/**
 * renderPreview in steps, one a story (see renderBankNodesSteps), for the extension host's thread. With `cache`
 * (the preview keeps one per panel), a story whose HTML the last finished render made is not rendered again.
 */
export function* renderPreviewSteps(text: string, bank: BankFile, options: RenderOptions & { cache?: StoryHtmlCache } = {}): Generator<void, RenderedPreview> {
  const { cache, ...rest } = options;
  const reuse: StoryReuse | undefined = cache && { cache, found: new Map(), toKeep: new Map() };
  cache?.begin();
  const { nodes, stories } = yield* renderBankNodesSteps(text, bank, { ...rest, reuse });
  const cut: PreviewPieces['stories'] = [];
  const children: ElementContent[] = [];
  for (const node of nodes) children.push(yield* cutStories(node, cut, reuse));
  const skeleton = toHtml({ type: 'root', children });
  cache?.end();
  return { html: withStories(skeleton, cut), stories, pieces: { skeleton, stories: cut } };
}

function* cutStories(node: ElementContent, out: PreviewPieces['stories'], reuse: StoryReuse | undefined): Generator<void, ElementContent> {
  if (node.type !== 'element') return node;
  const id = node.properties?.dataStory;
  if (node.tagName === 'details' && typeof id === 'string') {
    const found = reuse?.found.get(id);
    if (found !== undefined) {
      out.push({ id, html: found });
      return emptyStory(id);
    }
    yield;
    const html = toHtml(node);
    out.push({ id, html });
    const keep = reuse?.toKeep.get(id);
    if (keep) reuse!.cache.set(keep.part, keep.key, keep.startLine, html);
    return emptyStory(id);
  }
  const children: ElementContent[] = [];
  for (const child of node.children) children.push(yield* cutStories(child, out, reuse));
  return { ...node, children };
}

function emptyStory(id: string): ElementContent {
  return { type: 'element', tagName: 'details', properties: { dataStory: id }, children: [] };
}

/**
 * The whole page: the skeleton with each story's HTML in its placeholder, in order (what serializing the whole tree
 * gives, without serializing every story twice).
 */
function withStories(skeleton: string, stories: PreviewPieces['stories']): string {
  const parts: string[] = [];
  let from = 0;
  for (const story of stories) {
    const placeholder = toHtml(emptyStory(story.id));
    const at = skeleton.indexOf(placeholder, from);
    if (at < 0) throw new Error(`the preview's placeholder of story ${story.id} is missing`);
    parts.push(skeleton.slice(from, at), story.html);
    from = at + placeholder.length;
  }
  parts.push(skeleton.slice(from));
  return parts.join('');
}

/** Lines after `after` (0-based) moved by `delta`: what a line break typed or deleted does to the rest. */
export interface LineShift {
  after: number;
  delta: number;
}

const LINE_BREAK = /\r\n|\r|\n/g;
const count = (text: string) => text.match(LINE_BREAK)?.length ?? 0;

/** How an edit from `before` to `after` moved the lines after it (an insertion or deletion in one place). */
export function lineShift(before: string, after: string): LineShift {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never cut a CRLF in two: its line is the one it ends.
  if (start > 0 && before[start - 1] === '\r') start--;
  let suffix = 0;
  while (suffix < max - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { after: count(before.slice(0, start)), delta: count(after.slice(start, after.length - suffix)) - count(before.slice(start, before.length - suffix)) };
}

/** The `data-line` attributes of rendered HTML moved as the webview moves them (see src/webview/preview.ts). */
export function shiftLines(html: string, shift: LineShift): string {
  if (!shift.delta) return html;
  return html.replace(/ data-line="(\d+)"/g, (whole, line: string) => (Number(line) > shift.after ? ` data-line="${Number(line) + shift.delta}"` : whole));
}

/**
 * What to send the webview that shows `previous` so that it shows `next`: the stories whose HTML changed
 * (beyond lines moved by the edit), or undefined when the page around them changed (stories added,
 * removed or renamed, a principle's text) and the whole content is to be sent.
 */
export function planPreviewPatch(previous: PreviewPieces, next: PreviewPieces, shift: LineShift): { id: string; html: string }[] | undefined {
  if (shiftLines(previous.skeleton, shift) !== next.skeleton || previous.stories.length !== next.stories.length) return undefined;
  return next.stories.filter((story, i) => previous.stories[i].id !== story.id || shiftLines(previous.stories[i].html, shift) !== story.html);
}
