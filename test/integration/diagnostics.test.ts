import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, canScreenshot, openFile, screenshot, waitFor, wsFile } from './support/helpers';

const SOURCE = 'STAR Answers';
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('diagnostics and quick fixes', function () {
  this.timeout(60000);

  before(async () => {
    await openFile('formats', 'incomplete.md');
    await activeExtension();
  });

  it('formats/incomplete.md: missing Task, unquantified Result, empty Action, ownership — with docs links', async () => {
    const uri = wsFile('formats', 'incomplete.md');
    const found = await waitFor(() => {
      const d = ours(uri);
      return d.length >= 4 && d;
    }, 'STAR diagnostics on incomplete.md');
    const rules = found.map(ruleOf).sort();
    assert.deepStrictEqual(
      rules.filter((r) => ['missing-section', 'empty-section', 'unquantified-result', 'ownership'].includes(r)),
      ['empty-section', 'missing-section', 'ownership', 'unquantified-result'],
    );
    const missing = found.find((d) => ruleOf(d) === 'missing-section')!;
    assert.strictEqual(missing.range.start.line, 5);
    assert.match(missing.message, /Missing Task/);
    const code = missing.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /^https:\/\/.+\/docs\/rules\/missing-section\.md$/);
    if (canScreenshot) {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await screenshot('diagnostics-problems');
    }
  });

  it('the whole bank is linted in the background; a README without stories gets nothing', async () => {
    const headings = wsFile('formats', 'headings.md');
    const found = await waitFor(() => {
      const d = ours(headings);
      return d.length > 0 && d;
    }, 'diagnostics on the unopened headings.md');
    assert.deepStrictEqual(found.map(ruleOf), ['unquantified-result']);
    assert.strictEqual(ours(wsFile('README.md')).length, 0);
    assert.strictEqual(ours(wsFile('seed', 'Customer Obsession.md')).filter((d) => ruleOf(d) !== 'too-long' && ruleOf(d) !== 'thin-action').length, 0);
  });

  it('a story copied into another file is reported on the copy, follows its first copy, and goes when either changes', async () => {
    const story = (title: string, words: string) => `# ${title}\n\n## Tell me about a time you fixed something nobody owned\n\n**Situation:** ${words}\n\n**Action:** I wrote the runbook, paired with each on-call engineer for a week and moved the alerts to a shared rotation.\n\n**Result:** Pages fell from 40 to 6 a week.\n`;
    const words = 'Our nightly import failed twice a week and nobody on the three teams that used it felt it was theirs to fix, so the failures sat in a shared inbox.';
    const first = wsFile('dup-a-original.md');
    const copy = wsFile('dup-b-copy.md');
    const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await write(first, story('Ownership', words));
      await write(copy, story('Deliver Results', words));
      const found = await waitFor(() => ours(copy).find((d) => ruleOf(d) === 'duplicate-story'), 'duplicate-story on the copy', 30_000);
      assert.strictEqual(found.relatedInformation?.[0]?.location.uri.toString(), first.toString());
      assert.strictEqual(ours(first).filter((d) => ruleOf(d) === 'duplicate-story').length, 0);
      await write(copy, story('Deliver Results', 'A supplier moved our launch forward by a month, and the two features the customer needed most were not started yet when the news reached me.'));
      await waitFor(() => !ours(copy).some((d) => ruleOf(d) === 'duplicate-story') && ours(copy).length > 0, 'the copy rewritten: no duplicate-story', 30_000);
      // The bank's index is kept between passes: a copy made again is found again, and follows its first copy when that moves.
      await write(copy, story('Deliver Results', words));
      const again = await waitFor(() => ours(copy).find((d) => ruleOf(d) === 'duplicate-story'), 'duplicate-story on the copy made again', 30_000);
      const line = again.relatedInformation![0].location.range.start.line;
      const other = 'Tell me about a time you disagreed with your manager';
      await write(first, story('Ownership', words).replace('## Tell me', `## ${other}\n\n**Situation:** We planned a rewrite.\n\n## Tell me`));
      await waitFor(() => ours(copy).find((d) => ruleOf(d) === 'duplicate-story' && d.relatedInformation![0].location.range.start.line === line + 4), 'the first copy moved four lines down: the finding points there', 30_000);
      await vscode.workspace.fs.delete(first);
      await waitFor(() => !ours(copy).some((d) => ruleOf(d) === 'duplicate-story'), 'the first copy deleted: no duplicate-story', 30_000);
    } finally {
      await vscode.workspace.fs.delete(first).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(copy).then(undefined, () => undefined);
    }
  });

  it('a page without a story, read and read again from disk, makes no diagnostics event (VS Code sends the window a message for each)', async () => {
    const uri = wsFile('no-story-notes.md');
    const index = ((await activeExtension()).exports as { storyIndex: { get(uri: vscode.Uri): { text: string } | undefined } }).storyIndex;
    const events: string[] = [];
    const listening = vscode.languages.onDidChangeDiagnostics((e) => e.uris.forEach((u) => events.push(u.toString())));
    const write = async (text: string) => {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      await waitFor(() => index.get(uri)?.text === text, 'the page read by the index', 30_000);
    };
    try {
      await write('# Meeting notes\n\nNothing here is a story.\n');
      await write('# Meeting notes\n\nStill nothing here is a story, only notes.\n');
      await new Promise((resolve) => setTimeout(resolve, 300)); // VS Code delivers the event 50 ms after the change
      assert.deepStrictEqual(events.filter((u) => u === uri.toString()), []);
    } finally {
      listening.dispose();
      await vscode.workspace.fs.delete(uri);
    }
  });

  it("a big document's first problems (set on the next turn) all arrive, and a later edit replaces them", async () => {
    const uri = wsFile('many-stories.md');
    const story = (i: number) => `## Tell me about slow build number ${i}\n\n**Situation:** build ${i} took an hour.\n\n**Action:** I cached step ${i}.\n\n**Result:** it got faster.\n\n`;
    const count = 300;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`# Builds\n\n${Array.from({ length: count }, (_, i) => story(i)).join('')}`));
    try {
      const editor = await vscode.window.showTextDocument(uri);
      const missing = () => ours(uri).filter((d) => ruleOf(d) === 'missing-section');
      await waitFor(() => missing().length === count, `a missing Task on each of the ${count} stories`, 30_000);
      // A Task in the first story: its problem goes, the others stay.
      const line = editor.document.getText().split('\n').indexOf('**Situation:** build 0 took an hour.');
      await editor.edit((e) => e.insert(new vscode.Position(line + 1, 0), '\n**Task:** make it fast.\n'));
      await waitFor(() => missing().length === count - 1, 'the first story without its problem', 30_000);
      assert.ok(missing().every((d) => d.range.start.line > line + 2), 'the remaining problems are on the other stories');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('a keystroke that moves no problem sends VS Code nothing; one that changes them sends them', async () => {
    const uri = wsFile('keystrokes.md');
    const text = '# Keystrokes\n\n## Tell me about a slow build\n\n**Situation:** the build took an hour.\n\n**Action:** I cached the steps.\n\n**Result:** it got faster.\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const editor = await vscode.window.showTextDocument(uri);
      const index = ((await activeExtension()).exports as { storyIndex: { fresh(d: vscode.TextDocument): Promise<unknown> } }).storyIndex;
      await waitFor(() => ours(uri).some((d) => ruleOf(d) === 'missing-section'), 'the missing Task');
      await index.fresh(editor.document);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // the reading from disk and the pass over the bank, published
      // The diagnostics VS Code holds are the objects last sent: a file sent again has new ones for the re-read story.
      const before = ours(uri);
      assert.deepStrictEqual(before.map(ruleOf).sort(), ['missing-section', 'unquantified-result']);
      // A word in the Situation, on a line of no problem: every problem keeps its place.
      await editor.edit((e) => e.insert(new vscode.Position(4, '**Situation:** the build'.length), ' nightly'));
      await index.fresh(editor.document);
      await new Promise((resolve) => setTimeout(resolve, 700)); // past the index's debounce
      const after = ours(uri);
      assert.strictEqual(after.length, before.length);
      assert.ok(after.every((d, i) => d === before[i]), 'the same diagnostics, not sent again');
      // A number in the Result: its problem goes, and VS Code is told.
      await editor.edit((e) => e.insert(new vscode.Position(8, '**Result:** it got'.length), ' 40%'));
      const changed = await waitFor(() => !ours(uri).some((d) => ruleOf(d) === 'unquantified-result') && ours(uri), "the Result's problem gone");
      assert.ok(changed.some((d) => ruleOf(d) === 'missing-section'));
      assert.ok(!changed.some((d) => before.includes(d) && ruleOf(d) === 'missing-section'), 'sent again: new objects for the re-read story');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('the quick fix inserts a Task in the <details> format, as one edit that keeps every character', async () => {
    // A copy, so that other tests still see the original.
    const source = wsFile('formats', 'incomplete.md');
    const copy = wsFile('formats', 'incomplete-fix-copy.md');
    await vscode.workspace.fs.copy(source, copy, { overwrite: true });
    try {
      const document = await vscode.workspace.openTextDocument(copy);
      await vscode.window.showTextDocument(document);
      const original = document.getText();
      const missing = await waitFor(() => ours(copy).find((d) => ruleOf(d) === 'missing-section'), 'missing-section on the copy');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', copy, missing.range, vscode.CodeActionKind.QuickFix.value);
      const add = actions.find((a) => a.title === 'Add a Task section');
      assert.ok(add, `actions: ${actions.map((a) => a.title).join(', ')}`);
      assert.strictEqual(add.isPreferred, true);
      assert.ok(actions.some((a) => a.title === 'Disable missing-section for this story'));
      assert.ok(add.edit);
      assert.ok(await vscode.workspace.applyEdit(add.edit));
      const text = document.getText();
      let i = 0;
      for (const c of text) if (i < original.length && c === original[i]) i++;
      assert.strictEqual(i, original.length, 'every original character kept, in order');
      assert.match(text, /<\/li>\n {4}<li>\n {8}<b>Task: <\/b><br>\n {8}- <br>\n {4}<\/li>\n {4}<li>\n {8}<b>Action:<\/b><br>/);
      await waitFor(() => !ours(copy).some((d) => ruleOf(d) === 'missing-section' && d.range.start.line === 5), 'missing Task to go away');
      await vscode.commands.executeCommand('undo');
      await waitFor(() => document.getText() === original, 'one undo to restore the text');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(copy);
    }
    await waitFor(() => ours(copy).length === 0, 'diagnostics of a deleted file cleared');
  });

  it('starAnswers.rules turns a rule off without a reload', async () => {
    const uri = wsFile('formats', 'incomplete.md');
    const config = vscode.workspace.getConfiguration('starAnswers');
    await config.update('rules', { ownership: 'off', 'missing-section': 'error' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => !ours(uri).some((d) => ruleOf(d) === 'ownership'), 'ownership off');
      const missing = ours(uri).find((d) => ruleOf(d) === 'missing-section');
      assert.strictEqual(missing?.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => ours(uri).some((d) => ruleOf(d) === 'ownership'), 'ownership back on');
  });
});
