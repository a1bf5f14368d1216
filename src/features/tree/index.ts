import * as vscode from 'vscode';
import { registerStoryBankCommands } from '../commands/register';
import { registerStoryFolding } from '../folding/storyFolding';
import type { StoryIndex } from '../shared/storyIndex';
import { registerStoryStatusBar } from '../statusBar/storyStatusBar';
import { registerStorySymbols } from '../symbols/storySymbols';
import { registerStoryBankTree } from './register';
import type { StoryBankProvider } from './storyBankProvider';

export interface StoryBank extends vscode.Disposable {
  /** The Story Bank's data provider, exported to tests and other extensions. */
  storyBankTree: StoryBankProvider;
}

/** The STAR sidebar and its editor companions: tree, commands, outline, folding and status bar. */
export function registerStoryBank(context: vscode.ExtensionContext, index: StoryIndex): StoryBank {
  const tree = registerStoryBankTree(context, index);
  const disposables = [tree, registerStoryBankCommands(index, tree), registerStorySymbols(index), registerStoryFolding(index), registerStoryStatusBar(index)];
  return { storyBankTree: tree.provider, dispose: () => vscode.Disposable.from(...disposables).dispose() };
}
