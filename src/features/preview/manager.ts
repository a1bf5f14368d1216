import * as vscode from 'vscode';
import { parsePreviewState, PREVIEW_VIEW_TYPE } from '../../core/render/messages';
import type { StoryIndex } from '../shared/storyIndex';
import { PreviewPanel, webviewOptions, type RenderEvent } from './panel';

const LOCKED_CONTEXT = 'starAnswers.previewLocked';

/**
 * The STAR previews: at most one that follows the active markdown editor, any number locked to a
 * document. Re-renders while typing (debounced), follows the cursor, and restores after a reload.
 */
export class PreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly panels = new Set<PreviewPanel>();
  private readonly renderEmitter = new vscode.EventEmitter<RenderEvent>();
  private readonly shownEmitter = new vscode.EventEmitter<{ panel: PreviewPanel; version: number }>();
  private readonly disposables: vscode.Disposable[] = [this.renderEmitter, this.shownEmitter];
  private active: PreviewPanel | undefined;

  /** Fires after a panel rendered a document version (the HTML is on its way to the webview). */
  readonly onDidRender = this.renderEmitter.event;
  /** Fires when a webview reports a version on screen. */
  readonly onDidShow = this.shownEmitter.event;

  constructor(
    private readonly mediaRoot: vscode.Uri,
    private readonly index: StoryIndex,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e.document.uri, debounceMs())),
      index.onDidChange((uris) => uris.forEach((uri) => this.changed(uri, 0))),
      vscode.window.onDidChangeTextEditorSelection((e) => this.cursorMoved(e.textEditor)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('starAnswers.wordsPerMinute')) for (const p of this.panels) void p.render(false).catch(() => undefined);
      }),
    );
  }

  get previews(): readonly PreviewPanel[] {
    return [...this.panels];
  }

  /** Opens (or shows) the preview of a markdown document. */
  open(resource: vscode.Uri, column: vscode.ViewColumn, preserveFocus: boolean): PreviewPanel {
    const existing = [...this.panels].find((p) => p.locked && p.resource.toString() === resource.toString()) ?? [...this.panels].find((p) => !p.locked);
    if (existing) {
      existing.show(resource);
      existing.panel.reveal(column, preserveFocus);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'STAR Preview', { viewColumn: column, preserveFocus }, webviewOptions(this.mediaRoot));
    return this.adopt(panel, resource, false);
  }

  /** Locks the preview to its document, or lets it follow the editor again. */
  toggleLock(target = this.active ?? [...this.panels].at(-1)): void {
    this.setLock(!(target?.locked ?? false), target);
  }

  /** Locks (true) or unlocks the preview; nothing to do when it already is. */
  setLock(locking: boolean, target = this.active ?? [...this.panels].at(-1)): void {
    if (!target) {
      void vscode.window.showInformationMessage('STAR Answers: no preview is open. Run "STAR Answers: Open Preview" first.');
      return;
    }
    if (target.locked === locking) return;
    if (!locking) {
      // Only one preview follows the editor: the others stay locked.
      for (const other of this.panels) if (other !== target && !other.locked) other.setLocked(true);
    }
    target.setLocked(locking);
    if (!locking) this.follow(vscode.window.activeTextEditor);
    this.updateContext();
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = parsePreviewState(raw);
    let resource: vscode.Uri | undefined;
    try {
      resource = state ? vscode.Uri.parse(state.resource, true) : undefined;
    } catch {
      resource = undefined;
    }
    resource ??= vscode.window.activeTextEditor?.document.languageId === 'markdown' ? vscode.window.activeTextEditor.document.uri : undefined;
    if (!resource) {
      panel.dispose(); // nothing to show: better no panel than an empty one
      return;
    }
    const locked = (state?.locked ?? false) || [...this.panels].some((p) => !p.locked);
    this.adopt(panel, resource, locked);
  }

  private adopt(panel: vscode.WebviewPanel, resource: vscode.Uri, locked: boolean): PreviewPanel {
    const preview = new PreviewPanel(
      panel,
      this.mediaRoot,
      this.index,
      resource,
      locked,
      (e) => this.renderEmitter.fire(e),
      (p, version) => this.shownEmitter.fire({ panel: p, version }),
    );
    this.panels.add(preview);
    this.active = preview;
    const subscriptions = [
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.active) this.active = preview;
        this.updateContext();
      }),
    ];
    preview.onDidDispose(() => {
      this.panels.delete(preview);
      if (this.active === preview) this.active = undefined;
      subscriptions.forEach((s) => s.dispose());
      this.updateContext();
    });
    this.updateContext();
    return preview;
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor.document.languageId !== 'markdown') return;
    for (const p of this.panels) if (!p.locked) p.show(editor.document.uri);
  }

  private changed(uri: vscode.Uri, delay: number): void {
    // Another file's Principles line may list one of its stories here: re-render, which stops early when nothing it shows changed.
    for (const p of this.panels) p.schedule(p.resource.toString() === uri.toString() ? delay : Math.max(delay, 300));
  }

  private cursorMoved(editor: vscode.TextEditor): void {
    for (const p of this.panels) {
      if (p.resource.toString() === editor.document.uri.toString()) p.focusLine(editor.selection.active.line);
    }
  }

  private updateContext(): void {
    const active = [...this.panels].find((p) => p.panel.active);
    void vscode.commands.executeCommand('setContext', LOCKED_CONTEXT, active?.locked ?? false);
  }

  dispose(): void {
    for (const p of [...this.panels]) p.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function debounceMs(): number {
  const ms = vscode.workspace.getConfiguration('starAnswers').get<number>('debounceMs', 300);
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 5000) : 300;
}
