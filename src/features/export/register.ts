import * as vscode from 'vscode';
import type { ExportFile } from '../../core/export/html';
import { loadRender } from '../shared/lazy';
import { exportBankMarkdown } from '../../core/export/markdown';
import type { StoryIndex } from '../shared/storyIndex';
import { planMinStories, planTargets, wordsPerMinute } from '../tree/settings';

type Format = 'html' | 'markdown';

/**
 * Export Bank to HTML (one standalone, printable page) and to Markdown (one cleaned file). The target
 * is asked for with a save dialog; a caller (a test, a task) may pass it instead.
 */
export function registerExport(index: StoryIndex): vscode.Disposable {
  const run = async (format: Format, target: unknown): Promise<vscode.Uri | undefined> => {
    try {
      return await exportBank(index, format, target instanceof vscode.Uri ? target : undefined);
    } catch (error) {
      void vscode.window.showErrorMessage(`STAR Answers: could not export the bank: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('starAnswers.exportHtml', (target?: unknown) => run('html', target)),
    vscode.commands.registerCommand('starAnswers.exportMarkdown', (target?: unknown) => run('markdown', target)),
  );
}

async function exportBank(index: StoryIndex, format: Format, given: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  await index.ready().catch(() => undefined);
  const files: ExportFile[] = index.storyFiles().map((f) => ({ path: vscode.workspace.asRelativePath(f.uri, true), text: f.text, bank: f.bank }));
  const stories = files.reduce((n, f) => n + f.bank.principles.reduce((m, p) => m + p.questions.length, 0), 0);
  if (!stories) {
    void vscode.window.showInformationMessage('STAR Answers: no story in this workspace to export yet.');
    return undefined;
  }
  const extension = format === 'html' ? 'html' : 'md';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target =
    given ??
    (await vscode.window.showSaveDialog({
      title: format === 'html' ? 'Export Story Bank to HTML' : 'Export Story Bank to Markdown',
      defaultUri: folder ? vscode.Uri.joinPath(folder, `story-bank.${extension}`) : undefined,
      filters: format === 'html' ? { 'Web page': ['html', 'htm'] } : { Markdown: ['md'] },
      saveLabel: 'Export',
    }));
  if (!target) return undefined;
  const title = vscode.workspace.name ? `STAR story bank: ${vscode.workspace.name}` : 'STAR story bank';
  const content =
    format === 'html'
      ? (await loadRender()).exportBankHtml(files, { title, wordsPerMinute: wordsPerMinute(), targets: planTargets(), minStories: planMinStories(), date: new Date().toISOString().slice(0, 10) })
      : exportBankMarkdown(files);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  const where = vscode.workspace.asRelativePath(target, true);
  const open = format === 'html' ? 'Open in Browser' : 'Open';
  // Not awaited: the command returns once the file is written (callers wait on that).
  void vscode.window.showInformationMessage(`STAR Answers: exported ${stories} ${stories === 1 ? 'story' : 'stories'} to ${where}.`, open).then((choice) => {
    if (choice !== open) return;
    if (format === 'html') void vscode.env.openExternal(target);
    else void vscode.window.showTextDocument(target);
  });
  return target;
}
