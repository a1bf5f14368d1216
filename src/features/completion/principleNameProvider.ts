import * as vscode from 'vscode';
import { completePrincipleNames } from '../../core/complete/principleNames';
import type { StoryIndex } from '../shared/storyIndex';
import { catalogSetting } from '../tree/settings';

/** On a story's `**Principles:**` line: the principle names of the catalog and of the bank not yet listed. */
export class PrincipleNameProvider implements vscode.CompletionItemProvider {
  constructor(private readonly index: StoryIndex) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const line = document.lineAt(position.line).text;
    if (!/principles?|lps?|tags|also answers|maps to/i.test(line)) return undefined;
    const offset = document.offsetAt(position);
    const lineStart = document.offsetAt(new vscode.Position(position.line, 0));
    const bankTitles = this.index.storyFiles().flatMap((f) => f.bank.principles.map((p) => p.title));
    const titles = [...catalogSetting().map((c) => c.title), ...bankTitles];
    const found = completePrincipleNames(line, offset - lineStart, titles);
    if (!found) return undefined;
    const range = new vscode.Range(document.positionAt(lineStart + found.start), document.positionAt(lineStart + found.end));
    return found.names.map((name, i) => {
      const item = new vscode.CompletionItem({ label: name, description: 'principle' }, vscode.CompletionItemKind.EnumMember);
      item.range = range;
      item.sortText = String(i).padStart(3, '0');
      item.detail = 'List this story under this principle too';
      return item;
    });
  }
}
