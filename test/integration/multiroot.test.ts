import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, openFile, waitFor } from './support/helpers';

// Runs only in the multi-root stage (scripts/run-vscode-tests.js --multi-root test/fixtures/multiroot/second-bank):
// the examples plus a second folder whose .vscode/settings.json sets its own include, exclude and rules.
const SOURCE = 'STAR Answers';
const rulesOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE).map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));

interface IndexApi {
  storyIndex: { all(): { uri: vscode.Uri }[]; isIncluded(uri: vscode.Uri): boolean; ready(): Promise<void> };
}

describe('multi-root workspace: settings per folder', function () {
  this.timeout(60000);
  let second: vscode.WorkspaceFolder;

  before(async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 2, `two workspace folders, got ${folders.map((f) => f.name).join(', ')}`);
    second = folders[1];
    await openFile('formats', 'incomplete.md');
    await activeExtension();
  });

  it("reads each folder with its own include and exclude", async () => {
    const ext = await activeExtension();
    const index = (ext.exports as IndexApi).storyIndex;
    const inSecond = () => index.all().map((f) => f.uri.toString()).filter((u) => u.startsWith(second.uri.toString())).map((u) => u.slice(second.uri.toString().length));
    // Files arrive in no set order across folders: the assertions read the index once the scan is over.
    await index.ready();
    assert.deepStrictEqual(inSecond(), ['/stories/Ownership.md'], 'drafts/ is excluded and notes/ is outside include');
    assert.ok(index.all().some((f) => f.uri.path.endsWith('/formats/headings.md')), 'the first folder keeps the default include');
  });

  it("lints each folder's files with that folder's rules", async () => {
    const first = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'formats', 'incomplete.md');
    await waitFor(() => rulesOf(first).includes('ownership'), 'ownership on the first folder (default: warning)');
    const story = vscode.Uri.joinPath(second.uri, 'stories', 'Ownership.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(story));
    // The story says "we" three times and "I" never, and its Result has no number: only the folder's
    // setting keeps ownership quiet while unquantified-result still reports.
    const rules = await waitFor(() => {
      const found = rulesOf(story);
      return found.includes('unquantified-result') && found;
    }, "unquantified-result on the second folder's story");
    assert.ok(!rules.includes('ownership'), `ownership is off in the second folder, got ${rules.join(', ')}`);
  });

  it("matches each folder's exclude globs with VS Code's own matching, relative to the folder", async () => {
    const index = ((await activeExtension()).exports as IndexApi).storyIndex;
    const first = vscode.workspace.workspaceFolders![0].uri;
    assert.strictEqual(index.isIncluded(vscode.Uri.joinPath(second.uri, 'stories', 'drafts', 'Draft.md')), false, 'stories/drafts/** in the second folder');
    assert.strictEqual(index.isIncluded(vscode.Uri.joinPath(second.uri, 'stories', 'Ownership.md')), true);
    assert.strictEqual(index.isIncluded(vscode.Uri.joinPath(first, 'stories', 'drafts', 'Draft.md')), true, "the second folder's exclude does not reach the first");
    assert.strictEqual(index.isIncluded(vscode.Uri.joinPath(first, 'node_modules', 'pkg', 'README.md')), false, 'the default exclude in the first folder');
  });
});
