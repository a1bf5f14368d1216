import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, waitFor, wsFile } from './support/helpers';

interface Node {
  kind: string;
  label: string;
  uri?: string;
  children: Node[];
  status?: { summary: string; level: string };
}
interface Tree {
  getChildren(element?: Node): Promise<Node[]>;
}
interface PreviewInfo {
  resource: string;
  shownVersion: number;
  shownResource?: string;
  stories: { id: string; title: string }[];
  html: string;
}

/** A story as real banks write it: sub-headings inside, tags before, a heading between sections, a lazy label. */
const BANK = `# Earn Trust

## Winning over a team that had been burned

### Tags
migrations, trust

**Question:** Tell me about a time you had to win over a skeptical team.

### Situation
The team had lived through two failed migrations and refused a third.

### Task
I had to move their ledger without an outage.

### Action
#### Week 1: listen
- I met each engineer and wrote down every failure they remembered.

#### Week 2: make it reversible
- I built a dual-write path so that one command rolled everything back.

### Why it mattered
Nobody would approve a plan they could not undo.

### Result
We cut over with zero customer-facing errors.

## Owning a mistake

**Situation:** An import I wrote duplicated 1,200 invoices.
**Result:** All duplicates were gone within 6 hours.
`;

const STAR = 'STAR Answers';
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === STAR);

describe('a real bank: sub-headings inside a story', function () {
  this.timeout(60000);
  const uri = () => wsFile('real', 'earn-trust.md');

  before(async () => {
    await vscode.workspace.fs.writeFile(uri(), new TextEncoder().encode(BANK));
    await activeExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(wsFile('real'), { recursive: true });
  });

  it('the tree, the Problems panel and the preview agree: one complete story, no warning', async () => {
    const document = await vscode.workspace.openTextDocument(uri());
    await vscode.window.showTextDocument(document);
    const tree = ((await activeExtension()).exports as { storyBankTree: Tree }).storyBankTree;
    const principle = await waitFor(async () => (await tree.getChildren()).find((n) => n.kind === 'principle' && n.uri === uri().toString()), 'the new file in the Story Bank', 20000);
    const questions = await tree.getChildren(principle);
    assert.deepStrictEqual(
      questions.map((q) => [q.label, q.status?.summary]),
      [
        ['Tell me about a time you had to win over a skeptical team.', 'complete'],
        ['Owning a mistake', 'no Task · no Action'],
      ],
    );
    const sections = await tree.getChildren(questions[0]);
    assert.deepStrictEqual(sections.map((s) => s.label.split(/[ :·]/)[0]), ['Situation', 'Task', 'Action', 'Result']);

    // The second story's two warnings show the file was linted; the first story gets none.
    const found = await waitFor(() => ours(uri()).filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length >= 2 && ours(uri()), 'warnings on the second story');
    const warnings = found.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning);
    assert.deepStrictEqual(warnings.map((d) => [d.range.start.line, d.message.split(':')[0]]), [
      [28, 'Missing Task'],
      [28, 'Missing Action'],
    ]);
    await vscode.commands.executeCommand('starAnswers.openPreviewToSide');
    const info = await waitFor(
      async () => ((await vscode.commands.executeCommand<PreviewInfo[]>('starAnswers._previewState')) ?? []).find((p) => p.resource === uri().toString() && p.shownResource === uri().toString() && p.shownVersion === document.version),
      'the preview of the new file',
      20000,
    );
    assert.deepStrictEqual(info.stories.map((s) => s.title), ['Tell me about a time you had to win over a skeptical team.', 'Owning a mistake']);
    const [first, second] = info.html.split('<details class="story"').slice(1);
    assert.match(first, /Complete/);
    assert.doesNotMatch(first, /No Situation|No Task|No Action|No Result|Unquantified/);
    assert.match(second, /No Task/);
    assert.match(second, /No Action/);
    assert.strictEqual(ours(uri()).filter((d) => d.range.start.line < 28).length, 0, 'nothing on the first story');
  });
});
