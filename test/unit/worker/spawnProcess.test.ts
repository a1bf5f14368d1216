import assert from 'node:assert/strict';
import { spawn as spawnChild } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { WorkerPool } from '../../../src/core/worker/pool';
import { resetDesktopWorkerFallback, spawnDesktopWorker } from '../../../src/worker/spawnDesktop';
import { spawnNodeProcess } from '../../../src/worker/spawnProcess';
import { workerBundle } from '../helpers/workerBundle';

const STORY = '# Ownership\n\n## Tell me about a time\n\n**Situation:** the build broke.\n\n**Action:** I fixed it.\n';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (check()) return true;
  return check();
}

describe('parse worker as a child process', function () {
  this.timeout(60_000);

  it('fails the request of a process that died with a message saying so, and reads the next file in a new one', async () => {
    const worker = await workerBundle();
    const started: number[] = [];
    const pool = new WorkerPool({
      size: 1,
      spawn: () => {
        const endpoint = spawnNodeProcess(worker);
        started.push(endpoint.pid!);
        return endpoint;
      },
      budgetMs: 30_000,
    });
    try {
      await pool.parse({ key: 'warm.md', version: 1, text: STORY });
      const big = pool.parse({ key: 'big.md', version: 1, text: STORY.repeat(20_000) });
      process.kill(started[0], 'SIGKILL');
      await assert.rejects(big, /the parse worker failed: the parse process was stopped by SIGKILL/);
      const next = await pool.parse({ key: 'next.md', version: 1, text: STORY });
      assert.equal(next.bank.hasStories, true);
      assert.equal(started.length, 2);
    } finally {
      pool.dispose();
    }
    assert.ok(await until(() => !started.some(alive), 5_000), 'every process ended with the pool');
  });

  it('runs in a session of its own on Linux, and ends when the process that started it is gone', async function () {
    if (process.platform !== 'linux') this.skip();
    const worker = await workerBundle();
    // A parent of its own, killed without a chance to clean up, as an extension host that crashed would be.
    const parentScript = `
      const { spawnNodeProcess } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/worker/spawnProcess.ts'))});
      const endpoint = spawnNodeProcess(${JSON.stringify(worker)});
      endpoint.onMessage((m) => { if (m.type === 'ready') console.log(endpoint.pid); });
    `;
    const parent = spawnChild(process.execPath, ['--import', 'tsx', '-e', parentScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve, reject) => {
      parent.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim())));
      parent.once('exit', () => reject(new Error('the parent ended before its parse process was ready')));
    });
    assert.ok(alive(pid));
    const session = (p: number) => fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ')[3];
    assert.notEqual(session(pid), session(process.pid));
    parent.kill('SIGKILL');
    assert.ok(await until(() => !alive(pid), 5_000), 'the parse process outlived its parent');
  });
});

describe('parse worker on the desktop: a process, else a thread', function () {
  this.timeout(60_000);
  afterEach(() => resetDesktopWorkerFallback());

  it('reads in a process when one can start', async () => {
    const worker = await workerBundle();
    const endpoints: { where: string }[] = [];
    const spawnCounted = new WorkerPool({
      size: 1,
      spawn: () => {
        const endpoint = spawnDesktopWorker({ file: worker });
        endpoints.push(endpoint);
        return endpoint;
      },
      budgetMs: 30_000,
    });
    try {
      assert.equal((await spawnCounted.parse({ key: 'a.md', version: 1, text: STORY })).bank.hasStories, true);
      assert.deepEqual(endpoints.map((e) => e.where), ['node process']);
    } finally {
      spawnCounted.dispose();
    }
  });

  it('answers the requests of a process that could not start in a worker thread, says why once, and starts threads from then on', async () => {
    const worker = await workerBundle();
    const logged: string[] = [];
    const endpoints: { where: string }[] = [];
    const pool = new WorkerPool({
      size: 1,
      spawn: () => {
        const endpoint = spawnDesktopWorker({ file: worker, execPath: '/nonexistent/node', log: (m) => logged.push(m) });
        endpoints.push(endpoint);
        return endpoint;
      },
      budgetMs: 30_000,
    });
    try {
      const first = pool.parse({ key: 'a.md', version: 1, text: STORY });
      const second = pool.parse({ key: 'b.md', version: 1, text: STORY });
      assert.equal((await first).bank.hasStories, true);
      assert.equal((await second).key, 'b.md');
      assert.deepEqual(endpoints.map((e) => e.where), ['node worker']);
      assert.equal(logged.length, 1);
      assert.match(logged[0], /worker threads of the extension host: a parse process could not start \(.*ENOENT/);
    } finally {
      pool.dispose();
    }
    const later = spawnDesktopWorker({ file: worker, log: (m) => logged.push(m) });
    assert.equal(later.where, 'node worker');
    later.terminate();
    assert.equal(logged.length, 1);
  });
});
