// The practice session's script, run inside the webview (bundled to media/dist/practice.js). It shows
// the question the extension sends, runs the countdown, reveals the answer part by part and sends the
// rating back. Every step has a key; the extension's own commands arrive as 'action' messages and go
// through the same functions as the keys. Messages are checked by src/core/practice/messages.ts.
import { parsePracticeHostMessage, type PracticeAction, type PracticeQuestion, type PracticeSummary, type PracticeWebviewMessage } from '../core/practice/messages';
import type { Outcome } from '../core/practice/history';
import type { PartKind } from '../core/practice/messages';

interface VsCodeApi {
  postMessage(message: PracticeWebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const questionView = $('question-view');
const doneView = $('done-view');
const emptyView = $('empty-view');
const progress = $('progress');
const principle = $('principle');
const questionTitle = $('question');
const history = $('history');
const parts = $('parts');
const timer = $('timer');
const timerState = $('timer-state');
const meter = $('meter-fill');
const pauseButton = $<HTMLButtonElement>('pause');
const announce = $('announce');

let current: PracticeQuestion | undefined;
let revealed: PartKind[] = [];
let startedAt = 0;
let pausedAt: number | undefined;
let ticking: ReturnType<typeof setInterval> | undefined;
let announcedOver = false;
let rated = false;

function post(message: PracticeWebviewMessage): void {
  vscode.postMessage(message);
}

function say(text: string): void {
  // Cleared first so that the same words twice are read twice.
  announce.textContent = '';
  setTimeout(() => (announce.textContent = text), 50);
}

function show(view: HTMLElement): void {
  for (const v of [questionView, doneView, emptyView]) v.hidden = v !== view;
}

// ---- the countdown ---------------------------------------------------------------------------------

function elapsedSeconds(): number {
  return ((pausedAt ?? Date.now()) - startedAt) / 1000;
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function tick(): void {
  if (!current) return;
  const left = current.targetSeconds - elapsedSeconds();
  const over = left < 0;
  timer.textContent = over ? `+${clock(-left)}` : clock(Math.ceil(left));
  timer.classList.toggle('over', over);
  timer.setAttribute('aria-label', over ? `Over time by ${clock(-left)}` : `${clock(Math.ceil(left))} left`);
  timerState.textContent = pausedAt !== undefined ? 'paused' : over ? 'over time' : 'left';
  meter.style.width = `${Math.min(100, (elapsedSeconds() / Math.max(1, current.targetSeconds)) * 100)}%`;
  meter.classList.toggle('over', over);
  if (over && !announcedOver) {
    announcedOver = true;
    say(`Time is up at ${clock(current.targetSeconds)}. The timer now counts the time over.`);
  }
}

function startTimer(elapsed: number): void {
  clearInterval(ticking);
  startedAt = Date.now() - elapsed * 1000;
  pausedAt = undefined;
  announcedOver = false;
  pauseButton.setAttribute('aria-pressed', 'false');
  tick();
  ticking = setInterval(tick, 250);
}

function togglePause(): void {
  if (!current || rated) return;
  if (pausedAt === undefined) {
    pausedAt = Date.now();
    clearInterval(ticking);
    say('Timer paused');
  } else {
    startedAt += Date.now() - pausedAt;
    pausedAt = undefined;
    ticking = setInterval(tick, 250);
    say('Timer running');
  }
  pauseButton.setAttribute('aria-pressed', String(pausedAt !== undefined));
  tick();
}

// ---- the question ----------------------------------------------------------------------------------

function renderQuestion(q: PracticeQuestion): void {
  current = q;
  rated = false;
  revealed = [...q.revealed];
  progress.textContent = `Question ${q.n} of ${q.total}`;
  principle.textContent = q.principle;
  questionTitle.textContent = q.title || 'Untitled story';
  history.textContent = q.history;
  parts.replaceChildren();
  q.parts.forEach((part, i) => {
    const id = `part-${i}`;
    const section = document.createElement('section');
    section.className = `part part-${part.kind}`;
    const heading = document.createElement('h2');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'part-toggle';
    button.dataset.index = String(i);
    button.setAttribute('aria-controls', id);
    button.setAttribute('aria-keyshortcuts', String(i + 1));
    const key = document.createElement('kbd');
    key.textContent = String(i + 1);
    button.append(key, ` ${part.name}`);
    heading.append(button);
    const body = document.createElement('div');
    body.id = id;
    body.className = 'part-body';
    // Sanitized by the extension (the preview's renderer); a <template> parses without running anything.
    const template = document.createElement('template');
    template.innerHTML = part.html;
    body.append(template.content);
    section.append(heading, body);
    parts.append(section);
  });
  if (!q.parts.length) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'This story has no Situation, Task, Action or Result written yet.';
    parts.append(p);
  }
  applyRevealed();
  show(questionView);
  startTimer(q.elapsedSeconds);
  questionTitle.focus();
  post({ type: 'shown', n: q.n });
}

function applyRevealed(): void {
  if (!current) return;
  current.parts.forEach((part, i) => {
    const open = revealed.includes(part.kind);
    const button = parts.querySelector<HTMLButtonElement>(`button[data-index="${i}"]`);
    const body = document.getElementById(`part-${i}`);
    button?.setAttribute('aria-expanded', String(open));
    button?.setAttribute('title', open ? `${part.name} shown` : `Show the ${part.name}`);
    if (body) body.hidden = !open;
  });
  const left = current.parts.filter((p) => !revealed.includes(p.kind)).length;
  $<HTMLButtonElement>('reveal-next').disabled = left === 0;
  $<HTMLButtonElement>('reveal-all').disabled = left === 0;
}

function reveal(indexes: number[]): void {
  if (!current) return;
  const added = indexes.map((i) => current!.parts[i]).filter((p) => p && !revealed.includes(p.kind));
  if (!added.length) return;
  revealed.push(...added.map((p) => p.kind));
  applyRevealed();
  say(added.map((p) => `${p.name}: ${document.getElementById(`part-${current!.parts.indexOf(p)}`)?.textContent?.trim() ?? ''}`).join('. '));
  post({ type: 'revealed', n: current.n, kinds: [...revealed] });
}

function revealNext(): void {
  if (!current) return;
  const next = current.parts.findIndex((p) => !revealed.includes(p.kind));
  if (next >= 0) reveal([next]);
}

function revealAll(): void {
  if (current) reveal(current.parts.map((_, i) => i));
}

function rate(outcome: Outcome): void {
  if (!current || rated || questionView.hidden) return;
  rated = true;
  clearInterval(ticking);
  const seconds = Math.round(elapsedSeconds());
  say(outcome === 'nailed' ? 'Nailed it. Next question.' : outcome === 'shaky' ? 'Shaky: it will come back sooner. Next question.' : 'Skipped. Next question.');
  post({ type: 'rate', n: current.n, outcome, seconds });
}

function renderDone(summary: PracticeSummary): void {
  current = undefined;
  clearInterval(ticking);
  $('done-summary').textContent = `${summary.scope}: ${summary.total} ${summary.total === 1 ? 'question' : 'questions'}, ${summary.nailed} nailed, ${summary.shaky} shaky, ${summary.skipped} skipped.`;
  show(doneView);
  $('done-title').focus();
}

function renderEmpty(message: string): void {
  current = undefined;
  clearInterval(ticking);
  $('empty-message').textContent = message;
  show(emptyView);
  $('empty-message').focus();
}

function run(action: PracticeAction): void {
  switch (action) {
    case 'reveal-next':
      return revealNext();
    case 'reveal-all':
      return revealAll();
    case 'rate-nailed':
      return rate('nailed');
    case 'rate-shaky':
      return rate('shaky');
    case 'rate-skipped':
      return rate('skipped');
    case 'pause':
      return togglePause();
    case 'restart':
      if (!doneView.hidden) post({ type: 'restart' });
      return;
  }
}

// ---- keys and buttons ------------------------------------------------------------------------------

const KEYS: Record<string, PracticeAction> = {
  ' ': 'reveal-next',
  ArrowRight: 'reveal-next',
  r: 'reveal-next',
  a: 'reveal-all',
  n: 'rate-nailed',
  y: 'rate-nailed',
  s: 'rate-shaky',
  k: 'rate-skipped',
  p: 'pause',
};

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  const onButton = event.target instanceof HTMLButtonElement;
  // Space and Enter on a focused button press that button.
  if (onButton && (event.key === ' ' || event.key === 'Enter')) return;
  if (event.key === 'Enter' && !doneView.hidden) {
    event.preventDefault();
    run('restart');
    return;
  }
  const digit = Number(event.key);
  if (Number.isInteger(digit) && digit >= 1 && digit <= 9 && !questionView.hidden) {
    event.preventDefault();
    reveal([digit - 1]);
    return;
  }
  const action = KEYS[event.key.length === 1 ? event.key.toLowerCase() : event.key];
  if (action && !questionView.hidden) {
    event.preventDefault();
    run(action);
  }
});

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button') : null;
  if (!button) return;
  if (button.classList.contains('part-toggle')) return reveal([Number(button.dataset.index)]);
  const action = button.dataset.action as PracticeAction | undefined;
  if (action) run(action);
});

window.addEventListener('message', (event: MessageEvent) => {
  const message = parsePracticeHostMessage(event.data);
  if (!message) return;
  if (message.type === 'question') renderQuestion(message.question);
  else if (message.type === 'done') renderDone(message.summary);
  else if (message.type === 'empty') renderEmpty(message.message);
  else run(message.action);
});

post({ type: 'ready' });
