import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { registerDiagnostics } from '../../src/features/diagnostics';
import { IndexSnapshot } from '../../src/features/shared/indexSnapshot';
import { WorkerBankParser } from '../../src/features/shared/parseService';
import { StoryIndex } from '../../src/features/shared/storyIndex';
import { spawnNodeWorker } from '../../src/worker/spawnNode';
import { EXTENSION_ID, longestStall, waitFor, wsFile } from './support/helpers';

/** Stalls measured every 5 ms: finer than the tests' default, for a measurement. */
const stallOf = <T>(during: () => Promise<T>) => longestStall(during, 5);

// A measurement, not a check: runs only with STAR_SNAPSHOT_BENCH=1, e.g.
//   STAR_SNAPSHOT_BENCH=1 STAR_SCREENSHOTS=0 STAR_PACKAGED=0 STAR_TEST_FILES=snapshotBench npm run test:integration
// STAR_SNAPSHOT_BENCH_FILES (1000) files of about STAR_SNAPSHOT_BENCH_BYTES (2000) bytes, one in six without a story.
// "Full tree": every file of the bank has its result in the index (what the Story Bank view shows).
const FILES = Number(process.env.STAR_SNAPSHOT_BENCH_FILES || 1000);
const BYTES = Number(process.env.STAR_SNAPSHOT_BENCH_BYTES || 2000);

const VOCABULARY = 'team customer order release plan week month data cost time launch scope partner alert runbook rota page answer export log service owner budget risk review test build deploy incident metric goal feature user report support ticket queue backlog sprint design migration database cache latency error outage fix rollout'.split(' ');

/** Sentences of words drawn by a seeded generator: stories that differ as real ones do (not copies for duplicate-story). */
function words(seed: number, count: number): string {
  let x = (seed * 2654435761 + 1) | 0 || 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    // xorshift32
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.push(VOCABULARY[(x >>> 0) % VOCABULARY.length]);
  }
  return out.join(' ');
}

const STYLES = [
  (n: number, s: number) => `<details>\n<summary><b>Tell me about a deadline you moved (${n}).</b></summary>\n<ul>\n<li><b>Situation: </b><br>\n${words(s, 14)}.<br></li>\n<li><b>Task: </b><br>\nI owned ${words(s + 1, 10)}.<br></li>\n<li><b>Action: </b><br>\nI ${words(s + 2, 20)}.<br></li>\n<li><b>Result: </b><br>\nWe cut ${words(s + 3, 6)} by ${n % 9}0%.</li>\n</ul>\n</details>\n\n`,
  (n: number, s: number) => `## Story ${n}: ${words(s, 4)}\n\n**Situation:** ${words(s + 1, 14)}.\n\n**Task:** I wanted ${words(s + 2, 10)}.\n\n**Action:** I ${words(s + 3, 20)}.\n\n**Result:** ${words(s + 4, 6)} fell from 3 hours to 4 minutes.\n\n`,
  (n: number, s: number) => `## When did data change your mind (${n})\n\n### Situation\n${words(s, 14)}.\n\n### Task\nI sized ${words(s + 1, 10)}.\n\n### Action\n- I ${words(s + 2, 10)}.\n- I ${words(s + 3, 10)}.\n\n### Result\nWe kept ${words(s + 4, 6)}.\n\n`,
];

function fileText(i: number): string {
  let text = `# Principle ${i}\n\n`;
  if (i % 6 === 5) {
    for (let n = 0; text.length < BYTES; n++) text += `- a note about the project, number ${n}\n`;
    return text;
  }
  for (let n = 0; text.length < BYTES; n++) text += STYLES[(n + i) % STYLES.length](n, i * 1000 + n * 10);
  return text;
}

if (process.env.STAR_SNAPSHOT_BENCH === '1') describe('measure: index start to a full tree, with and without the snapshot', function () {
  this.timeout(1_800_000);
  const dir = wsFile('snapshot-bench');
  let storage: vscode.Uri;
  let worker: string;

  before(async () => {
    worker = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'worker.js');
    storage = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'star-snapshot-bench-')));
    let bytes = 0;
    for (let i = 0; i < FILES; i++) {
      const text = fileText(i);
      bytes += text.length;
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, `p${i % 10}`, `file-${i}.md`), new TextEncoder().encode(text));
    }
    console.log(`    bank: ${FILES} files, ${(bytes / 1024 / 1024).toFixed(2)} MB; host: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.versions.node}`);
  });

  after(async () => {
    await vscode.workspace.fs.delete(dir, { recursive: true }).then(undefined, () => undefined);
    fs.rmSync(storage.fsPath, { recursive: true, force: true });
  });

  const session = () => {
    let parsed = 0;
    const inner = new WorkerBankParser(() => spawnNodeWorker(worker), { where: 'node worker' });
    const parser = { parse: (r: Parameters<WorkerBankParser['parse']>[0]) => (parsed++, inner.parse(r)), forget: (k: string) => inner.forget(k), dispose: () => inner.dispose() };
    const snapshot = new IndexSnapshot(storage, 'bench', { log: (m) => console.log(`    (snapshot: ${m})`) });
    const index = new StoryIndex(parser, snapshot);
    // STAR_SNAPSHOT_BENCH_DIAGNOSTICS=1: with the extension's diagnostics listening, as on the extension's own index.
    const diagnostics = process.env.STAR_SNAPSHOT_BENCH_DIAGNOSTICS === '1' ? registerDiagnostics(undefined as unknown as vscode.ExtensionContext, index) : new vscode.Disposable(() => undefined);
    const dispose = index.dispose.bind(index);
    index.dispose = () => {
      diagnostics.dispose();
      dispose();
    };
    return { index, snapshot, parsed: () => parsed };
  };

  it('cold, then warm three times', async () => {
    const cold = session();
    const coldStart = performance.now();
    const { stallMs: coldStall } = await stallOf(() => cold.index.ready());
    const coldMs = performance.now() - coldStart;
    const files = cold.index.all().length;
    assert.ok(files >= FILES, `all ${FILES} files indexed (${files})`);
    const saveStart = performance.now();
    const { stallMs: saveStall } = await stallOf(() => waitFor(() => Promise.resolve(vscode.workspace.fs.stat(cold.snapshot.uri)).then((s) => s.size, () => 0), 'the snapshot', 600_000, 20));
    const saveMs = performance.now() - saveStart;
    const size = (await vscode.workspace.fs.stat(cold.snapshot.uri)).size;
    cold.index.dispose();
    console.log(`    cold: ${files} files parsed and shown in ${(coldMs / 1000).toFixed(2)} s (${cold.parsed()} sent to the worker; longest host stall ${coldStall} ms)`);
    console.log(`    snapshot written ${(saveMs / 1000).toFixed(2)} s after the scan ended: ${(size / 1024 / 1024).toFixed(2)} MB (longest host stall ${saveStall} ms)`);

    const idle = await stallOf(() => new Promise((resolve) => setTimeout(resolve, 2_000)));
    const loadStart = performance.now();
    const reader = session();
    const loaded = await stallOf(() => reader.snapshot.load());
    reader.index.dispose();
    console.log(`    reading the snapshot alone: ${loaded.value.length} entries in ${((performance.now() - loadStart) / 1000).toFixed(2)} s (longest host stall ${loaded.stallMs} ms; 2 s idle, for comparison: ${idle.stallMs} ms)`);

    for (let run = 1; run <= 3; run++) {
      const warm = session();
      const start = performance.now();
      let treeMs = 0;
      const { stallMs } = await stallOf(async () => {
        const shown = waitFor(() => warm.index.all().length >= files, 'the restored tree', 600_000, 5).then(() => (treeMs = performance.now() - start));
        await warm.index.ready();
        await shown;
      });
      const doneMs = performance.now() - start;
      assert.strictEqual(warm.index.all().length, files);
      assert.strictEqual(warm.parsed(), 0, 'nothing parsed on a warm start');
      warm.index.dispose();
      console.log(`    warm ${run}: full tree from the snapshot in ${(treeMs / 1000).toFixed(2)} s, every file checked (stat) in ${(doneMs / 1000).toFixed(2)} s, ${warm.parsed()} sent to the worker (longest host stall ${stallMs} ms)`);
    }
  });
});
