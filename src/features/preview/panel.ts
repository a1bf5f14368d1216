import * as vscode from 'vscode';
import type { BankFile } from '../../core/model';
import { parseWebviewMessage, type HostMessage, type PreviewState } from '../../core/render/messages';
import type { RenderedStory } from '../../core/render/bank';
import type { PreviewPieces } from '../../core/render/pieces';
import type { StoryHtmlCache } from '../../core/render/storyCache';
import { loadRender } from '../shared/lazy';
import type { StoryIndex } from '../shared/storyIndex';
import { normalizePrincipleTitle } from '../../core/catalog';
import { runSteps, slicer } from '../../core/slices';
import { principleLinks } from '../../core/storyPrinciples';
import { catalogSetting, wordsPerMinute } from '../tree/settings';
import { escapeHtml, shellHtml } from './html';

export interface RenderEvent {
  panel: PreviewPanel;
  resource: vscode.Uri;
  /** The document version rendered (0 for a file read from disk). */
  version: number;
  stories: readonly RenderedStory[];
  html: string;
}

/** How long a render holds the extension host's thread before it gives it back (the render goes on after). */
const RENDER_SLICE_MS = 8;

/**
 * One preview webview: which document it shows, whether it is locked to it, what it last rendered,
 * and the checked messages of its script.
 */
export class PreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  /** The stories' HTML of the last render, which the next one reuses where a story did not change. */
  private storyCache: StoryHtmlCache | undefined;
  private rendered: { resource: string; version: number; text: string; wordsPerMinute: number; stories: readonly RenderedStory[]; html: string; links?: string; pieces?: PreviewPieces } | undefined;
  /** What the last message or page sent to the webview holds: an edit sends only the stories that differ from it. */
  private sent: { resource: string; version: number; text: string; pieces: PreviewPieces } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts render() calls: only the latest may touch the webview (an older one may finish last). */
  private generation = 0;
  /** The next render sets the whole page, even when a newer render took over from the one asked for it. */
  private pageWanted = false;
  private focused: string | undefined;
  private disposed = false;
  /** The document and version the webview says it has on screen (a version alone may be another document's). */
  shownVersion = -1;
  shownResource: string | undefined;
  /** The story the webview last brought into view for the cursor. */
  shownStory: string | undefined;
  /** The stories the webview redrew for the version it last showed. */
  touchedStories: string[] | undefined;

  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly mediaRoot: vscode.Uri,
    private readonly index: StoryIndex,
    private resourceUri: vscode.Uri,
    private lockedFlag: boolean,
    private readonly onRender: (event: RenderEvent) => void,
    private readonly onShown: (panel: PreviewPanel, version: number) => void,
  ) {
    panel.webview.options = webviewOptions(mediaRoot);
    panel.iconPath = vscode.Uri.joinPath(mediaRoot, 'star-activity.svg');
    this.disposables.push(
      this.disposeEmitter,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => this.receive(raw)),
    );
    this.updateTitle();
    this.renderSoon(true);
  }

  get resource(): vscode.Uri {
    return this.resourceUri;
  }

  get locked(): boolean {
    return this.lockedFlag;
  }

  get stories(): readonly RenderedStory[] {
    return this.rendered?.stories ?? [];
  }

  get renderedVersion(): number | undefined {
    return this.rendered?.version;
  }

  get html(): string {
    return this.rendered?.html ?? '';
  }

  setLocked(locked: boolean): void {
    this.lockedFlag = locked;
    this.updateTitle();
    void this.post();
  }

  /** Follow another document (an unlocked preview follows the active editor). */
  show(resource: vscode.Uri): void {
    if (resource.toString() === this.resourceUri.toString()) return;
    this.resourceUri = resource;
    this.focused = undefined;
    this.updateTitle();
    this.renderSoon(false);
  }

  /** Re-render after the document changed, once typing pauses. */
  schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.renderSoon(false), delay);
  }

  /** render() for callers that do not wait: a failure is logged, never an unhandled rejection. */
  private renderSoon(reload: boolean): void {
    this.render(reload).catch((error) => console.error('STAR Answers: could not update the preview:', error));
  }

  /** The Principles lines of the whole bank, as they bear on this file; `signature` changes when they do. */
  private principleLinks(uri: vscode.Uri, file: { text: string; bank: BankFile }) {
    const key = uri.toString();
    const others = this.index.storyFiles().filter((f) => f.uri.toString() !== key);
    const { alsoFor, linkedTo } = principleLinks([{ uri: key, text: file.text, bank: file.bank }, ...others.map((f) => ({ uri: f.uri.toString(), text: f.text, bank: f.bank }))], catalogSetting());
    const own = new Set(file.bank.principles.map((p) => normalizePrincipleTitle(p.title)));
    // Stories of this file that name another principle of this file are shown once, where they are written.
    const fromElsewhere = new Map([...linkedTo].filter(([title]) => own.has(title)).map(([title, list]) => [title, list.filter((l) => l.uri !== key)] as const));
    const signature = JSON.stringify([[...fromElsewhere].map(([title, list]) => [title, list.map((l) => `${l.principle}/${l.question.title}`)]), file.bank.principles.flatMap((p) => p.questions.map((q) => alsoFor.get(q) ?? []))]);
    return { alsoFor, linkedTo: fromElsewhere, signature };
  }

  /** Re-render now. `reload` sets the whole page (first show, or after a reload). */
  async render(reload: boolean): Promise<void> {
    clearTimeout(this.timer);
    if (reload) this.pageWanted = true;
    const generation = ++this.generation;
    const resource = this.resourceUri.toString();
    const file = await this.read(generation);
    const renderer = await loadRender().catch((error: unknown) => error instanceof Error ? error : new Error(String(error)));
    // Another render started while this one read the file (another document, a newer version): it wins.
    if (this.disposed || !file || generation !== this.generation || resource !== this.resourceUri.toString()) return;
    const wpm = wordsPerMinute();
    const page = this.pageWanted;
    const last = this.rendered;
    // Same document, version, text and pace: nothing to redraw. (The text too: a file closed and
    // re-read from disk starts again at version 1.)
    const { alsoFor, linkedTo, signature } = this.principleLinks(this.resourceUri, file);
    if (!page && last && last.resource === resource && last.version === file.version && last.text === file.text && last.wordsPerMinute === wpm && last.links === signature) return;
    let output: { html: string; stories: RenderedStory[]; pieces?: PreviewPieces };
    try {
      if (renderer instanceof Error) throw renderer;
      // A story at a time, giving the thread back every few milliseconds (a big bank takes hundreds); a newer render stops it.
      this.storyCache ??= new renderer.StoryHtmlCache();
      const steps = renderer.renderPreviewSteps(file.text, file.bank, { wordsPerMinute: wpm, alsoFor, linkedTo, cache: this.storyCache });
      const done = await runSteps(steps, slicer(RENDER_SLICE_MS), () => this.disposed || generation !== this.generation);
      if (!done) return;
      output = done.value;
    } catch (error) {
      console.error('STAR Answers: could not render the preview:', error);
      output = { html: '<p class="problem">This file could not be shown. See the log (Developer: Show Logs) for details.</p>', stories: [] };
    }
    this.rendered = { resource, version: file.version, text: file.text, wordsPerMinute: wpm, stories: output.stories, html: output.html, links: signature, ...(output.pieces ? { pieces: output.pieces } : {}) };
    if (page) {
      this.pageWanted = false;
      this.focused = undefined;
      this.panel.webview.html = shellHtml(this.panel.webview, this.mediaRoot, {
        body: output.html,
        resource: this.resourceUri.toString(),
        locked: this.lockedFlag,
        version: file.version,
        title: this.panel.title,
      });
      this.remember();
    } else if (!(await this.patch())) {
      await this.post();
    }
    this.onRender({ panel: this, resource: this.resourceUri, version: file.version, stories: output.stories, html: output.html });
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.uri.toString() === this.resourceUri.toString()) this.focusLine(editor.selection.active.line);
  }

  /** Marks the story holding a line, as the editor's cursor moves. */
  focusLine(line: number): void {
    const story = this.stories.find((s) => s.startLine <= line && line <= s.endLine);
    if (!story || story.id === this.focused) return;
    this.focused = story.id;
    void this.send({ type: 'focusStory', id: story.id });
  }

  /** What the serializer keeps (the webview keeps the rest itself). */
  state(): Pick<PreviewState, 'resource' | 'locked'> {
    return { resource: this.resourceUri.toString(), locked: this.lockedFlag };
  }

  private async post(): Promise<void> {
    if (!this.rendered) return;
    this.remember();
    await this.send({ type: 'update', html: this.rendered.html, version: this.rendered.version, resource: this.resourceUri.toString(), locked: this.lockedFlag });
  }

  /** Sends only the stories that changed since what the webview was last sent; false when the whole content is to go. */
  private async patch(): Promise<boolean> {
    const rendered = this.rendered;
    const sent = this.sent;
    if (!rendered?.pieces || !sent || sent.resource !== rendered.resource || sent.version === rendered.version) return false;
    const render = await loadRender().catch(() => undefined);
    if (!render) return false;
    const shift = render.lineShift(sent.text, rendered.text);
    const stories = render.planPreviewPatch(sent.pieces, rendered.pieces, shift);
    if (!stories) return false;
    const base = sent.version;
    this.remember();
    await this.send({ type: 'patch', version: rendered.version, base, resource: rendered.resource, shift, stories });
    return true;
  }

  private remember(): void {
    const rendered = this.rendered;
    this.sent = rendered?.pieces ? { resource: rendered.resource, version: rendered.version, text: rendered.text, pieces: rendered.pieces } : undefined;
  }

  private async send(message: HostMessage): Promise<void> {
    if (this.disposed) return;
    try {
      await this.panel.webview.postMessage(message);
    } catch {
      // The panel went away meanwhile.
    }
  }

  private async read(generation: number): Promise<{ text: string; bank: BankFile; version: number } | undefined> {
    try {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.resourceUri.toString()) ?? (await vscode.workspace.openTextDocument(this.resourceUri));
      const file = await this.index.fresh(document);
      return { text: file.text, bank: file.bank, version: document.version };
    } catch (error) {
      if (this.disposed || generation !== this.generation) return undefined;
      const message = error instanceof Error ? error.message : String(error);
      this.rendered = undefined;
      this.sent = undefined;
      this.pageWanted = false;
      this.panel.webview.html = shellHtml(this.panel.webview, this.mediaRoot, {
        body: `<p class="problem">Cannot read ${escapeHtml(this.resourceUri.toString(true))}: ${escapeHtml(message)}</p>`,
        resource: this.resourceUri.toString(),
        locked: this.lockedFlag,
        version: 0,
        title: this.panel.title,
      });
      return undefined;
    }
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      console.warn('STAR Answers: ignored a malformed message from the preview');
      return;
    }
    switch (message.type) {
      case 'ready': {
        // A fresh page (first load, reload, shown again): send the content and the story in focus.
        void this.post();
        this.focused = undefined;
        const editor = vscode.window.activeTextEditor;
        if (editor && editor.document.uri.toString() === this.resourceUri.toString()) this.focusLine(editor.selection.active.line);
        return;
      }
      case 'rendered':
        this.shownVersion = message.version;
        this.shownResource = message.resource;
        this.touchedStories = message.touched;
        this.onShown(this, message.version);
        return;
      case 'reveal':
        void this.revealLine(message.line).catch((error) => {
          void vscode.window.showErrorMessage(`STAR Answers: could not open ${vscode.workspace.asRelativePath(this.resourceUri)}: ${error instanceof Error ? error.message : String(error)}`);
        });
        return;
      case 'focused':
        this.shownStory = message.id;
        return;
    }
  }

  /** "Go to source": opens the document beside the preview at the line, if the line exists. */
  private async revealLine(line: number): Promise<void> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.resourceUri.toString()) ?? (await vscode.workspace.openTextDocument(this.resourceUri));
    if (line >= document.lineCount) return; // stale or forged: the document is shorter now
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const position = new vscode.Position(line, document.lineAt(line).firstNonWhitespaceCharacterIndex);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Range(position, position), preserveFocus: false });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private updateTitle(): void {
    const name = this.resourceUri.path.slice(this.resourceUri.path.lastIndexOf('/') + 1) || this.resourceUri.toString(true);
    this.panel.title = this.lockedFlag ? `[Locked] STAR Preview ${name}` : `STAR Preview ${name}`;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.disposeEmitter.fire();
    this.panel.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

export function webviewOptions(mediaRoot: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [mediaRoot], enableFindWidget: true };
}
