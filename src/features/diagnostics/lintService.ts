import * as vscode from 'vscode';
import { normalizeConfig } from '../../core/lint/config';
import { lintBank } from '../../core/lint/runner';
import type { LintConfig, LintDiagnostic } from '../../core/lint/types';
import type { IndexedFile } from '../shared/storyIndex';

const SETTING_KEYS = ['rules', 'maxSpeakingMinutes', 'wordsPerMinute', 'minActionPercent'] as const;

/** Lints indexed files with the current settings; one result per parse, shared by diagnostics and quick fixes. */
export class LintService implements vscode.Disposable {
  /** Settings are per workspace folder (scope `resource`); '' holds those of files outside every folder. */
  private configs = new Map<string, LintConfig>();
  private cache = new WeakMap<IndexedFile, LintDiagnostic[]>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  private warned = '';

  /** Fires when settings change the results. */
  readonly onDidChangeConfig = this.emitter.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!SETTING_KEYS.some((key) => e.affectsConfiguration(`starAnswers.${key}`))) return;
      this.configs = new Map();
      this.cache = new WeakMap();
      this.emitter.fire();
    });
  }

  lint(file: IndexedFile): LintDiagnostic[] {
    let result = this.cache.get(file);
    if (!result) {
      result = lintBank({ text: file.text, bank: file.bank, lines: file.lines, config: this.configFor(file.uri) });
      this.cache.set(file, result);
    }
    return result;
  }

  private configFor(uri: vscode.Uri): LintConfig {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    let config = this.configs.get(key);
    if (!config) {
      config = this.readConfig(folder?.uri);
      this.configs.set(key, config);
    }
    return config;
  }

  private readConfig(scope: vscode.Uri | undefined): LintConfig {
    const settings = vscode.workspace.getConfiguration('starAnswers', scope);
    const raw: Record<string, unknown> = {};
    for (const key of SETTING_KEYS) raw[key] = settings.get(key);
    const { config, problems } = normalizeConfig(raw);
    const message = problems.join('; ');
    if (message && message !== this.warned) {
      void vscode.window.showWarningMessage(`STAR Answers settings: ${message}.`);
    }
    this.warned = message;
    return config;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
