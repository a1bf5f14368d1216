import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLint } from '../../../src/cli/lint';
import { runOutline } from '../../../src/cli/outline';
import { inProcessEndpoint } from '../../../src/worker/inProcess';
import { spawnNodeWorker } from '../../../src/worker/spawnNode';
import { nestedListText } from '../helpers/hostile';
import { workerBundle } from '../helpers/workerBundle';

const ROOT = path.resolve(__dirname, '../../..');

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: (cwd: string) => ({ stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), cwd }) };
}

async function lint(argv: string[], cwd = ROOT, spawn?: () => ReturnType<typeof spawnNodeWorker>, budgetMs?: number) {
  const { out, io } = capture();
  const code = await runLint(argv, io(cwd), { spawn, budgetMs });
  return { code, ...out };
}

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'star-run-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const story = (n: number, result: string) => `# P${n}\n\n## Q${n}\n\n**Situation:** s\n\n**Task:** t\n\n**Action:** I did it.\n\n**Result:** ${result}\n`;

describe('cli: worker threads, --jobs and --cache', function () {
  this.timeout(120_000);

  it('prints the same findings in the same order with 1 and 3 worker threads', async () => {
    const worker = await workerBundle();
    const one = await lint(['--jobs', '1', 'test/fixtures/examples', 'test/fixtures/rules'], ROOT, () => spawnNodeWorker(worker));
    const three = await lint(['--jobs=3', 'test/fixtures/examples', 'test/fixtures/rules'], ROOT, () => spawnNodeWorker(worker));
    assert.ok(one.stdout.split('\n').length > 20);
    assert.equal(three.stdout, one.stdout);
    assert.equal(three.stderr, one.stderr);
    assert.equal(three.code, one.code);
  });

  it('rejects a bad --jobs', async () => {
    const { code, stderr } = await lint(['--jobs', '0', 'test/fixtures/examples']);
    assert.equal(code, 2);
    assert.match(stderr, /--jobs needs a whole number/);
  });

  it('ends a hostile file at the time budget with one clear message, and reads the others', async () => {
    const worker = await workerBundle();
    const dir = folder({ 'a.md': story(1, 'better'), 'deep.md': nestedListText(1_500), 'z.md': story(2, '3 times faster') });
    const started = Date.now();
    const { code, stdout, stderr } = await lint(['--jobs', '2', '.'], dir, () => spawnNodeWorker(worker), 1_500);
    assert.ok(Date.now() - started < 15_000);
    assert.equal(code, 2);
    assert.match(stdout, /^a\.md:\d+:\d+ warning unquantified-result/m);
    assert.equal(stderr.split('\n').filter((l) => l.includes('deep.md')).length, 1);
    assert.match(stderr, /deep\.md: This file took longer than 1\.5 s to read as a story bank and was skipped/);
  });

  it('starts all its workers at once when it has no cache (every file will be parsed), and none when the cache answers for every file', async () => {
    const dir = folder({ 'a.md': story(1, 'better') });
    const started: string[] = [];
    const spawn = () => (started.push('worker'), inProcessEndpoint());
    const io = { stdout: () => undefined, stderr: () => undefined, cwd: dir };
    await runLint(['--jobs', '2', '.'], io, { spawn });
    assert.deepEqual(started, ['worker', 'worker'], 'both, though one file needs one');
    started.length = 0;
    await runLint(['--cache-location', 'cache', '.'], io, { spawn });
    assert.equal(started.length, 1, 'a cold run with a cache starts a worker for what it must read');
    started.length = 0;
    await runLint(['--cache-location', 'cache', '.'], io, { spawn });
    assert.deepEqual(started, []);
  });

  describe('--cache', () => {
    const location = (dir: string) => path.join(dir, 'cache');
    // A spawner that counts the files parsed: a cached file is never sent to a worker.
    function counting() {
      const counter = { files: 0 };
      const spawn = () => {
        const endpoint = spawnNodeWorker(workerPath);
        const post = endpoint.post;
        endpoint.post = (request) => {
          if (request.type === 'parse') counter.files++;
          post(request);
        };
        return endpoint;
      };
      return { counter, spawn };
    }
    let workerPath = '';
    before(async () => {
      workerPath = await workerBundle();
    });

    it('re-reads nothing when nothing changed, and answers the same', async () => {
      const dir = folder({ 'a.md': story(1, 'better'), 'b.md': story(2, '19% more') });
      const first = counting();
      const cold = await lint(['--cache-location', location(dir), '.'], dir, first.spawn);
      assert.equal(first.counter.files, 2);
      const second = counting();
      const warm = await lint(['--cache-location', location(dir), '.'], dir, second.spawn);
      assert.equal(second.counter.files, 0);
      assert.deepEqual(warm, cold);
    });

    it('re-reads a changed file only', async () => {
      const dir = folder({ 'a.md': story(1, 'better'), 'b.md': story(2, '19% more') });
      await lint(['--cache-location', location(dir), '.'], dir, counting().spawn);
      fs.writeFileSync(path.join(dir, 'a.md'), story(1, '4 minutes'));
      const again = counting();
      const { stdout } = await lint(['--cache-location', location(dir), '.'], dir, again.spawn);
      assert.equal(again.counter.files, 1);
      assert.doesNotMatch(stdout, /unquantified-result/);
    });

    it('takes a file as unchanged, unread, when its size and modification time are those it had well before its last reading', async () => {
      const dir = folder({ 'a.md': story(1, 'better'), 'b.md': story(2, '19% more') });
      const past = new Date(Date.now() - 3_600_000);
      for (const name of ['a.md', 'b.md']) fs.utimesSync(path.join(dir, name), past, past);
      await lint(['--cache-location', location(dir), '.'], dir, counting().spawn);
      // The same size and modification time: the stamp says unchanged, so the kept result stands (as the
      // editor's index does); the new words are not read.
      fs.writeFileSync(path.join(dir, 'a.md'), story(1, '4 days'));
      fs.utimesSync(path.join(dir, 'a.md'), past, past);
      const again = counting();
      const { stdout } = await lint(['--cache-location', location(dir), '.'], dir, again.spawn);
      assert.equal(again.counter.files, 0);
      assert.match(stdout, /a\.md:\d+:\d+ warning unquantified-result/);
      // A new modification time: read again, and the change is seen.
      fs.utimesSync(path.join(dir, 'a.md'), new Date(), new Date());
      const changed = counting();
      const after = await lint(['--cache-location', location(dir), '.'], dir, changed.spawn);
      assert.equal(changed.counter.files, 1);
      assert.doesNotMatch(after.stdout, /unquantified-result/);
    });

    it('reads a file again when its stamp is too close to its last reading to prove it unchanged', async () => {
      const dir = folder({ 'a.md': story(1, 'better') });
      const mtime = new Date(Math.floor(Date.now() / 1000) * 1000); // a whole second, as a coarse file system keeps it
      fs.utimesSync(path.join(dir, 'a.md'), mtime, mtime);
      await lint(['--cache-location', location(dir), '.'], dir, counting().spawn);
      // Written again within the same second, the same size, the same modification time.
      fs.writeFileSync(path.join(dir, 'a.md'), story(1, '4 days'));
      fs.utimesSync(path.join(dir, 'a.md'), mtime, mtime);
      const again = counting();
      const { stdout } = await lint(['--cache-location', location(dir), '.'], dir, again.spawn);
      assert.equal(again.counter.files, 1);
      assert.doesNotMatch(stdout, /unquantified-result/);
    });

    it('re-reads every file when the settings change', async () => {
      const dir = folder({ 'a.md': story(1, 'better'), 'b.md': story(2, '19% more') });
      await lint(['--cache-location', location(dir), '.'], dir, counting().spawn);
      fs.writeFileSync(path.join(dir, '.star-answers.json'), JSON.stringify({ rules: { 'unquantified-result': 'error' } }));
      const again = counting();
      const { stdout, code } = await lint(['--cache-location', location(dir), '.'], dir, again.spawn);
      assert.equal(again.counter.files, 2);
      assert.match(stdout, /error unquantified-result/);
      assert.equal(code, 1);
    });

    it('drops everything kept by another version of the tool', async () => {
      const dir = folder({ 'a.md': story(1, 'better') });
      await lint(['--cache-location', location(dir), '.'], dir, counting().spawn);
      const file = path.join(location(dir), 'lint-cache.json');
      const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.equal(Object.keys(stored.entries).length, 1);
      stored.tool = '0.0.0-older';
      fs.writeFileSync(file, JSON.stringify(stored));
      const again = counting();
      await lint(['--cache-location', location(dir), '.'], dir, again.spawn);
      assert.equal(again.counter.files, 1);
      assert.notEqual(JSON.parse(fs.readFileSync(file, 'utf8')).tool, '0.0.0-older');
    });

    it("lists a folder's files in the last run's order when it finds the same files, and sorts them again when one comes", async () => {
      const dir = folder({ 'b.md': story(2, 'better'), 'a.md': story(1, 'better'), 'c.md': story(3, 'better') });
      const filesIn = (stdout: string) => [...new Set(stdout.split('\n').map((line) => /^(\w+\.md):/.exec(line)?.[1]).filter(Boolean))];
      const cold = await lint(['--cache-location', location(dir), '.'], dir, counting().spawn);
      assert.deepEqual(filesIn(cold.stdout), ['a.md', 'b.md', 'c.md']);
      // Kept in the cache: a warm run takes that order instead of making a collator to sort by name again.
      const file = path.join(location(dir), 'lint-cache.json');
      const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
      const keys = Object.keys(stored.orders ?? {});
      assert.equal(keys.length, 1);
      stored.orders[keys[0]].reverse();
      fs.writeFileSync(file, JSON.stringify(stored));
      const warm = await lint(['--cache-location', location(dir), '.'], dir, counting().spawn);
      assert.deepEqual(filesIn(warm.stdout), ['c.md', 'b.md', 'a.md']);
      fs.writeFileSync(path.join(dir, 'aa.md'), story(4, 'better'));
      const grown = await lint(['--cache-location', location(dir), '.'], dir, counting().spawn);
      assert.deepEqual(filesIn(grown.stdout), ['a.md', 'aa.md', 'b.md', 'c.md']);
    });

    it('keeps outline results apart from lint results, in node_modules/.cache/star-answers by default', async () => {
      const dir = folder({ 'a.md': story(1, 'better') });
      const { out, io } = capture();
      assert.equal(await runOutline(['--cache', '--json', '.'], io(dir), { spawn: counting().spawn }), 0);
      assert.ok(fs.existsSync(path.join(dir, 'node_modules', '.cache', 'star-answers', 'outline-cache.json')));
      const warm = capture();
      assert.equal(await runOutline(['--cache', '--json', '.'], warm.io(dir)), 0);
      assert.equal(warm.out.stdout, out.stdout);
    });
  });
});
