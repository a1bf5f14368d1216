import assert from 'node:assert/strict';
import { createRequestHandler } from '../../../src/core/worker/handler';
import { ParseBudgetExceeded, WorkerPool } from '../../../src/core/worker/pool';
import type { WorkerRequest, WorkerResponse } from '../../../src/core/worker/protocol';
import { endpointOnThisThread } from '../../../src/worker/onThisThread';
import { spawnWebWorker, type WebWorkerScript } from '../../../src/worker/spawnWeb';
import { parseBank } from '../../../src/core/parser';
import { STORIES_PER_PART, toWireMessages, type WireMessage } from '../../../src/core/worker/wire';

const STORY = '# P\n\n## Q\n\n**Situation:** s\n\n**Task:** t\n\n**Action:** I did it.\n\n**Result:** 20% faster.\n';

type Behaviour = 'answer' | 'silent' | 'throw' | 'fail-load';

/** Stands in for a browser Worker: answers with the real handler, stays silent, or fails as told. */
class FakeWorker {
  static behaviour: Behaviour = 'answer';
  static started: FakeWorker[] = [];
  onmessage: ((event: { data: WireMessage }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  terminated = false;
  private readonly handle = createRequestHandler();
  private readonly behaviour = FakeWorker.behaviour;

  constructor(readonly url: string) {
    if (this.behaviour === 'throw') throw new Error('blocked by policy');
    FakeWorker.started.push(this);
    setTimeout(() => {
      if (this.behaviour === 'fail-load') this.onerror?.({ message: 'script not found', preventDefault: () => undefined });
      else this.onmessage?.({ data: { type: 'ready' } });
    }, 5);
  }

  postMessage(request: WorkerRequest): void {
    if (this.behaviour !== 'answer') return;
    setTimeout(() => {
      const response = this.handle(structuredClone(request));
      // Posted as src/worker/web.ts posts it: a bank of many stories as a head and a message for each part.
      if (response && !this.terminated) for (const message of toWireMessages(response)) this.onmessage?.({ data: structuredClone(message) });
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe('parse worker on the web: spawnWebWorker', () => {
  const globals = globalThis as { Worker?: unknown };
  const saved = globals.Worker;
  const reasons: string[] = [];
  const script: WebWorkerScript = {
    url: async () => 'blob:star-answers-worker',
    onThisThread: async (reason) => {
      reasons.push(reason);
      return endpointOnThisThread(createRequestHandler);
    },
  };

  beforeEach(() => {
    globals.Worker = FakeWorker;
    FakeWorker.started = [];
    reasons.length = 0;
  });
  after(() => {
    globals.Worker = saved;
  });

  it('starts a Web Worker from the script URL and gets the answers from it', async () => {
    FakeWorker.behaviour = 'answer';
    const endpoint = spawnWebWorker(script);
    const pool = new WorkerPool({ size: 1, spawn: () => endpoint, budgetMs: 10_000 });
    const answer = await pool.parse({ key: 'a', version: 1, text: STORY });
    assert.equal(answer.bank.principles[0].questions.length, 1);
    assert.equal(FakeWorker.started[0].url, 'blob:star-answers-worker');
    assert.equal(endpoint.where, 'web worker');
    assert.deepEqual(reasons, []);
    pool.dispose();
    assert.ok(FakeWorker.started[0].terminated);
  });

  it('gets a bank of more stories than one message holds whole, whatever is answered between its parts', async () => {
    FakeWorker.behaviour = 'answer';
    const pool = new WorkerPool({ size: 1, spawn: () => spawnWebWorker(script), budgetMs: 10_000 });
    const text = `# P\n\n${Array.from({ length: STORIES_PER_PART + 20 }, (_, n) => `## Q${n}\n\n**Situation:** s${n}\n\n**Result:** ${n}% faster.\n\n`).join('')}`;
    const [big, small] = await Promise.all([pool.parse({ key: 'big', version: 1, text }), pool.parse({ key: 'small', version: 1, text: STORY })]);
    assert.deepEqual(big.bank, parseBank(text));
    assert.equal(small.bank.principles[0].questions.length, 1);
    pool.dispose();
  });

  it('ends a worker that overruns its budget and replaces it', async () => {
    FakeWorker.behaviour = 'silent';
    const pool = new WorkerPool({ size: 1, spawn: () => spawnWebWorker(script), budgetMs: 100 });
    await assert.rejects(pool.parse({ key: 'hostile', version: 1, text: STORY }), ParseBudgetExceeded);
    assert.ok(FakeWorker.started[0].terminated, 'the overrunning worker is terminated');
    FakeWorker.behaviour = 'answer';
    const next = await pool.parse({ key: 'next', version: 1, text: STORY });
    assert.equal(next.key, 'next');
    assert.equal(FakeWorker.started.length, 2, 'a fresh worker read the next file');
    pool.dispose();
  });

  for (const behaviour of ['throw', 'fail-load'] as const) {
    it(`answers on this thread, saying why, when the worker ${behaviour === 'throw' ? 'cannot be created' : 'does not load'}`, async () => {
      FakeWorker.behaviour = behaviour;
      const endpoint = spawnWebWorker(script);
      const pool = new WorkerPool({ size: 1, spawn: () => endpoint, budgetMs: 100 });
      const answers = await Promise.all([pool.parse({ key: 'a', version: 1, text: STORY }), pool.parse({ key: 'b', version: 1, text: STORY })]);
      assert.deepEqual(answers.map((a) => a.key), ['a', 'b']);
      assert.equal(endpoint.where, 'extension host thread');
      assert.equal(reasons.length, 1);
      assert.match(reasons[0], behaviour === 'throw' ? /blocked by policy/ : /script not found/);
      pool.dispose();
    });
  }

  it('answers on this thread where there is no Worker at all', async () => {
    delete globals.Worker;
    const endpoint = spawnWebWorker(script);
    const pool = new WorkerPool({ size: 1, spawn: () => endpoint, budgetMs: 100 });
    assert.equal((await pool.parse({ key: 'a', version: 1, text: STORY })).key, 'a');
    assert.match(reasons[0], /no Worker/);
    pool.dispose();
  });
});
