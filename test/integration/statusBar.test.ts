import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, waitFor, wsFile } from './support/helpers';

/** What the hidden `starAnswers._storyStatusBar` command reports of the status bar item. */
interface StatusBarState {
  visible: boolean;
  text: string;
  tooltip: string;
}

const state = async () => (await vscode.commands.executeCommand<StatusBarState>('starAnswers._storyStatusBar'))!;

// Two stories with different gaps: an empty Task and a Result without a number, then a missing Task.
const TEXT = [
  '# Ownership',
  '',
  '## Tell me about a time you owned a mistake',
  '',
  '**Situation:** I shipped a migration that dropped a column still in use by the billing job.',
  '',
  '**Task:**',
  '',
  '**Action:** I rolled the migration back, restored the column from the backup and wrote the checklist we now use.',
  '',
  '**Result:** the billing job ran again the same night.',
  '',
  '## Tell me about a time you went beyond your role',
  '',
  '**Situation:** our support queue had no owner over the holidays.',
  '',
  '**Action:** I triaged it every morning and answered what I could.',
  '',
  '**Result:** we closed 140 tickets in two weeks.',
  '',
].join('\n');

describe('status bar: the story under the cursor', function () {
  this.timeout(60_000);
  const file = wsFile('status-bar-stories.md');
  let editor: vscode.TextEditor;

  before(async () => {
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(TEXT));
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    await activeExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
  });

  const moveTo = (line: number) => (editor.selection = new vscode.Selection(line, 2, line, 2));

  it('shows the parts of the story under the cursor, its length, and what it lacks', async () => {
    moveTo(8); // the first story's Action
    const first = await waitFor(async () => {
      const s = await state();
      return s.visible && s.text.startsWith('STAR ✓∅') && s;
    }, 'the first story in the status bar');
    assert.match(first.text, /^STAR ✓∅✓✓ · \d+ words · \d+:\d\d$/);
    assert.match(first.tooltip, /Tell me about a time you owned a mistake/);
    assert.match(first.tooltip, /✗ Task \(empty\)/);
    assert.match(first.tooltip, /The Result has no number/);

    moveTo(16); // the second story's Action
    const second = await waitFor(async () => {
      const s = await state();
      return s.visible && s.text.startsWith('STAR ✓✗') && s;
    }, 'the second story in the status bar');
    assert.match(second.text, /^STAR ✓✗✓✓ · \d+ words · \d+:\d\d$/);
    assert.match(second.tooltip, /✗ Task \(missing\)/);
    assert.doesNotMatch(second.tooltip, /no number/);
    const words = (s: StatusBarState) => Number(/(\d+) words/.exec(s.text)![1]);
    assert.ok(words(first) > words(second), `the longer story has more words (${first.text} / ${second.text})`);
  });

  it('hides outside a story, and follows an edit that fills a gap', async () => {
    moveTo(0); // the principle's title: no story
    await waitFor(async () => !(await state()).visible, 'the item to hide outside a story');

    await editor.edit((e) => e.insert(new vscode.Position(15, 0), '**Task:** keep the queue under a day old.\n\n'));
    moveTo(18); // the second story's Action, two lines lower now
    const filled = await waitFor(async () => {
      const s = await state();
      return s.visible && s.text.startsWith('STAR ✓✓✓✓') && s;
    }, 'the second story with its Task');
    assert.doesNotMatch(filled.tooltip, /missing/);
  });
});
