import * as vscode from 'vscode';
import { StoryIndex } from './features/shared/storyIndex';

/** Wires each feature to the shared story index; every registration returns its disposables. */
export function activate(context: vscode.ExtensionContext): void {
  const index = new StoryIndex();
  context.subscriptions.push(index);
  // Features register here (one line each): registerX(context, index)
  // The whole-bank scan runs in the background once the editor is up.
  setTimeout(() => void index.ready(), 0);
}

export function deactivate(): void {}
