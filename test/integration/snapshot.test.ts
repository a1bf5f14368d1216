import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PoolRequest } from '../../src/core/worker/pool';
import { IndexSnapshot } from '../../src/features/shared/indexSnapshot';
import { WorkerBankParser, type BankParser } from '../../src/features/shared/parseService';
import { StoryIndex } from '../../src/features/shared/storyIndex';
import { spawnNodeWorker } from '../../src/worker/spawnNode';
import { EXTENSION_ID, waitFor, waitForEvent, wsFile } from './support/helpers';

/** The parse workers of the extension, counting the files the background scan sends them. */
class CountingParser implements BankParser {
  readonly scanned: string[] = [];
  private readonly inner: WorkerBankParser;

  constructor(extensionPath: string) {
    this.inner = new WorkerBankParser(() => spawnNodeWorker(path.join(extensionPath, 'dist', 'worker.js')), { where: 'node worker' });
  }

  parse(request: PoolRequest) {
    if (!request.keep) this.scanned.push(request.key);
    return this.inner.parse(request);
  }

  forget(key: string): void {
    this.inner.forget(key);
  }

  dispose(): void {
    this.inner.dispose();
  }
}

const story = (result: string) => `# Ownership\n\n## Tell me about a late order\n\n**Situation:** the order was late.\n\n**Task:** ship it.\n\n**Action:** I re-planned the week.\n\n**Result:** ${result}\n`;
const encode = (text: string) => new TextEncoder().encode(text);
const rel = (uri: string) => uri.slice(uri.indexOf('/snapshot-test/') + 1);
/** Documents VS Code still holds are read from their live text, never from disk or the snapshot. */
const notOpen = (uris: Iterable<string>) => {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  return new Set([...uris].filter((u) => !open.has(u)));
};

describe('the story index kept between sessions', function () {
  this.timeout(120_000);
  const dir = wsFile('snapshot-test');
  const kept = vscode.Uri.joinPath(dir, 'kept.md');
  const touched = vscode.Uri.joinPath(dir, 'touched.md');
  const changed = vscode.Uri.joinPath(dir, 'changed.md');
  const gone = vscode.Uri.joinPath(dir, 'gone.md');
  let extensionPath: string;
  let storage: vscode.Uri;
  const open: vscode.Disposable[] = [];

  /** A story index as the extension makes one, over `storage`, with its parser counting. */
  function session(version = '9.9.9', log: string[] = []) {
    const parser = new CountingParser(extensionPath);
    const snapshot = new IndexSnapshot(storage, version, { log: (m) => log.push(m) });
    const index = new StoryIndex(parser, snapshot);
    open.push(index);
    return { index, parser, snapshot, log };
  }

  before(async () => {
    extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    storage = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'star-snapshot-')));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.writeFile(kept, encode(story('3 days early.')));
    await vscode.workspace.fs.writeFile(touched, encode(story('half the cost.')));
    await vscode.workspace.fs.writeFile(changed, encode(story('it went fine.')));
    await vscode.workspace.fs.writeFile(gone, encode(story('10% more orders.')));
  });

  afterEach(() => {
    while (open.length) open.pop()!.dispose();
  });

  after(async () => {
    await vscode.workspace.fs.delete(dir, { recursive: true }).then(undefined, () => undefined);
    fs.rmSync(storage.fsPath, { recursive: true, force: true });
  });

  it('answers from the snapshot at once, sends only the changed file to the worker, and drops a deleted one', async () => {
    const first = session();
    await first.index.ready();
    const files = first.index.all();
    assert.deepStrictEqual(new Set(first.parser.scanned), notOpen(files.map((f) => f.uri.toString())), 'the first session parsed every file');
    for (const uri of [kept, touched, changed, gone]) assert.ok(first.index.get(uri), `the first session read ${uri.path}`);
    // Saved by itself once the scan is over.
    await waitFor(() => Promise.resolve(vscode.workspace.fs.stat(first.snapshot.uri)).then(() => true, () => false), 'the snapshot written after the first scan');
    const before = new Map(files.map((f) => [f.uri.toString(), f.bank]));
    first.index.dispose();

    // Between sessions: one file edited, one written again with the same text (a new mtime), one deleted.
    // Their watcher events are awaited, so that they reach no watcher of the next session (a new window has none).
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, '*.md'));
    const seen = new Set<string>();
    const note = (kind: string) => (uri: vscode.Uri) => seen.add(`${kind} ${rel(uri.toString())}`);
    watcher.onDidChange(note('change'));
    watcher.onDidDelete(note('delete'));
    open.push(watcher);
    const touchedStat = await vscode.workspace.fs.stat(touched);
    await waitFor(() => Date.now() > touchedStat.mtime + 5, 'the clock to move past the first write');
    await vscode.workspace.fs.writeFile(touched, encode(story('half the cost.')));
    await vscode.workspace.fs.writeFile(changed, encode(story('orders were 2 days late instead of 9.')));
    await vscode.workspace.fs.delete(gone);
    const newTouched = await vscode.workspace.fs.stat(touched);
    assert.notStrictEqual(newTouched.mtime, touchedStat.mtime, 'touched.md has a new modification time');
    await waitFor(() => ['change snapshot-test/touched.md', 'change snapshot-test/changed.md', 'delete snapshot-test/gone.md'].every((e) => seen.has(e)), "the watcher events of the changes");

    const second = session();
    let restored: { uris: string[]; scannedThen: number } | undefined;
    second.index.onDidChange((uris) => (restored ??= { uris: uris.map(String), scannedThen: second.parser.scanned.length }));
    const tree = waitForEvent(second.index.onDidChange, (uris) => uris.length > 0, 'the restored results');
    await second.index.ready();
    await tree;
    assert.ok(restored, 'the second session fired a change');
    assert.strictEqual(restored.scannedThen, 0, 'the tree filled before any file went to the worker');
    assert.deepStrictEqual(new Set(restored.uris), notOpen(before.keys()), 'the first change holds every file of the last session');
    assert.deepStrictEqual(second.parser.scanned.map(rel), ['snapshot-test/changed.md'], 'only the changed file was parsed');
    assert.strictEqual(second.index.get(gone), undefined, 'the deleted file left the bank');
    assert.match(second.index.get(changed)!.text, /2 days late instead of 9/, 'the changed file was read again');
    assert.strictEqual(second.index.get(touched)!.disk?.mtime, newTouched.mtime, 'the file with the same text keeps its result under its new mtime');
    for (const file of second.index.all()) {
      if (file.uri.toString() !== changed.toString()) assert.deepStrictEqual(file.bank, before.get(file.uri.toString()), `${file.uri.path} is the same`);
    }
    assert.strictEqual(second.index.get(kept)!.lint?.findings.length, 0, 'findings come back with the results');
    assert.ok(second.index.get(touched)!.lint, 'findings come back with the results');
  });

  it('reads everything again for another extension version, and for a corrupt snapshot', async () => {
    const upgraded = session('10.0.0');
    await upgraded.index.ready();
    assert.deepStrictEqual(new Set(upgraded.parser.scanned), notOpen(upgraded.index.all().map((f) => f.uri.toString())), 'a new version parses every file');
    assert.ok(upgraded.log.some((m) => /written by version 9\.9\.9, this is 10\.0\.0/.test(m)), `logged why: ${upgraded.log.join('; ')}`);
    await upgraded.snapshot.save(upgraded.index);
    upgraded.index.dispose();

    const bytes = await vscode.workspace.fs.readFile(upgraded.snapshot.uri);
    await vscode.workspace.fs.writeFile(upgraded.snapshot.uri, bytes.subarray(0, bytes.length >> 1));
    const afterCrash = session('10.0.0');
    await afterCrash.index.ready();
    assert.deepStrictEqual(new Set(afterCrash.parser.scanned), notOpen(afterCrash.index.all().map((f) => f.uri.toString())), 'a snapshot cut in half is ignored: every file parsed');
    assert.ok(afterCrash.log.some((m) => /ignored/.test(m)), `logged why: ${afterCrash.log.join('; ')}`);
  });
});
