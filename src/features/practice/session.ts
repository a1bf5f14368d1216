import * as vscode from 'vscode';
import type { PartKind } from '../../core/practice/messages';
import { loadRender } from '../shared/lazy';
import type { Outcome } from '../../core/practice/history';
import {
  parsePracticeWebviewMessage,
  type PracticeAction,
  type PracticeHostMessage,
  type PracticeQuestion,
} from '../../core/practice/messages';
import { OUTCOME_NAMES, agoLabel, dueLabel, progressOf } from '../../core/practice/schedule';
import { PracticeSession, inScope, scopeLabel, type PracticeScope, type PracticeStory } from '../../core/practice/session';
import type { StoryIndex } from '../shared/storyIndex';
import { practiceHtml } from './html';
import { sessionLength, targetSeconds } from './settings';
import type { PracticeStore } from './store';

/** What the panel reports to the integration tests (the hidden `starAnswers._practiceState`). */
export interface PracticeState {
  scope: string;
  /** The question the webview says is on screen (0: none yet). */
  shown: number;
  question?: string;
  principle?: string;
  /** Parts the webview says are revealed. */
  revealed: PartKind[];
  progress: { asked: number; total: number; nailed: number; shaky: number; skipped: number };
  done: boolean;
}

/**
 * The practice webview and its session: one at a time. The extension keeps the session (which
 * question, what was revealed, when it started) so that a hidden panel shown again carries on.
 */
export class PracticePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private session!: PracticeSession;
  private startedAt = 0;
  private revealed: PartKind[] = [];
  private shown = 0;
  private disposed = false;

  readonly onDidDispose = this.disposeEmitter.event;
  /** Fires when the session moves on (a question shown, revealed, rated). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly mediaRoot: vscode.Uri,
    private readonly index: StoryIndex,
    private readonly store: PracticeStore,
    private scope: PracticeScope,
  ) {
    panel.iconPath = vscode.Uri.joinPath(mediaRoot, 'star-activity.svg');
    this.disposables.push(
      this.disposeEmitter,
      this.changeEmitter,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => void this.receive(raw).catch((error) => this.fail(error))),
    );
    this.begin(scope);
  }

  /** Starts a new session (another scope, or the same again). */
  begin(scope: PracticeScope): void {
    this.scope = scope;
    const pool = this.store.stories(this.index.storyFiles()).filter((s) => inScope(s, scope));
    this.session = new PracticeSession(pool, sessionLength());
    this.advance();
    this.panel.title = `STAR Practice: ${scopeLabel(scope)}`;
    this.panel.webview.html = practiceHtml(this.panel.webview, this.mediaRoot, scopeLabel(scope));
    this.changeEmitter.fire();
  }

  /** Runs a step as if its key was pressed in the webview. */
  async act(action: PracticeAction): Promise<void> {
    await this.send({ type: 'action', action });
  }

  state(): PracticeState {
    const current = this.session.current;
    return {
      scope: scopeLabel(this.scope),
      shown: this.shown,
      question: current?.question.title,
      principle: current?.principle,
      revealed: [...this.revealed],
      progress: this.session.progress,
      done: this.session.done,
    };
  }

  /** "Practice 3/10 · 2 nailed · 1 shaky" for the status bar. */
  get progressText(): string {
    const p = this.session.progress;
    if (this.session.done) return `Practice done · ${p.nailed} nailed · ${p.shaky} shaky`;
    return `Practice ${p.asked}/${p.total}${p.nailed ? ` · ${p.nailed} nailed` : ''}${p.shaky ? ` · ${p.shaky} shaky` : ''}`;
  }

  private advance(): void {
    this.session.next(Date.now());
    this.startedAt = Date.now();
    this.revealed = [];
    this.shown = 0;
  }

  private async message(): Promise<PracticeHostMessage> {
    const story = this.session.current;
    if (story) return { type: 'question', question: await this.question(story) };
    const p = this.session.progress;
    if (p.total === 0) {
      const why = this.scope.kind === 'warnings' ? 'No story has a warning: every story is complete.' : this.scope.kind === 'principle' ? `No story under ${this.scope.title} yet.` : 'No story in this workspace yet.';
      return { type: 'empty', message: `${why} Nothing to practise.` };
    }
    return { type: 'done', summary: { total: p.total, nailed: p.nailed, shaky: p.shaky, skipped: p.skipped, scope: scopeLabel(this.scope) } };
  }

  private async question(story: PracticeStory): Promise<PracticeQuestion> {
    const file = this.index.storyFiles().find((f) => f.uri.toString() === story.uri);
    const progress = progressOf(story.record?.ratings);
    const now = Date.now();
    const history =
      progress.lastPractised === undefined || !progress.lastOutcome
        ? 'New: not practised yet.'
        : `Last practised ${agoLabel(progress.lastPractised, now)}: ${OUTCOME_NAMES[progress.lastOutcome]} (${progress.nailed} nailed, ${progress.shaky} shaky so far; ${dueLabel(progress, now)}).`;
    const p = this.session.progress;
    return {
      n: p.asked,
      total: p.total,
      principle: story.principle,
      title: story.question.title,
      parts: file ? (await loadRender()).renderStoryParts(file.text, story.question) : [],
      targetSeconds: targetSeconds(),
      elapsedSeconds: Math.max(0, (Date.now() - this.startedAt) / 1000),
      revealed: [...this.revealed],
      history,
    };
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parsePracticeWebviewMessage(raw);
    if (!message) {
      console.warn('STAR Answers: ignored a malformed message from the practice panel');
      return;
    }
    const n = this.session.progress.asked;
    switch (message.type) {
      case 'ready':
        await this.send(await this.message());
        return;
      case 'shown':
        if (message.n === n) this.shown = n;
        break;
      case 'revealed':
        if (message.n === n) this.revealed = message.kinds;
        break;
      case 'rate':
        if (message.n === n && this.session.current) await this.rate(message.outcome, message.seconds);
        return;
      case 'restart':
        this.begin(this.scope);
        return;
    }
    this.changeEmitter.fire();
  }

  private async rate(outcome: Outcome, seconds: number): Promise<void> {
    const story = this.session.rate(outcome, seconds)!;
    // The session moves on at once (status bar, state); the history is written meanwhile.
    this.advance();
    this.changeEmitter.fire();
    await this.store.rate(story, outcome, outcome === 'skipped' ? undefined : seconds, this.index.storyFiles().map((f) => f.bank));
    await this.send(await this.message());
  }

  private async send(message: PracticeHostMessage): Promise<void> {
    if (this.disposed) return;
    try {
      await this.panel.webview.postMessage(message);
    } catch {
      // The panel went away meanwhile.
    }
  }

  private fail(error: unknown): void {
    void vscode.window.showErrorMessage(`STAR Answers: the practice session hit a problem: ${error instanceof Error ? error.message : String(error)}`);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposeEmitter.fire();
    this.panel.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
