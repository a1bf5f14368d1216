import assert from 'node:assert/strict';
import { PARSE_BUDGET_MS, PARSE_BUDGET_MS_PER_MB, parseBudgetFor } from '../../../src/core/limits';
import { ParseBudgetExceeded, WorkerPool } from '../../../src/core/worker/pool';
import type { WorkerEndpoint, WorkerRequest, WorkerResponse } from '../../../src/core/worker/protocol';
import { nestedListText } from '../helpers/hostile';

/** A worker that loads at once and answers every request after `delayMs`. */
function slowEndpoint(delayMs: number): WorkerEndpoint {
  const listeners: ((response: WorkerResponse) => void)[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  setTimeout(() => listeners.forEach((l) => l({ type: 'ready' })), 0);
  return {
    post: (request: WorkerRequest) => {
      if (request.type !== 'parse') return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        listeners.forEach((l) => l({ type: 'parsed', id: request.id, key: request.key, version: request.version, bank: { principles: [], hasStories: false }, how: 'full' }));
      }, delayMs);
      timers.add(timer);
    },
    onMessage: (listener) => void listeners.push(listener),
    onError: () => undefined,
    terminate: () => timers.forEach(clearTimeout),
  };
}

const ordinary = (bytes: number) => '# Bank\n\n' + '## Q\n\n**Situation:** a plain story line.\n\n'.repeat(Math.ceil(bytes / 40));

describe('parse budget: a big file of ordinary markdown gets time, text nested hundreds deep does not', () => {
  it('adds time by size to ordinary text, none to deep nesting', () => {
    assert.equal(parseBudgetFor('# Small\n'), PARSE_BUDGET_MS);
    const mb = ordinary(1024 * 1024);
    assert.equal(parseBudgetFor(mb), PARSE_BUDGET_MS + Math.round((mb.length / 1024 / 1024) * PARSE_BUDGET_MS_PER_MB));
    assert.ok(parseBudgetFor(mb) >= PARSE_BUDGET_MS + PARSE_BUDGET_MS_PER_MB);
    assert.equal(parseBudgetFor(nestedListText(1_500)), PARSE_BUDGET_MS);
    assert.equal(parseBudgetFor(`# Quotes\n\n${'> '.repeat(80)}deep\n`), PARSE_BUDGET_MS);
  });

  it('lets a slow answer for a big ordinary file arrive, and ends the same wait on a nested one', async () => {
    const pool = new WorkerPool({ size: 1, spawn: () => slowEndpoint(300), budgetMs: 100 });
    try {
      const big = await pool.parse({ key: 'big.md', version: 1, text: ordinary(128 * 1024) });
      assert.equal(big.key, 'big.md');
      await assert.rejects(pool.parse({ key: 'deep.md', version: 1, text: nestedListText(120) }), (e: unknown) => e instanceof ParseBudgetExceeded && e.budgetMs === 100);
    } finally {
      pool.dispose();
    }
  });
});
