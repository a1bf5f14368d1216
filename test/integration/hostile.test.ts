import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, longestStall, openFile, waitFor, wsFile } from './support/helpers';

const SOURCE = 'STAR Answers';
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** A story above 1,500 nested list levels, each on its own indented line (about 2.2 MB): minutes of parsing. */
function hostileText(): string {
  let text = '# Hostile\n\n## A story deep down\n\n**Situation:** a list nested far too deep follows.\n\n';
  for (let i = 0; i < 1_500; i++) text += `${'  '.repeat(i)}- level ${i}\n`;
  return text;
}

const story = (result: string) => `# Later principle\n\n## Tell me about a late change\n\n**Situation:** s\n\n**Action:** I did it.\n\n**Result:** ${result}\n`;

describe('a hostile file in the bank', function () {
  this.timeout(120_000);
  const hostile = wsFile('hostile-nested.md');
  const later = wsFile('later-story.md');

  before(async () => {
    await openFile('formats', 'incomplete.md');
    await activeExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [hostile, later]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('gets one clear message, while the other files still get their diagnostics and the host keeps running', async () => {
    // What the machine itself costs: the same measure while nothing of ours runs.
    const idle = await longestStall(() => new Promise((resolve) => setTimeout(resolve, 3_000)));
    const { stallMs, ranMs } = await longestStall(async () => {
      await vscode.workspace.fs.writeFile(hostile, new TextEncoder().encode(hostileText()));
      // Written after the hostile file: read by the same background scan worker, after it.
      await vscode.workspace.fs.writeFile(later, new TextEncoder().encode(story('it went well')));
      const message = await waitFor(() => ours(hostile).find((d) => /took longer than .* to read as a story bank/.test(d.message)), 'the budget message on the hostile file', 60_000);
      assert.strictEqual(ours(hostile).length, 1, 'one message, nothing else');
      assert.strictEqual(message.range.start.line, 0);
      const found = await waitFor(() => ours(later).length >= 2 && ours(later), 'diagnostics of the file written after the hostile one', 30_000);
      assert.deepStrictEqual(found.map(ruleOf).filter((r) => r === 'missing-section' || r === 'unquantified-result').sort(), ['missing-section', 'unquantified-result']);

      // Opened in the editor, it goes to the typing worker: typing elsewhere still gets its diagnostics.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(hostile), { preview: false });
      const editor = await openFile('later-story.md');
      await editor.edit((e) => e.insert(new vscode.Position(5, 0), '**Task:** keep the release date.\n\n'));
      await waitFor(() => !ours(later).some((d) => ruleOf(d) === 'missing-section'), 'diagnostics of the edited file without the missing Task', 30_000);
    });
    const ran = ranMs === undefined ? '' : ` (the host's thread ran ${ranMs} ms of it and waited the rest for a processor)`;
    console.log(`    longest extension host stall while the hostile file was read: ${stallMs} ms${ran} (idle, for comparison: ${idle.stallMs} ms)`);
    // The target is 50 ms; a loaded CI machine gets slack, but seconds of parsing would fail this. Where Linux tells how
    // long the host's thread itself ran in that stall, that is what is held to it: waiting for a processor is the machine's.
    assert.ok((ranMs ?? stallMs) < 1_000, `the extension host stalled ${stallMs} ms${ran}`);
    assert.ok(stallMs < 5_000, `the extension host stalled ${stallMs} ms${ran}`);
  });
});
