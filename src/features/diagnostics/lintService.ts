import * as vscode from 'vscode';
import { lintAcrossFiles } from '../../core/lint/acrossFiles';
import type { BankFileInput, LintConfig, LintDiagnostic } from '../../core/lint/types';
import { withQuestions } from '../../core/worker/findings';
import { LINT_SETTING_KEYS, lintSettings } from '../shared/lintSettings';
import type { IndexedFile, StoryIndex } from '../shared/storyIndex';

/**
 * Lint results of indexed files with the current settings, shared by diagnostics and quick fixes. The
 * worker lints as it parses; this thread only gives each finding its story back. When the settings
 * change, every file is linted again in the worker, and its old results stand until the new ones arrive.
 */
export class LintService implements vscode.Disposable {
  /** Settings are per workspace folder (scope `resource`); '' holds those of files outside every folder. */
  private folderSettings = new Map<string, { key: string; config: LintConfig }>();
  private cache = new WeakMap<IndexedFile, { bankVersion: number; result: LintDiagnostic[] }>();
  /** The whole bank, for duplicate-story, which compares stories across files here on the host (the worker sees one file). */
  private bank: (() => BankFileInput[]) | undefined;
  private bankVersion = 0;
  /** The bank as read at bankVersion: publishing every file reads it once, not once a file (it sorts every file). */
  private bankFiles: { version: number; files: BankFileInput[] } | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  private warned = '';

  /** Fires when settings change the results. */
  readonly onDidChangeConfig = this.emitter.event;

  constructor(private readonly index: StoryIndex) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!LINT_SETTING_KEYS.some((key) => e.affectsConfiguration(`starAnswers.${key}`))) return;
      this.folderSettings = new Map();
      this.cache = new WeakMap();
      this.bankFiles = undefined;
      this.index.relintAll();
      this.emitter.fire();
    });
  }

  /** Undefined while the file is being linted again with new settings. */
  lint(file: IndexedFile): LintDiagnostic[] | undefined {
    if (!file.lint) return []; // not read as a story bank (too large, over the time budget)
    if (file.lint.settings !== this.keyFor(file.uri)) return undefined;
    const cached = this.cache.get(file);
    if (cached && cached.bankVersion === this.bankVersion) return cached.result;
    const result = [...withQuestions(file.lint.findings, file.bank.principles.flatMap((p) => p.questions)), ...this.acrossFiles(file)].sort(
      (a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset,
    );
    this.cache.set(file, { bankVersion: this.bankVersion, result });
    return result;
  }

  /** Where the whole bank is read from. */
  useBank(files: () => BankFileInput[]): void {
    this.bank = files;
  }

  /** Some file of the bank changed: results that compare across files are stale. */
  bankChanged(): void {
    this.bankVersion++;
  }

  /** The rules that need the other files (duplicate-story), with this file's settings. */
  private acrossFiles(file: IndexedFile): LintDiagnostic[] {
    if (!this.bank) return [];
    if (this.bankFiles?.version !== this.bankVersion) this.bankFiles = { version: this.bankVersion, files: this.bank() };
    const files = this.bankFiles.files;
    if (!files.length) return [];
    return lintAcrossFiles({ uri: file.uri.toString(), text: file.text, bank: file.bank, lines: file.lines, config: this.settingsFor(file.uri).config, files });
  }

  private keyFor(uri: vscode.Uri): string {
    return this.settingsFor(uri).key;
  }

  /** The folder's lint settings, read once per change of the settings (not once per file published). */
  private settingsFor(uri: vscode.Uri): { key: string; config: LintConfig } {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const id = folder?.uri.toString() ?? '';
    let settings = this.folderSettings.get(id);
    if (settings === undefined) {
      const read = lintSettings(uri);
      const message = read.problems.join('; ');
      if (message && message !== this.warned) void vscode.window.showWarningMessage(`STAR Answers settings: ${message}.`);
      this.warned = message;
      settings = { key: read.key, config: read.config };
      this.folderSettings.set(id, settings);
    }
    return settings;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
