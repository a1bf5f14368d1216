import * as vscode from 'vscode';
import type { LintDiagnostic } from '../../core/lint/types';
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
  private keys = new Map<string, string>();
  private cache = new WeakMap<IndexedFile, LintDiagnostic[]>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  private warned = '';

  /** Fires when settings change the results. */
  readonly onDidChangeConfig = this.emitter.event;

  constructor(private readonly index: StoryIndex) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!LINT_SETTING_KEYS.some((key) => e.affectsConfiguration(`starAnswers.${key}`))) return;
      this.keys = new Map();
      this.cache = new WeakMap();
      this.index.relintAll();
      this.emitter.fire();
    });
  }

  /** Undefined while the file is being linted again with new settings. */
  lint(file: IndexedFile): LintDiagnostic[] | undefined {
    if (!file.lint) return []; // not read as a story bank (too large, over the time budget)
    if (file.lint.settings !== this.keyFor(file.uri)) return undefined;
    let result = this.cache.get(file);
    if (!result) {
      result = withQuestions(file.lint.findings, file.bank.principles.flatMap((p) => p.questions));
      this.cache.set(file, result);
    }
    return result;
  }

  private keyFor(uri: vscode.Uri): string {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const id = folder?.uri.toString() ?? '';
    let key = this.keys.get(id);
    if (key === undefined) {
      const read = lintSettings(uri);
      const message = read.problems.join('; ');
      if (message && message !== this.warned) void vscode.window.showWarningMessage(`STAR Answers settings: ${message}.`);
      this.warned = message;
      key = read.key;
      this.keys.set(id, key);
    }
    return key;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
