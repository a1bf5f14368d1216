import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, openFile, waitFor } from './support/helpers';

describe('folding', () => {
  it('folds each <details> story of the seed as a region, and its multi-line sections', async () => {
    const editor = await openFile('seed', 'Customer Obsession.md');
    await activeExtension();
    const uri = editor.document.uri;
    const ranges = await waitFor(async () => {
      const found = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri)) ?? [];
      return found.some((r) => r.kind === vscode.FoldingRangeKind.Region) && found;
    }, 'story folding ranges on the seed');
    // Lines are 0-based: the first story is the <details> block of lines 6 to 33 (1-based).
    const stories = ranges.filter((r) => r.kind === vscode.FoldingRangeKind.Region);
    assert.strictEqual(stories.length, 2, JSON.stringify(stories));
    assert.ok(stories[0].start >= 5 && stories[0].start <= 6 && stories[0].end >= 31 && stories[0].end <= 32, JSON.stringify(stories[0]));
    // The Action item (lines 21 to 26, 1-based) folds on its own.
    assert.ok(ranges.some((r) => r.start === 20 && r.end >= 24 && r.end <= 25), JSON.stringify(ranges));
  });
});
