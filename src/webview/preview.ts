// The preview's script, run inside the webview (bundled to media/dist/preview.js). It patches the
// content in place on each update, keeps which stories are open, the scroll position and the practice
// state (vscode.setState, so they survive a reload), and talks to the extension only through the
// checked messages of src/core/render/messages.ts.
import { parseHostMessage, parsePreviewState, type HostMessage, type PreviewState, type WebviewMessage } from '../core/render/messages';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const content = document.getElementById('content') as HTMLElement;
const body = document.body;

// A webview hidden and shown again starts over from the page it was first given, which may show an
// older document than the preview followed since; the saved state is never older than the page. The
// extension answers 'ready' with the current content: then the state is kept if it is still the same
// document, and reset if not.
const saved = parsePreviewState(vscode.getState());
const state: PreviewState = saved ?? {
  resource: body.dataset.resource ?? '',
  locked: body.dataset.locked === 'true',
  open: [],
  scrollY: 0,
  practice: false,
  revealed: [],
};
/** The scroll position to restore once the current content is in (the first page may be shorter). */
let pendingScroll: number | undefined = state.scrollY > 0 ? state.scrollY : undefined;
let current: string | undefined;
/** The document version on screen: a patch applies on top of the version it was made for only. */
let shownVersion = Number(body.dataset.version) || 0;

function save(): void {
  vscode.setState(state);
}

function stories(): HTMLDetailsElement[] {
  return Array.from(content.querySelectorAll<HTMLDetailsElement>('details.story'));
}

/** Puts the kept state back on the (new) content. */
function applyState(): void {
  const open = new Set(state.open);
  const revealed = new Set(state.revealed);
  for (const story of stories()) story.open = open.has(story.id);
  for (const section of Array.from(content.querySelectorAll<HTMLElement>('section.star'))) {
    section.classList.toggle('revealed', revealed.has(section.dataset.section ?? ''));
  }
  body.classList.toggle('practice', state.practice);
  const practice = document.getElementById('practice');
  practice?.setAttribute('aria-pressed', String(state.practice));
  if (current) document.getElementById(current)?.classList.add('current');
}

// ---- morphing: patch the live DOM into the new content, node by node -------------------------------

function sameKind(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType) return false;
  if (a instanceof Element && b instanceof Element) {
    return a.tagName === b.tagName && (a.getAttribute('data-story') ?? '') === (b.getAttribute('data-story') ?? '') && (a.getAttribute('data-section') ?? '') === (b.getAttribute('data-section') ?? '');
  }
  return true;
}

function morphAttributes(from: Element, to: Element): void {
  for (const { name } of Array.from(from.attributes)) {
    if (name === 'open' && from.tagName === 'DETAILS') continue; // the reader's choice, not the document's
    if (!to.hasAttribute(name)) from.removeAttribute(name);
  }
  for (const { name, value } of Array.from(to.attributes)) {
    if (from.getAttribute(name) !== value) from.setAttribute(name, value);
  }
}

function morphChildren(from: Node, to: Node): void {
  const before = Array.from(from.childNodes);
  const after = Array.from(to.childNodes);
  after.forEach((next, i) => {
    const old = before[i];
    if (!old) from.appendChild(next);
    else if (sameKind(old, next)) morph(old, next);
    else from.replaceChild(next, old);
  });
  for (let i = after.length; i < before.length; i++) before[i].remove();
}

function morph(from: Node, to: Node): void {
  if (from instanceof Element && to instanceof Element) {
    morphAttributes(from, to);
    morphChildren(from, to);
  } else if (from.nodeValue !== to.nodeValue) {
    from.nodeValue = to.nodeValue;
  }
}

function parsed(html: string): DocumentFragment {
  // A <template> parses without running anything; the HTML is sanitized by the extension anyway.
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

function update(html: string): void {
  morphChildren(content, parsed(html));
  applyState();
}

function storyElement(id: string): HTMLElement | undefined {
  return stories().find((s) => s.dataset.story === id);
}

/** Replaces the stories an edit changed and moves the lines of the rest; false when the page is not the one the patch is for. */
function patch(message: Extract<HostMessage, { type: 'patch' }>): boolean {
  if (message.resource !== state.resource || message.base !== shownVersion) return false;
  const replaced = message.stories.map((s) => ({ old: storyElement(s.id), next: parsed(s.html).firstElementChild }));
  if (replaced.some((r) => !r.old || !r.next)) return false;
  const { after, delta } = message.shift;
  if (delta) {
    for (const element of Array.from(content.querySelectorAll<HTMLElement>('[data-line]'))) {
      const line = Number(element.dataset.line);
      if (Number.isSafeInteger(line) && line > after) element.dataset.line = String(line + delta);
    }
  }
  for (const { old, next } of replaced) morph(old!, next!);
  applyState();
  return true;
}

// ---- the reader's actions ---------------------------------------------------------------------------

function setAll(open: boolean): void {
  state.open = open ? stories().map((s) => s.id) : [];
  applyState();
  save();
}

function togglePractice(): void {
  state.practice = !state.practice;
  state.open = [];
  state.revealed = [];
  applyState();
  save();
}

function reveal(key: string): void {
  if (!state.revealed.includes(key)) state.revealed.push(key);
  applyState();
  save();
}

document.getElementById('expand-all')?.addEventListener('click', () => setAll(true));
document.getElementById('collapse-all')?.addEventListener('click', () => setAll(false));
document.getElementById('practice')?.addEventListener('click', togglePractice);

content.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : undefined;
  const goto = target?.closest<HTMLElement>('button.goto');
  if (goto) {
    const line = Number(goto.dataset.line);
    if (Number.isSafeInteger(line) && line >= 0) vscode.postMessage({ type: 'reveal', line });
    return;
  }
  const revealButton = target?.closest<HTMLElement>('button.reveal');
  const label = target?.closest<HTMLElement>('.star-label');
  const section = (revealButton ?? label)?.closest<HTMLElement>('section.star');
  if (state.practice && section?.dataset.section) reveal(section.dataset.section);
});

content.addEventListener('dblclick', (event) => {
  const section = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-line]') : null;
  const line = Number(section?.dataset.line);
  if (section && Number.isSafeInteger(line) && line >= 0) vscode.postMessage({ type: 'reveal', line });
});

// <details> toggles do not bubble: listen in the capture phase.
content.addEventListener(
  'toggle',
  (event) => {
    const story = event.target;
    if (!(story instanceof HTMLDetailsElement) || !story.classList.contains('story')) return;
    const open = new Set(state.open);
    if (story.open) open.add(story.id);
    else open.delete(story.id);
    state.open = [...open];
    save();
  },
  true,
);

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => {
    state.scrollY = Math.max(0, window.scrollY);
    save();
  }, 100);
});

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseHostMessage(event.data);
  if (!message) return;
  if (message.type === 'update') {
    if (message.resource !== state.resource) {
      // Another document: its stories start closed and at the top.
      state.resource = message.resource;
      state.open = [];
      state.revealed = [];
      state.scrollY = 0;
      pendingScroll = undefined;
      window.scrollTo(0, 0);
    }
    state.locked = message.locked;
    update(message.html);
    if (pendingScroll !== undefined) {
      state.scrollY = pendingScroll;
      pendingScroll = undefined;
      window.scrollTo(0, state.scrollY);
    }
    save();
    shownVersion = message.version;
    vscode.postMessage({ type: 'rendered', version: message.version, resource: message.resource, touched: stories().map((s) => s.dataset.story ?? '').filter(Boolean) });
  } else if (message.type === 'patch') {
    // Not on top of what is shown (a page reloaded meanwhile, a message lost): ask for the whole content.
    if (!patch(message)) {
      vscode.postMessage({ type: 'ready' });
      return;
    }
    save();
    shownVersion = message.version;
    vscode.postMessage({ type: 'rendered', version: message.version, resource: message.resource, touched: message.stories.map((s) => s.id) });
  } else if (message.type === 'focusStory') {
    document.getElementById(current ?? '')?.classList.remove('current');
    current = message.id;
    const story = document.getElementById(message.id);
    if (!story) return;
    if (!state.practice && !state.open.includes(message.id)) {
      state.open.push(message.id);
      applyState();
      save();
    }
    story.classList.add('current');
    story.scrollIntoView({ block: 'start' });
    vscode.postMessage({ type: 'focused', id: message.id });
  }
});

applyState();
window.scrollTo(0, state.scrollY);
save();
vscode.postMessage({ type: 'ready' });
vscode.postMessage({ type: 'rendered', version: Number(body.dataset.version) || 0, resource: state.resource });
