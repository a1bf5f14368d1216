import * as vscode from 'vscode';
import type { StoryIndex } from '../shared/storyIndex';

/** Fold each story and each of its parts, when they span more than one line. */
export class StoryFoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly index: StoryIndex) {}

  async provideFoldingRanges(document: vscode.TextDocument): Promise<vscode.FoldingRange[]> {
    const file = await this.index.fresh(document, true);
    const ranges: vscode.FoldingRange[] = [];
    for (const principle of file.bank.principles) {
      for (const question of principle.questions) {
        const { start, end } = question.range;
        if (end.line > start.line) ranges.push(new vscode.FoldingRange(start.line, end.line, vscode.FoldingRangeKind.Region));
        for (const section of question.sections) {
          if (section.range.end.line > section.range.start.line) ranges.push(new vscode.FoldingRange(section.range.start.line, section.range.end.line));
        }
      }
    }
    return ranges;
  }
}

export function registerStoryFolding(index: StoryIndex): vscode.Disposable {
  return vscode.languages.registerFoldingRangeProvider({ language: 'markdown' }, new StoryFoldingProvider(index));
}
