import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, waitFor, wsFile } from './support/helpers';

interface ParseStats {
  workersStarted: number;
  answers: Record<string, { full?: number; incremental?: number; skipped?: number }>;
}

const SOURCE = 'STAR Answers';
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const STORY = '# Where it is read\n\n## Tell me about a time you moved fast\n\n**Situation:** a release slipped.\n\n**Action:** I split the work.\n\n**Result:** shipped 2 days early.\n';

// Both hosts: the answers come from the host's kind of worker, never from the extension host's own thread.
describe('where story files are read', function () {
  this.timeout(60_000);
  const file = wsFile('where-it-is-read.md');
  const expected = process.env.STAR_TEST_ROUTE === 'web-worker' ? 'web worker' : 'node process';

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
  });

  it(`reads in a ${expected}, in full and then only the edited story while typing`, async () => {
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(STORY));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const ext = await activeExtension();
    const stats = () => (ext.exports as { parseStats: () => ParseStats | undefined }).parseStats();
    await waitFor(() => ours(file).some((d) => /Task/.test(d.message)), 'the missing Task of the new file');
    const before = stats();
    assert.ok(before, 'the extension reports how it read files');
    console.log(`    read so far: ${JSON.stringify(before)}`);
    assert.deepStrictEqual(Object.keys(before.answers), [expected], 'every answer came from the host\'s worker');
    assert.ok((before.answers[expected].full ?? 0) >= 1, 'at least one file read in full there');
    // Two workers, and one more for each time the hostile-file suite before this one overran a budget: once in the
    // typing worker, and once or twice in the scan's (the file's creation and its change may each be read): a handful,
    // never one per file.
    assert.ok(before.workersStarted >= 1 && before.workersStarted <= 6, `workers started: ${before.workersStarted}`);

    // A word typed in the Action: the typing worker re-reads only that story.
    const at = editor.document.positionAt(STORY.indexOf('I split') + 'I '.length);
    await editor.edit((e) => e.insert(at, 'quickly '));
    const after = await waitFor(() => {
      const now = stats();
      return (now?.answers[expected]?.incremental ?? 0) > (before.answers[expected].incremental ?? 0) && now;
    }, 'an incremental re-read of the edited story');
    assert.deepStrictEqual(Object.keys(after.answers), [expected]);
  });

  it('reads an edit while the user types and shows it once the debounce has passed', async () => {
    const ext = await activeExtension();
    type Held = { version: number | undefined };
    const index = (ext.exports as { storyIndex: { get(uri: vscode.Uri): Held | undefined; onDidChange: vscode.Event<vscode.Uri[]> } }).storyIndex;
    const typed = wsFile('read-ahead.md');
    const config = vscode.workspace.getConfiguration('starAnswers');
    const debounceMs = 4000;
    await config.update('debounceMs', debounceMs, vscode.ConfigurationTarget.Workspace);
    const shown: { version: number | undefined; at: number }[] = [];
    const listening = index.onDidChange((uris) => {
      if (uris.some((u) => u.toString() === typed.toString())) shown.push({ version: index.get(typed)?.version, at: performance.now() });
    });
    try {
      await vscode.workspace.fs.writeFile(typed, new TextEncoder().encode(STORY));
      // The watcher's readings of the new file (a create and a change) end before the document opens: they read an open document at once.
      await waitFor(() => index.get(typed), 'the new file read from disk');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // Open but in no editor: VS Code asks no provider (folding, outline) for it, which would read it at once too.
      const document = await vscode.workspace.openTextDocument(typed);
      await waitFor(() => index.get(typed)?.version === document.version && ours(typed).some((d) => /Task/.test(d.message)), 'the open document read');
      const edit = new vscode.WorkspaceEdit();
      edit.insert(typed, document.positionAt(STORY.indexOf('**Action:**')), '**Task:** I had to ship on time.\n\n');
      const editedAt = performance.now();
      assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applied');
      const version = document.version;
      // Held well before the debounce ends, and not shown yet: the problems are still those of before the edit.
      await waitFor(() => index.get(typed)?.version === version, 'the edited version read ahead', debounceMs - 2500);
      assert.ok(performance.now() - editedAt < debounceMs, 'read before the debounce ended');
      assert.deepStrictEqual(shown.filter((s) => s.version === version), [], 'not shown before the debounce');
      assert.ok(ours(typed).some((d) => /Task/.test(d.message)), 'the old problems stand meanwhile');
      // A provider asked meanwhile (the outline) gets the edited version, and does not show it early either.
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', typed);
      const names = (list: readonly vscode.DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
      assert.ok(names(symbols ?? []).includes('Task'), `the outline holds the new Task: ${names(symbols ?? []).join(', ')}`);
      assert.ok(performance.now() - editedAt < debounceMs, 'asked before the debounce ended');
      assert.deepStrictEqual(shown.filter((s) => s.version === version), [], 'not shown by the outline\'s request');
      // Shown once the debounce has passed, from the reading held.
      const event = await waitFor(() => shown.find((s) => s.version === version), 'the edited version shown', debounceMs + 10000);
      assert.ok(event.at - editedAt >= debounceMs, `shown ${Math.round(event.at - editedAt)} ms after the edit, the debounce is ${debounceMs} ms`);
      await waitFor(() => !ours(typed).some((d) => /Task/.test(d.message)), 'the missing Task gone');
    } finally {
      listening.dispose();
      await config.update('debounceMs', undefined, vscode.ConfigurationTarget.Workspace);
      // Saved first: a deleted file's document that holds unsaved changes stays in the bank.
      await vscode.workspace.textDocuments.find((d) => d.uri.toString() === typed.toString())?.save();
      await vscode.workspace.fs.delete(typed).then(undefined, () => undefined);
    }
  });

  it('does not parse a page of docs read from disk that can hold no story, but reads a principle\'s file without one, links and all, and again when the catalog names it', async () => {
    const ext = await activeExtension();
    const stats = () => (ext.exports as { parseStats: () => ParseStats | undefined }).parseStats()?.answers[expected] ?? {};
    const index = (ext.exports as { storyIndex: { get(uri: vscode.Uri): { bank: { principles: { title: string }[] } } | undefined } }).storyIndex;
    const docs = wsFile('setup-notes.md');
    const principle = wsFile('think-big-skeleton.md');
    const linked = wsFile('dive-deep-skeleton.md');
    try {
      const skippedBefore = stats().skipped ?? 0;
      await vscode.workspace.fs.writeFile(docs, new TextEncoder().encode('# Setup\n\nRun `npm ci`, then read [the guide](https://example.com/guide).\n\n- one step\n\n- another step\n'));
      await waitFor(() => index.get(docs), 'the docs page in the index');
      // Once or twice: writing a new file makes a watcher's create and change events.
      assert.ok((stats().skipped ?? 0) > skippedBefore, 'answered without a parse');
      assert.deepStrictEqual(index.get(docs)!.bank.principles, []);
      await vscode.workspace.fs.writeFile(principle, new TextEncoder().encode('# Think Big\n\n## 1. Definition\n\nThinking small is a self-fulfilling prophecy.\n'));
      const read = await waitFor(() => index.get(principle), 'the principle\'s file in the index');
      assert.deepStrictEqual(read.bank.principles.map((p) => p.title), ['Think Big'], 'read in full');
      // Its definition needs the full markdown reader (a link, code): still read, its title names a principle of the catalog.
      await vscode.workspace.fs.writeFile(linked, new TextEncoder().encode('# Dive Deep\n\n## 1. Definition\n\nStay connected to the details ([the list](https://example.com/lp)) and run `audit` often.\n'));
      const linkedRead = await waitFor(() => index.get(linked), 'the linked principle\'s file in the index');
      assert.deepStrictEqual(linkedRead.bank.principles.map((p) => p.title), ['Dive Deep'], 'read in full');
      // A principle of a catalog chosen now: its page, read before without a parse, is read again.
      const config = vscode.workspace.getConfiguration('starAnswers');
      try {
        await config.update('customCatalog', [{ title: 'Setup' }], vscode.ConfigurationTarget.Workspace);
        await config.update('catalog', 'custom', vscode.ConfigurationTarget.Workspace);
        const reread = await waitFor(() => (index.get(docs)?.bank.principles.length ? index.get(docs) : undefined), 'the docs page read again as the file of the principle Setup');
        assert.deepStrictEqual(reread.bank.principles.map((p) => p.title), ['Setup']);
      } finally {
        await config.update('catalog', undefined, vscode.ConfigurationTarget.Workspace);
        await config.update('customCatalog', undefined, vscode.ConfigurationTarget.Workspace);
      }
    } finally {
      for (const uri of [docs, principle, linked]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });
});
