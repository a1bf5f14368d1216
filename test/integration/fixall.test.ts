import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, waitFor, wsFile } from './support/helpers';

const SOURCE = 'STAR Answers';
const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const fillers = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && ruleOf(d) === 'filler');

const STORY = [
  '# Bias for Action',
  '',
  '## Tell me about a time you moved fast',
  '',
  '**Situation:** Our signup form was basically losing a third of its visitors.',
  '',
  '**Task:** I had one week to find out why.',
  '',
  '**Action:** I actually watched ten recorded sessions and I really wanted to see where people stopped.',
  '',
  '**Result:** Signups rose 18% in two weeks and the team was very happy.',
  '',
].join('\n');

describe('fix all: source.fixAll.starAnswers and "Fix all filler problems"', function () {
  this.timeout(90000);
  const uri = wsFile('fix-all-on-save.md');

  before(async () => {
    await vscode.workspace.fs.writeFile(uri, Buffer.from(STORY, 'utf8'));
    // Opening a markdown file activates the extension.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await activeExtension();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('offers "Fix all filler problems in this file" next to each filler quick fix, as one edit', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const found = await waitFor(() => fillers(uri).length === 4 && fillers(uri), 'four filler findings');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, found[0].range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Delete "basically"'), titles.join(', '));
    const all = actions.find((a) => a.title === 'Fix all filler problems in this file');
    assert.ok(all?.edit, titles.join(', '));
    assert.strictEqual(all.edit.entries().length, 1);
    assert.strictEqual(all.edit.entries()[0][1].length, 4);
  });

  it('editor.codeActionsOnSave runs it on save, and one undo restores the file', async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', { 'source.fixAll.starAnswers': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await waitFor(() => fillers(uri).length === 4, 'four filler findings');
    // A real change, so that the save is not skipped.
    await editor.edit((b) => b.insert(document.positionAt(document.getText().length), '\n'));
    const before = document.getText();
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor(() => !document.isDirty && !/basically|actually|really|very/.test(document.getText()), 'the fillers deleted on save');
    assert.strictEqual(
      document.getText(),
      before.replace('basically ', '').replace('actually ', '').replace('really ', '').replace('very ', ''),
      'only the fillers and their spaces went',
    );
    await vscode.commands.executeCommand('undo');
    await waitFor(() => document.getText() === before, 'one undo to bring every filler back');
  });
});
