import * as vscode from 'vscode';
import { lintAcrossFilesSteps, prepareAcrossFiles } from '../../core/lint/acrossFiles';
import type { BankFileInput, LintConfig, LintDiagnostic } from '../../core/lint/types';
import { StoryCopies } from '../../core/lint/storyCopies';
import { runSteps, slicer } from '../../core/slices';
import { withQuestions } from '../../core/worker/findings';
import type { WorkerFinding } from '../../core/worker/protocol';
import { shownRange } from '../shared/convert';
import { LINT_SETTING_KEYS } from '../shared/lintSettings';
import type { IndexedFile, StoryIndex } from '../shared/storyIndex';

/**
 * Lint results of indexed files with the current settings, shared by diagnostics and quick fixes. The
 * worker lints as it parses; this thread only gives each finding its story back. When the settings
 * change, every file is linted again in the worker, and its old results stand until the new ones arrive.
 */
export class LintService implements vscode.Disposable {
  /** The settings' readings already warned about (the index reads them once per folder and change). */
  private readonly warnedOf = new WeakSet<object>();
  private cache = new WeakMap<IndexedFile, { across: LintDiagnostic[] | undefined; result: LintDiagnostic[] }>();
  /** Findings that compare a file with the rest of the bank, from the last pass over the bank, by file as it was read then. */
  private across = new WeakMap<IndexedFile, LintDiagnostic[]>();
  /** Each worker finding with its story, kept while both are the same (typing changes the findings of one story). */
  private readonly withQuestion = new WeakMap<WorkerFinding, LintDiagnostic>();
  private bankVersion = 0;
  /** The bank's stories by their word triples, kept from one pass to the next (a pass compares only what changed). */
  private readonly copies = new StoryCopies();
  /** Files whose cross-file findings may differ from those kept: named by the index's updates, until a pass gets to them. */
  private readonly pending = new Set<string>();
  private passing: Promise<void> = Promise.resolve();
  /** An update of that index a change in the bank interrupted (typing wins): the next pass resumes it before its own. */
  private unfinished: Generator<void, Set<string>> | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  private warned = '';

  /** Fires when settings change the results. */
  readonly onDidChangeConfig = this.emitter.event;

  constructor(private readonly index: StoryIndex) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!LINT_SETTING_KEYS.some((key) => e.affectsConfiguration(`starAnswers.${key}`))) return;
      this.cache = new WeakMap();
      this.across = new WeakMap();
      this.index.relintAll();
      this.emitter.fire();
    });
  }

  /**
   * The file's findings: the worker's, and those of the last pass over the bank (`compareAcrossBank`)
   * if that pass saw this reading of the file. Undefined while the file is being linted again with new settings.
   */
  lint(file: IndexedFile): LintDiagnostic[] | undefined {
    if (!file.lint) return []; // not read as a story bank (too large, over the time budget)
    if (file.lint.settings !== this.keyFor(file.uri)) return undefined;
    const across = this.across.get(file);
    const cached = this.cache.get(file);
    if (cached && cached.across === across) return cached.result;
    const result = [...withQuestions(file.lint.findings, file.bank.principles.flatMap((p) => p.questions), this.withQuestion), ...(across ?? [])].sort(
      (a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset,
    );
    this.cache.set(file, { across, result });
    return result;
  }

  /**
   * Compares the stories of the files that changed (and of those a change can concern) with the rest of the bank
   * (duplicate-story), and calls `changed` for each file whose cross-file findings differ from the last pass. Runs
   * in slices that give the thread back every few milliseconds, and stops early when the bank changes meanwhile
   * (a new pass follows and takes up the files left). One pass at a time: they share the index of the bank's stories.
   */
  compareAcrossBank(changed: (file: IndexedFile) => void, isCancelled: () => boolean): Promise<void> {
    const pass = this.passing.then(() => this.pass(changed, isCancelled));
    this.passing = pass.catch(() => undefined);
    return pass;
  }

  private async pass(changed: (file: IndexedFile) => void, isCancelled: () => boolean): Promise<void> {
    const version = this.bankVersion;
    const stale = () => isCancelled() || version !== this.bankVersion;
    const indexed = this.index.storyFiles();
    const files: BankFileInput[] = indexed.map((f) => ({ uri: f.uri.toString(), text: f.text, bank: f.bank, lines: f.lines }));
    const pause = slicer(SLICE_MS);
    /** Runs steps to their end, giving the thread back between them; undefined when the pass went stale meanwhile. */
    const runSliced = <T>(steps: Generator<void, T>) => runSteps(steps, pause, stale);
    // An update of the index that a change interrupted is finished first: half an update would leave the index wrong.
    if (this.unfinished) {
      const rest = await runSliced(this.unfinished);
      if (!rest) return;
      for (const uri of rest.value) this.pending.add(uri);
    }
    this.unfinished = prepareAcrossFiles(this.copies, files);
    const update = await runSliced(this.unfinished);
    if (!update) return;
    this.unfinished = undefined;
    for (const uri of update.value) this.pending.add(uri);
    const present = new Set(files.map((f) => f.uri));
    for (const uri of this.pending) if (!present.has(uri)) this.pending.delete(uri); // deleted meanwhile
    for (const file of indexed) {
      const uri = file.uri.toString();
      if (!file.lint || (!this.pending.has(uri) && this.across.has(file))) continue;
      const read = await runSliced(lintAcrossFilesSteps({ uri, text: file.text, bank: file.bank, lines: file.lines, config: this.settingsFor(file.uri).config, files }));
      if (!read) return;
      this.pending.delete(uri);
      const found = read.value;
      const before = this.across.get(file);
      // Unchanged: keep the findings kept (and the file's cached results with them); nothing to publish.
      if (before ? signature(before) === signature(found) : found.length === 0) {
        if (!before) this.across.set(file, found);
        continue;
      }
      this.across.set(file, found);
      changed(file);
    }
  }

  /** Some file of the bank changed: a pass over the bank under way is out of date. */
  bankChanged(): void {
    this.bankVersion++;
  }

  private keyFor(uri: vscode.Uri): string {
    return this.settingsFor(uri).key;
  }

  /** The folder's lint settings, as the index read them; a problem with them is shown once per reading. */
  private settingsFor(uri: vscode.Uri): { key: string; config: LintConfig } {
    const { lint } = this.index.settingsFor(uri);
    if (!this.warnedOf.has(lint)) {
      this.warnedOf.add(lint);
      const message = lint.problems.join('; ');
      if (message && message !== this.warned) void vscode.window.showWarningMessage(`STAR Answers settings: ${message}.`);
      this.warned = message;
    }
    return lint;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** How long a pass over the bank holds the extension host before it gives the thread back. */
const SLICE_MS = 15;

/** What a finding shows and does, positions in other files included (a first copy moves while its copy stays). */
function signature(found: readonly LintDiagnostic[]): string {
  return found
    .map((d) => {
      const related = (d.related ?? []).map((r) => `${r.uri} ${shownRange(r.range)}`).join(' ');
      const elsewhere = (d.fix?.elsewhere ?? []).map((e) => `${e.uri} ${shownRange(e.range)} ${e.text}`).join(' ');
      return `${d.rule} ${d.severity} ${d.range.start.offset}-${d.range.end.offset} ${d.message} [${related}] [${elsewhere}]`;
    })
    .join('\n');
}
