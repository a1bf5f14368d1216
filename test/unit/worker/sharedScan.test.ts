import assert from 'node:assert/strict';
import type { WorkerEndpoint } from '../../../src/core/worker/protocol';
import { SHARED_SCAN_MAX_CHARS, WorkerBankParser } from '../../../src/features/shared/parseService';
import { delayedEndpoint } from '../helpers/fakeWorker';

/** Workers that answer after `delayMs` and log what each was asked, in order. */
function fakeWorkers(delayMs: number) {
  const log: { worker: number; key: string; keep: boolean; at: 'start' | 'end' }[] = [];
  let started = 0;
  const spawn = (): WorkerEndpoint => {
    const worker = started++;
    return delayedEndpoint(delayMs, (request, at) => log.push({ worker, key: request.key, keep: !!request.keep, at }));
  };
  return { log, spawn };
}

const small = (n: number) => ({ key: `scan-${n}.md`, version: 1, text: '# Small\n' });

describe('parse service: the typing worker helps the scan while nobody types', () => {
  it('reads a scan in both workers when no edit is waiting, and keeps big and deeply nested files off the typing worker', async () => {
    const { log, spawn } = fakeWorkers(20);
    const parser = new WorkerBankParser(spawn, { where: 'test', typingQuietMs: 50 });
    try {
      // The typing worker is the one that reads the open document.
      await parser.parse({ key: 'open.md', version: 1, text: '# Open\n', keep: true });
      const typingWorker = log[0].worker;
      await new Promise((resolve) => setTimeout(resolve, 80));
      const big = { key: 'big.md', version: 1, text: 'x'.repeat(SHARED_SCAN_MAX_CHARS + 1) };
      // Small, but nested hundreds deep: it may overrun its budget, which would end the typing worker.
      const nested = { key: 'nested.md', version: 1, text: Array.from({ length: 120 }, (_, d) => `${'  '.repeat(d)}- level ${d}`).join('\n') };
      const files = [...Array.from({ length: 12 }, (_, n) => small(n)), ...Array.from({ length: 4 }, () => nested), big];
      const answers = await Promise.all(files.map((f) => parser.parse(f)));
      assert.deepEqual(answers.map((a) => a.key), files.map((f) => f.key));
      const scanned = log.filter((e) => e.at === 'start' && !e.keep);
      const byTyping = scanned.filter((e) => e.worker === typingWorker);
      assert.ok(byTyping.length >= 3, `the typing worker read ${byTyping.length} of ${files.length} scan files`);
      assert.ok(byTyping.length < scanned.length, 'the background worker read some');
      assert.ok(!byTyping.some((e) => e.key === 'big.md'), 'the big file went to the background worker');
      assert.ok(!byTyping.some((e) => e.key === 'nested.md'), 'the deeply nested file went to the background worker');
    } finally {
      parser.dispose();
    }
  });

  it('gives the typing worker one scan file at a time, none for a while after an edit', async () => {
    const { log, spawn } = fakeWorkers(20);
    const parser = new WorkerBankParser(spawn, { where: 'test', typingQuietMs: 300 });
    try {
      await parser.parse({ key: 'open.md', version: 1, text: '# Open\n', keep: true });
      const typingWorker = log[0].worker;
      const scan = Promise.all(Array.from({ length: 6 }, (_, n) => parser.parse(small(n))));
      await scan;
      assert.ok(!log.some((e) => e.worker === typingWorker && !e.keep), 'no scan file in the typing worker within the quiet time after an edit');
      await new Promise((resolve) => setTimeout(resolve, 320));
      const more = Promise.all(Array.from({ length: 8 }, (_, n) => parser.parse(small(10 + n))));
      await new Promise((resolve) => setTimeout(resolve, 5));
      assert.ok(log.some((e) => e.worker === typingWorker && !e.keep && e.at === 'start'), 'once quiet, the typing worker reads scan files');
      // An edit now waits for the one scan file in the typing worker, not for more.
      const asked = log.length;
      await parser.parse({ key: 'open.md', version: 2, text: '# Open, edited\n', keep: true });
      const next = log.slice(asked).find((e) => e.worker === typingWorker && e.at === 'start');
      assert.equal(next?.key, 'open.md', 'the edit is the next thing the typing worker reads');
      await more;
    } finally {
      parser.dispose();
    }
  });

  it('rejects the scan files still waiting when it is disposed', async () => {
    const { spawn } = fakeWorkers(50);
    const parser = new WorkerBankParser(spawn, { where: 'test' });
    const waiting = Array.from({ length: 4 }, (_, n) => parser.parse(small(n)));
    parser.dispose();
    for (const answer of waiting) await assert.rejects(answer, /shut down/);
  });
});
