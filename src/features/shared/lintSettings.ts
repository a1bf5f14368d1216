import * as vscode from 'vscode';
import { normalizeConfig } from '../../core/lint/config';
import type { LintConfig } from '../../core/lint/types';

export const LINT_SETTING_KEYS = ['rules', 'maxSpeakingMinutes', 'wordsPerMinute', 'minActionPercent'] as const;

/** The lint settings of now for a file (they are per workspace folder), with a key that tells two apart, and what was wrong with them. */
export function lintSettings(uri: vscode.Uri): { config: LintConfig; key: string; problems: string[] } {
  const settings = vscode.workspace.getConfiguration('starAnswers', vscode.workspace.getWorkspaceFolder(uri)?.uri);
  const raw: Record<string, unknown> = {};
  for (const key of LINT_SETTING_KEYS) raw[key] = settings.get(key);
  const { config, problems } = normalizeConfig(raw);
  return { config, key: JSON.stringify(config), problems };
}
