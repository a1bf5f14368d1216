import * as vscode from 'vscode';
import { registerCompletion } from './features/completion';
import { registerDiagnostics } from './features/diagnostics';
import { registerExport } from './features/export/register';
import { registerPractice } from './features/practice/register';
import { registerPreview } from './features/preview/register';
import { IndexSnapshot } from './features/shared/indexSnapshot';
import { createBankParser } from './features/shared/parserHost';
import { StoryIndex } from './features/shared/storyIndex';
import { registerStoryBank } from './features/tree';

/** Wires each feature to the shared story index; every registration returns its disposables. */
export function activate(context: vscode.ExtensionContext) {
  const started = performance.now();
  // Parsing runs in workers (dist/worker.js; dist/web/worker.js on the web), started on first use: the extension host only stores results.
  const parser = createBankParser(context.extensionUri);
  // The first scan starts from the last session's index, kept in the workspace storage.
  const index = new StoryIndex(parser, IndexSnapshot.forContext(context));
  const storyBank = registerStoryBank(context, index);
  context.subscriptions.push(
    index,
    storyBank,
    registerDiagnostics(context, index),
    registerPreview(context, index),
    registerCompletion(context, index),
    registerPractice(context, index, storyBank),
    registerExport(index),
  );
  // The whole-bank scan (diagnostics of unopened files, the tree) runs once activation has returned.
  const scan = setTimeout(() => void index.ready(), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(scan) });
  // Read by the integration tests; not a public API.
  return { storyIndex: index, storyBankTree: storyBank.storyBankTree, parseStats: () => parser.stats?.(), activateMs: performance.now() - started };
}

export function deactivate(): void {}
