import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, waitFor, wsFile } from './support/helpers';

interface Node {
  id: string;
  kind: string;
  label: string;
  description: string;
  uri?: string;
  children: Node[];
  linkedFrom?: string;
  linkedOnly?: boolean;
}
interface Tree {
  getChildren(element?: Node): Promise<Node[]>;
  getTreeItem(element: Node): vscode.TreeItem;
}

const STORY = [
  '# Frugality',
  '',
  '## Tell me about a time you did more with less',
  '',
  '**Principles:** Dive Deep, Earn Trust',
  '',
  '**Situation:** Our test fleet cost more than the product it tested, and the budget for the year was cut by half.',
  '',
  '**Task:** I owned the fleet and had to keep every team testing.',
  '',
  '**Action:** I measured which machines ran tests at night, moved those jobs to spot machines and told each team what changed.',
  '',
  '**Result:** The fleet cost fell 40% in two months, and no team lost a test run.',
  '',
].join('\n');
const TITLE = 'Tell me about a time you did more with less';

describe('a story for several principles: Story Bank tree and coverage', function () {
  this.timeout(60000);
  const uri = wsFile('several-principles.md');
  let tree: Tree;

  const principle = async (label: string) => (await tree.getChildren()).find((n) => n.kind === 'principle' && n.label === label);

  before(async () => {
    await vscode.workspace.fs.writeFile(uri, Buffer.from(STORY, 'utf8'));
    // Opening a markdown file activates the extension.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ext = await activeExtension();
    tree = (ext.exports as { storyBankTree: Tree }).storyBankTree;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    // Leave the tree as the other tests expect it: no linked story under Dive Deep.
    await waitFor(async () => !(await principle('Dive Deep'))?.children.some((q) => q.label === TITLE), 'the linked story to leave the tree', 20000);
  });

  it('lists the story under its own principle and under each principle of its Principles line', async () => {
    const frugality = await waitFor(() => principle('Frugality'), 'the Frugality principle in the Story Bank', 20000);
    assert.deepStrictEqual(frugality.children.map((q) => q.label), [TITLE]);
    assert.match(tree.getTreeItem(frugality.children[0]).description as string, /also for Dive Deep, Earn Trust/);

    const dive = await waitFor(async () => {
      const p = await principle('Dive Deep');
      return p?.children.some((q) => q.label === TITLE) && p;
    }, 'the story under Dive Deep too');
    const linked = dive.children.find((q) => q.label === TITLE)!;
    assert.strictEqual(linked.linkedFrom, 'Frugality');
    assert.strictEqual(linked.uri, uri.toString(), 'it opens the story where it is written');
    assert.match(tree.getTreeItem(linked).description as string, /from Frugality/);
    assert.match(tree.getTreeItem(dive).description as string, /\(1 linked\)/);
  });

  it('counts the named principles as covered: Earn Trust leaves "Not covered yet"', async () => {
    const trust = await waitFor(() => principle('Earn Trust'), 'Earn Trust listed as a principle');
    assert.ok(trust.linkedOnly);
    assert.deepStrictEqual(trust.children.map((q) => q.label), [TITLE]);
    const uncovered = (await tree.getChildren()).find((n) => n.kind === 'uncovered');
    assert.ok(uncovered);
    const labels = uncovered.children.map((c) => c.label);
    assert.ok(!labels.includes('Earn Trust') && !labels.includes('Frugality') && !labels.includes('Dive Deep'), labels.join(', '));
  });
});
