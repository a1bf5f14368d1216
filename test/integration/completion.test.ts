import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { parseBank } from '../../src/core/parser';
import { activeExtension, waitFor, waitForEvent, wsFile } from './support/helpers';

type Item = vscode.CompletionItem;

const labelOf = (item: Item): string => (typeof item.label === 'string' ? item.label : item.label.label);
const snippetOf = (item: Item): string => (item.insertText instanceof vscode.SnippetString ? item.insertText.value : String(item.insertText ?? ''));

async function completionsAt(document: vscode.TextDocument, position: vscode.Position): Promise<Item[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items;
}

/** formats/incomplete.md with an empty line opened (indented, as Enter leaves it) after story 1's Situation item. */
async function storyOneWithOpenLine(): Promise<{ document: vscode.TextDocument; line: number }> {
  const source = await vscode.workspace.openTextDocument(wsFile('formats', 'incomplete.md'));
  const lines = source.getText().split(/\r?\n/);
  const situationEnd = lines.findIndex((l, i) => l === '    </li>' && lines[i - 2]?.includes('<b>Situation: </b>'));
  assert.ok(situationEnd > 0, 'story 1 closes its Situation item');
  lines.splice(situationEnd + 1, 0, '    ');
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: lines.join('\n') });
  return { document, line: situationEnd + 1 };
}

describe('completion: missing sections', () => {
  before(async () => {
    await vscode.workspace.openTextDocument(wsFile('formats', 'incomplete.md'));
    await activeExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('offers the missing Task first in story 1 of formats/incomplete.md, in its <li> style, beside the star snippet', async () => {
    const { document, line } = await storyOneWithOpenLine();
    await vscode.window.showTextDocument(document);
    const items = await completionsAt(document, new vscode.Position(line, 4));
    const labels = items.map(labelOf);

    const ours = items.filter((i) => /\((missing|optional)\)$/.test(labelOf(i))).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepStrictEqual(ours.map(labelOf), ['Task (missing)', 'Learning (optional)']);
    const task = ours[0];
    assert.match(task.sortText ?? '', /^0/);
    assert.strictEqual(task.kind, vscode.CompletionItemKind.Snippet);
    assert.strictEqual(snippetOf(task), '    <li>\n        <b>Task: </b><br>\n        - ${1}<br>\n    </li>');
    const range = task.range instanceof vscode.Range ? task.range : task.range?.replacing;
    assert.ok(range?.isEqual(new vscode.Range(line, 0, line, 4)), `replaces the line's indent: ${JSON.stringify(range)}`);

    // The contributed snippets come through the same command (VS Code's snippet provider).
    const star = items.find((i) => labelOf(i) === 'star');
    assert.ok(star, `the star snippet is offered too; got ${labels.join(', ')}`);
    assert.strictEqual(star.kind, vscode.CompletionItemKind.Snippet);
  });

  it('inserts the Task so that the story reads S-T-A-R, with the indentation of the other items', async () => {
    const { document, line } = await storyOneWithOpenLine();
    const editor = await vscode.window.showTextDocument(document);
    const task = (await completionsAt(document, new vscode.Position(line, 4))).find((i) => labelOf(i) === 'Task (missing)');
    assert.ok(task && task.insertText instanceof vscode.SnippetString);
    const range = task.range instanceof vscode.Range ? task.range : task.range!.replacing;
    const changed = waitForEvent(vscode.workspace.onDidChangeTextDocument, (e) => e.document === document, 'the snippet insertion', 10000);
    assert.ok(await editor.insertSnippet(task.insertText, range));
    await changed;
    const lines = document.getText().split('\n').slice(line - 1, line + 5);
    assert.deepStrictEqual(lines, ['    </li>', '    <li>', '        <b>Task: </b><br>', '        - <br>', '    </li>', '    <li>']);
    // The tab stop is where the Task's words go.
    assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character], [line + 2, 10]);
  });

  it('offers only Learning in story 3 (a markdown list inside <details>), on the real file', async () => {
    const document = await vscode.workspace.openTextDocument(wsFile('formats', 'incomplete.md'));
    await vscode.window.showTextDocument(document);
    const lines = document.getText().split(/\r?\n/);
    const blank = lines.findIndex((l, i) => l === '' && lines[i + 1] === '</details>' && lines[i - 1]?.startsWith('- **Result:**'));
    assert.ok(blank > 0);
    const ours = (await completionsAt(document, new vscode.Position(blank, 0))).filter((i) => /\((missing|optional)\)$/.test(labelOf(i)));
    assert.deepStrictEqual(ours.map(labelOf), ['Learning (optional)']);
    assert.strictEqual(snippetOf(ours[0]), '- **Learning:** ${1}\n');
  });

  it('offers nothing of its own outside a story, and leaves the snippets', async () => {
    const document = await vscode.workspace.openTextDocument(wsFile('formats', 'incomplete.md'));
    await vscode.window.showTextDocument(document);
    const items = await completionsAt(document, new vscode.Position(1, 0)); // the blank line under "# Deliver Results"
    assert.deepStrictEqual(items.filter((i) => /\((missing|optional)\)$/.test(labelOf(i))).map(labelOf), []);
    assert.ok(items.some((i) => labelOf(i) === 'star'), 'the star snippet is still offered');
  });

  it('shows the Task first in the suggest widget and accepting it inserts the section', async () => {
    const { document, line } = await storyOneWithOpenLine();
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(line, 4, line, 4);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    // Accept once the suggestions are in: the preselected Task is inserted, nothing else.
    await waitFor(async () => {
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      return document.lineAt(line).text !== '    ';
    }, 'the suggest widget to accept an item', 10000, 200);
    assert.deepStrictEqual(document.getText().split('\n').slice(line, line + 4), ['    <li>', '        <b>Task: </b><br>', '        - <br>', '    </li>']);
  });

  it('typing star and accepting the suggestion inserts a seed-style story', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Ownership\n\n' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    await vscode.commands.executeCommand('type', { text: 'star' });
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    // Accept until the snippet lands, but never again before an accept's own edit has arrived (a second accept
    // in flight would insert the story twice).
    await waitFor(async () => {
      const edited = waitForEvent(vscode.workspace.onDidChangeTextDocument, (e) => e.document === document && e.contentChanges.length > 0, 'the accepted suggestion', 1000).then(
        () => true,
        () => false,
      );
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      await edited;
      return document.getText().includes('<details>');
    }, 'the star snippet to be accepted', 10000, 200);
    const [story, ...others] = parseBank(document.getText()).principles.flatMap((p) => p.questions);
    assert.strictEqual(others.length, 0, `one story, in:\n${document.getText()}`);
    assert.strictEqual(story.container, 'details');
    assert.deepStrictEqual(story.sections.map((s) => `${s.kind}/${s.style}`), ['situation/html', 'task/html', 'action/html', 'result/html']);
  });

  it('contributes the command that turns on suggestions while typing', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('starAnswers.enableQuickSuggestions'));
  });
});
