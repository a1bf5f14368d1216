import * as vscode from 'vscode';

export const ENABLE_QUICK_SUGGESTIONS_COMMAND = 'starAnswers.enableQuickSuggestions';

/** Suggestions while typing in prose, not in code or strings; what `[markdown]` gets. */
export const MARKDOWN_QUICK_SUGGESTIONS = { other: 'on', comments: 'off', strings: 'off' } as const;

const SETTING = 'editor.quickSuggestions';
const USER = 'User Settings';
const WORKSPACE = 'Workspace Settings';

/**
 * Markdown turns suggestions while typing off by default, so the story snippets and missing sections
 * only show on Ctrl+Space. This asks where to turn them on, then sets `[markdown]` → `editor.quickSuggestions`.
 * Never changes a setting without asking.
 */
export async function enableQuickSuggestions(): Promise<void> {
  const config = vscode.workspace.getConfiguration('', { languageId: 'markdown' });
  if (isOn(config.get(SETTING))) {
    void vscode.window.showInformationMessage('STAR Answers: suggestions while typing are already on for Markdown.');
    return;
  }
  const buttons = vscode.workspace.workspaceFolders?.length ? [USER, WORKSPACE] : [USER];
  const choice = await vscode.window.showInformationMessage(
    'Show suggestions while you type in Markdown?',
    {
      modal: true,
      detail:
        'STAR Answers offers story snippets (type "star") and the sections a story is missing. Markdown only shows them on Ctrl+Space unless suggestions while typing are on.\n\n' +
        `This sets "${SETTING}" for [markdown] to ${JSON.stringify(MARKDOWN_QUICK_SUGGESTIONS)}. You can change it back in Settings.`,
    },
    ...buttons,
  );
  if (choice !== USER && choice !== WORKSPACE) return;
  const target = choice === WORKSPACE ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  try {
    await config.update(SETTING, { ...MARKDOWN_QUICK_SUGGESTIONS }, target, true);
  } catch (error) {
    void vscode.window.showErrorMessage(`STAR Answers: could not change "${SETTING}" in your ${choice === WORKSPACE ? 'workspace' : 'user'} settings: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const stillOff = !isOn(vscode.workspace.getConfiguration('', { languageId: 'markdown' }).get(SETTING));
  void vscode.window.showInformationMessage(
    stillOff
      ? `STAR Answers: saved in your ${choice === WORKSPACE ? 'workspace' : 'user'} settings, but a setting with more weight (workspace or folder) still turns suggestions off for Markdown.`
      : `STAR Answers: suggestions while typing are on for Markdown (${choice === WORKSPACE ? 'workspace' : 'user'} settings).`,
  );
}

/** True when suggestions show while typing in prose: `true`, or `{ other: 'on' }` (or `true`). */
export function isOn(value: unknown): boolean {
  if (value === true || value === 'on') return true;
  if (value && typeof value === 'object') {
    const other = (value as { other?: unknown }).other;
    return other === true || other === 'on';
  }
  return false;
}
