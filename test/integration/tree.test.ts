import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { OUTLINE_SECTIONS_MAX_STORIES, StorySymbolProvider } from '../../src/features/symbols/storySymbols';
import type { StoryIndex } from '../../src/features/shared/storyIndex';
import { activeExtension, canScreenshot, openFile, screenshot, waitFor, wsFile } from './support/helpers';

// The shapes the extension exports (kept loose: tests only read them).
interface Node {
  id: string;
  kind: string;
  label: string;
  description: string;
  uri?: string;
  children: Node[];
  parent?: Node;
  status?: { summary: string; level: string };
}
interface Tree {
  getChildren(element?: Node): Promise<Node[]>;
  getTreeItem(element: Node): vscode.TreeItem;
  resolveTreeItem(item: vscode.TreeItem, element: Node): vscode.TreeItem;
  getParent(element: Node): Node | undefined;
  onDidChangeTreeData: vscode.Event<Node | Node[] | undefined>;
}

const EXPECTED: Record<string, Record<string, string>> = {
  'Customer Obsession': {
    'Describe a situation where you had to deal with a difficult customer.': 'complete',
    'Describe a situation where you negotiated a win-win.': 'complete',
  },
  Ownership: {
    'Tell me about a time you took on something outside your area of responsibility.': 'complete',
    'Describe a decision you made for the long term that cost you in the short term.': 'complete',
  },
  'Dive Deep': {
    'Tell me about a time you found the root cause of a hard problem': 'complete',
    'Give an example of when you used data to change a decision': 'no metric',
  },
  'Bias for Action': {
    'Tell me about a time you made a decision without all the information.': 'complete',
    'Describe a time you took a calculated risk.': 'complete',
  },
  'Learn and Be Curious': {
    'Story 1 — Learning a new stack under a deadline': 'complete',
    'Story 2 — What I learned from a failed experiment': 'no Task · no metric',
  },
  'Deliver Results': {
    'Tell me about a time you delivered a project under a tight deadline.': 'no Task · no metric',
    'Describe a goal you did not reach.': 'empty Action',
    'Tell me about a time you had to push through a setback.': 'complete',
  },
};
const FIXTURES = ['seed/Customer Obsession.md', 'formats/bold-labels.md', 'formats/headings.md', 'formats/incomplete.md', 'formats/list-labels.md', 'formats/starl-and-synonyms.md'];

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

describe('Story Bank tree', function () {
  let tree: Tree;
  let fixtureUris: Set<string>;

  before(async () => {
    await openFile('seed', 'Customer Obsession.md');
    const ext = await activeExtension();
    const api = ext.exports as { storyBankTree?: Tree } | undefined;
    assert.ok(api?.storyBankTree, 'the extension exports storyBankTree');
    tree = api.storyBankTree;
    fixtureUris = new Set(FIXTURES.map((f) => wsFile(...f.split('/')).toString()));
    // The workspace scan runs in the background: wait until every example file is in the tree.
    await waitFor(
      async () => (await tree.getChildren()).filter((n) => n.kind === 'principle' && fixtureUris.has(n.uri!)).length === 6,
      'the 6 example principles in the Story Bank',
      20000,
    );
  });

  it('lists 6 principles and 13 questions with the statuses the examples imply', async () => {
    const roots = await tree.getChildren();
    const principles = roots.filter((n) => n.kind === 'principle' && fixtureUris.has(n.uri!));
    assert.deepStrictEqual(principles.map((p) => p.label).sort(), Object.keys(EXPECTED).sort());
    let questions = 0;
    for (const p of principles) {
      const children = await tree.getChildren(p);
      questions += children.length;
      const statuses = Object.fromEntries(children.map((q) => [q.label, q.status!.summary]));
      assert.deepStrictEqual(statuses, EXPECTED[p.label], p.label);
      assert.match(tree.getTreeItem(p).description as string, new RegExp(`^${children.length} stories`));
      for (const q of children) {
        assert.strictEqual(tree.getParent(q), p);
        const item = tree.getTreeItem(q);
        assert.match(item.description as string, /^\d+ words · \d+:\d\d/);
        const icon = item.iconPath as vscode.ThemeIcon;
        assert.ok(icon instanceof vscode.ThemeIcon);
        // Incomplete stories are warnings in the Problems panel: the tree agrees (no red error icon).
        const complete = q.status!.summary === 'complete';
        assert.strictEqual(icon.id, complete ? 'pass' : 'warning', q.label);
        assert.strictEqual(icon.color?.id, complete ? 'testing.iconPassed' : 'list.warningForeground', q.label);
        // The tooltip is made on hover, not sent with every item.
        assert.strictEqual(item.tooltip, undefined);
        const tooltip = tree.resolveTreeItem(item, q).tooltip;
        assert.ok(tooltip instanceof vscode.MarkdownString);
        assert.match(tooltip.value, /^\*\*\S[^]*words per minute/);
        assert.strictEqual(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      }
    }
    assert.strictEqual(questions, 13);
    const uncovered = roots.find((n) => n.kind === 'uncovered');
    assert.ok(uncovered, 'a "Not covered yet" node');
    assert.ok(uncovered.children.some((c) => c.label === 'Invent and Simplify'));
  });

  it('moves the cursor to a question when its item is clicked', async () => {
    const roots = await tree.getChildren();
    const dive = roots.find((n) => n.kind === 'principle' && n.label === 'Dive Deep')!;
    const question = (await tree.getChildren(dive))[1];
    const item = tree.getTreeItem(question);
    assert.ok(item.command, 'the item has a command');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = await waitFor(
      () => vscode.window.activeTextEditor?.document.uri.toString() === wsFile('formats', 'headings.md').toString() && vscode.window.activeTextEditor,
      'headings.md in the active editor',
    );
    const line = editor.document.lineAt(editor.selection.active.line).text;
    assert.match(line, /Give an example of when you used data to change a decision/);
    assert.strictEqual(editor.document.getText(editor.selection), 'Give an example of when you used data to change a decision');
  });

  it('reveals the story under the cursor in the tree', async () => {
    const editor = await openFile('formats', 'incomplete.md');
    const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.includes('I led the cost review'));
    editor.selection = new vscode.Selection(line, 4, line, 4);
    const node = (await vscode.commands.executeCommand('starAnswers.revealInTree')) as Node | undefined;
    assert.ok(node, 'a node was revealed');
    assert.strictEqual(node.label, 'Describe a goal you did not reach.');
    assert.strictEqual(tree.getParent(node)?.label, 'Deliver Results');
  });

  /** Reverts an edited examples file of Deliver Results and waits until the tree shows the story at `index` as it was. */
  async function revertShowing(document: vscode.TextDocument, index: number, summary: string): Promise<void> {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(async () => {
      const deliver = (await tree.getChildren()).find((n) => n.kind === 'principle' && n.label === 'Deliver Results');
      return deliver && (await tree.getChildren(deliver))[index].status!.summary === summary;
    }, 'the tree to show the reverted file', 10000);
  }

  it('finds the story under the cursor in the document as edited, before the index catches up', async () => {
    const editor = await openFile('formats', 'incomplete.md');
    const original = editor.document.getText();
    try {
      // What a quick fix does, plus what the user then writes: a Task in the first story, lines moved below it.
      const after = original.split(/\r?\n/).findIndex((l) => l.includes('A customer moved their go-live date forward')) + 2;
      const task = `    <li>\n        <b>Task:</b><br>\n        - ${'Ship the two features the customer needed most, on the new date, without cutting quality. '.repeat(4)}<br>\n    </li>\n`;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(editor.document.uri, new vscode.Position(after, 0), task);
      assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applied');
      const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.includes('short of the 50% target'));
      editor.selection = new vscode.Selection(line, 10, line, 10);
      // At once: the index re-reads an edited document only after starAnswers.debounceMs.
      const node = (await vscode.commands.executeCommand('starAnswers.revealInTree')) as Node | undefined;
      assert.strictEqual(node?.label, 'Describe a goal you did not reach.');
      const deliver = (await tree.getChildren()).find((n) => n.kind === 'principle' && n.label === 'Deliver Results')!;
      assert.strictEqual((await tree.getChildren(deliver))[0].status!.summary, 'no metric', 'the tree shows the edited story');
    } finally {
      await revertShowing(editor.document, 0, 'no Task · no metric');
    }
  });

  it('redraws only the principle of an edited file, keeping every item\'s object', async () => {
    // What the view holds: the roots, their items, and the stories of one expanded principle.
    const roots = await tree.getChildren();
    for (const root of roots) tree.getTreeItem(root);
    const deliver = roots.find((n) => n.kind === 'principle' && n.label === 'Deliver Results')!;
    const dive = roots.find((n) => n.kind === 'principle' && n.label === 'Dive Deep')!;
    for (const story of await tree.getChildren(deliver)) tree.getTreeItem(story);
    const events: (Node | Node[] | undefined)[] = [];
    const listening = tree.onDidChangeTreeData((e) => events.push(e));
    const editor = await openFile('formats', 'incomplete.md');
    try {
      // The second story's empty Action gets a line: the story is complete.
      const lines = editor.document.getText().split(/\r?\n/);
      const action = lines.findIndex((l, i) => i > lines.findIndex((q) => q.includes('Describe a goal you did not reach')) && l.includes('<b>Action: </b>'));
      assert.ok(await editor.edit((e) => e.insert(new vscode.Position(action + 1, 0), '        - I moved idle servers to a cheaper tier<br>\n')), 'the edit applied');
      const redrawn = await waitFor(() => events.find((e) => Array.isArray(e)) as Node[] | undefined, 'a redraw of some items', 10000).catch((error: Error) => {
        throw new Error(`${error.message}; the events: ${events.map((e) => (e === undefined ? 'the whole view' : Array.isArray(e) ? `[${e.map((n) => n.label)}]` : e.label)).join(', ') || 'none'}`);
      });
      assert.ok(!events.includes(undefined), 'no redraw of the whole view');
      // That principle (and the interview plan, whose count of finished stories moved), no other principle.
      assert.deepStrictEqual(redrawn.filter((n) => n.kind === 'principle').map((n) => n.label), ['Deliver Results']);
      assert.strictEqual(redrawn[0], deliver, 'the principle keeps its object');
      const now = await tree.getChildren();
      assert.strictEqual(now.find((n) => n.label === 'Dive Deep'), dive);
      assert.strictEqual((await tree.getChildren(deliver))[1].status!.summary, 'complete');
    } finally {
      listening.dispose();
      await revertShowing(editor.document, 1, 'empty Action');
    }
  });

  it('creates the file of a principle not covered yet when its item is clicked', async () => {
    const group = (await tree.getChildren()).find((n) => n.kind === 'uncovered')!;
    const invent = (await tree.getChildren(group)).find((n) => n.label === 'Invent and Simplify')!;
    const item = tree.getTreeItem(invent);
    assert.strictEqual(item.command?.command, 'starAnswers.newPrincipleFile');
    const uri = (await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []))) as vscode.Uri | undefined;
    assert.ok(uri, 'a principle file was created');
    try {
      assert.strictEqual(uri.toString(), wsFile('Invent and Simplify.md').toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(text, /^# Invent and Simplify\n## 1\. Definition\n\S/);
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString(), 'the new file open');
    } finally {
      await vscode.window.showTextDocument(uri);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('outlines the seed: principle, its two questions and their sections', async () => {
    const uri = wsFile('seed', 'Customer Obsession.md');
    await vscode.workspace.openTextDocument(uri);
    const symbols = await waitFor(async () => {
      const found = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
      const all = flatten(found.filter((s) => 'children' in s));
      return all.some((s) => s.name === 'Describe a situation where you negotiated a win-win.') && all;
    }, 'story symbols of the seed');
    const questions = symbols.filter((s) => s.kind === vscode.SymbolKind.Event).map((s) => s.name);
    assert.deepStrictEqual(questions, ['Describe a situation where you had to deal with a difficult customer.', 'Describe a situation where you negotiated a win-win.']);
    const first = symbols.find((s) => s.name === questions[0])!;
    assert.deepStrictEqual(first.children.map((c) => c.name), ['Situation', 'Task', 'Action', 'Result']);
    assert.strictEqual(first.range.start.line, 5);
  });

  it('outlines a file of thousands of stories in slices, giving the extension host back, without sections above the limit, and stops when cancelled', async () => {
    const stories = 6000;
    const bank = (count: number) => ['# Big Bank', ...Array.from({ length: count }, (_, i) => `### Question ${i}?\n**Situation:** The queue grew.\n**Task:** Drain it.\n**Action:** I wrote the job.\n**Result:** Done in ${i} days.\n`)].join('\n');
    const uri = wsFile('big-outline.md');
    const atLimit = wsFile('outline-at-limit.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(bank(stories)));
    await vscode.workspace.fs.writeFile(atLimit, new TextEncoder().encode(bank(OUTLINE_SECTIONS_MAX_STORIES)));
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const index = ((await activeExtension()).exports as { storyIndex: StoryIndex }).storyIndex;
      await index.fresh(document);
      // Cancelled while it is built (VS Code asks again after each edit): it stops at its next slice.
      const cancelling = new vscode.CancellationTokenSource();
      setTimeout(() => cancelling.cancel(), 0);
      assert.deepStrictEqual(await new StorySymbolProvider(index).provideDocumentSymbols(document, cancelling.token), []);
      // Timers run only when the provider gives the thread back: the index's reading is held, so nothing else waits.
      let timers = 0;
      let counting = true;
      const count = () => {
        timers++;
        if (counting) setTimeout(count, 0);
      };
      setTimeout(count, 0);
      const symbols = await new StorySymbolProvider(index).provideDocumentSymbols(document, new vscode.CancellationTokenSource().token);
      counting = false;
      const questions = symbols.flatMap((p) => p.children);
      assert.strictEqual(questions.length, stories);
      assert.deepStrictEqual([questions[0].name, questions[stories - 1].name], ['Question 0?', `Question ${stories - 1}?`]);
      // Stories without their sections above the limit (VS Code copies the whole outline after most edits)…
      assert.deepStrictEqual(questions[7].children, []);
      // …and with them up to it.
      const limitDocument = await vscode.workspace.openTextDocument(atLimit);
      await index.fresh(limitDocument);
      const limitQuestions = (await new StorySymbolProvider(index).provideDocumentSymbols(limitDocument)).flatMap((p) => p.children);
      assert.strictEqual(limitQuestions.length, OUTLINE_SECTIONS_MAX_STORIES);
      assert.deepStrictEqual(limitQuestions[7].children.map((c) => c.name), ['Situation', 'Task', 'Action', 'Result']);
      assert.ok(timers >= 2, `the outline gave the thread back while it was built (timers run meanwhile: ${timers})`);
      const cancelled = new vscode.CancellationTokenSource();
      cancelled.cancel();
      assert.deepStrictEqual(await new StorySymbolProvider(index).provideDocumentSymbols(document, cancelled.token), [], 'cancelled before it began');
    } finally {
      await vscode.workspace.fs.delete(uri);
      await vscode.workspace.fs.delete(atLimit);
    }
  });

  it('adds a story in the file\'s style as one undoable edit, and the tree follows', async () => {
    const uri = (await vscode.commands.executeCommand('starAnswers.newPrincipleFile', 'Think Big')) as vscode.Uri | undefined;
    assert.ok(uri, 'a principle file was created');
    try {
      const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && vscode.window.activeTextEditor, 'the new file open');
      const original = editor.document.getText();
      assert.match(original, /^# Think Big\n## 1\. Definition\nThinking small/);
      // Not overwritten when asked again.
      await vscode.commands.executeCommand('starAnswers.newPrincipleFile', 'Think Big');
      assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), original);

      assert.strictEqual(await vscode.commands.executeCommand('starAnswers.addStory'), true);
      const text = editor.document.getText();
      assert.ok(text.startsWith(original.trimEnd()), 'the file\'s text is kept');
      assert.match(text, /<details>\n<summary><b>Tell me about a time when…<\/b><\/summary>\n<ul>/);
      assert.strictEqual(editor.document.getText(editor.selection), 'Tell me about a time when…', 'the question is selected');
      await waitFor(async () => (await tree.getChildren()).some((n) => n.kind === 'principle' && n.label === 'Think Big'), 'Think Big in the tree', 10000);

      await vscode.commands.executeCommand('undo');
      await waitFor(() => editor.document.getText() === original, 'the undo to restore the file');
    } finally {
      await vscode.window.showTextDocument(uri);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor(async () => !(await tree.getChildren()).some((n) => n.kind === 'principle' && n.label === 'Think Big'), 'Think Big to leave the tree', 10000);
  });

  it('shows the tree in the sidebar (screenshot)', async function () {
    if (!canScreenshot) this.skip();
    const editor = await openFile('seed', 'Customer Obsession.md');
    await vscode.commands.executeCommand('starAnswers.storyBank.focus');
    const roots = await tree.getChildren();
    assert.ok(roots.length >= 6);
    // Cursor in the seed's second story: the status bar shows it, the tree selects it.
    const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.includes('negotiated a win-win'));
    editor.selection = new vscode.Selection(line + 4, 10, line + 4, 10);
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('starAnswers.revealInTree');
    await vscode.window.showTextDocument(editor.document);
    await screenshot('tree');
  });
});
