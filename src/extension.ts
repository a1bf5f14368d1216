import * as vscode from 'vscode';
import { StoryIndex } from './features/shared/storyIndex';
import { registerStoryBank } from './features/tree';
import { registerDiagnostics } from './features/diagnostics';
import { registerPreview } from './features/preview/register';
import { registerCompletion } from './features/completion';

/** Wires each feature to the shared story index; every registration returns its disposables. */
export function activate(context: vscode.ExtensionContext) {
  const index = new StoryIndex();
  context.subscriptions.push(index);
  context.subscriptions.push(registerDiagnostics(context, index));
  context.subscriptions.push(registerPreview(context, index));
  context.subscriptions.push(registerCompletion(context, index));
  // Features register here (one line each): registerX(context, index)
  // The whole-bank scan runs in the background once the editor is up.
  setTimeout(() => void index.ready(), 0);
  const storyBank = registerStoryBank(context, index);
  context.subscriptions.push(storyBank);
  return { storyIndex: index, storyBankTree: storyBank.storyBankTree };
}

export function deactivate(): void {}
