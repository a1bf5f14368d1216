import * as vscode from 'vscode';
import type { StoryIndex } from '../shared/storyIndex';
import { ENABLE_QUICK_SUGGESTIONS_COMMAND, enableQuickSuggestions } from './enableQuickSuggestions';
import { PrincipleNameProvider } from './principleNameProvider';
import { SectionCompletionProvider } from './sectionCompletionProvider';

/** Missing-section completions in markdown stories, and the command that turns on suggestions while typing. */
export function registerCompletion(_context: vscode.ExtensionContext, index: StoryIndex): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new SectionCompletionProvider(index)),
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new PrincipleNameProvider(index), ':', ',', ' '),
    vscode.commands.registerCommand(ENABLE_QUICK_SUGGESTIONS_COMMAND, enableQuickSuggestions),
  );
}
