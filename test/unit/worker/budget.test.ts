import assert from 'node:assert/strict';
import { PARSE_BUDGET_MS, PARSE_BUDGET_MS_PER_MB, parseBudgetBeforeCheck, parseBudgetFor } from '../../../src/core/limits';
import { createRequestHandler } from '../../../src/core/worker/handler';
import type { WorkerResponse } from '../../../src/core/worker/protocol';
import { ParseBudgetExceeded, WorkerPool } from '../../../src/core/worker/pool';
import { delayedEndpoint } from '../helpers/fakeWorker';
import { nestedListText } from '../helpers/hostile';

const ordinary = (bytes: number) => '# Bank\n\n' + '## Q\n\n**Situation:** a plain story line.\n\n'.repeat(Math.ceil(bytes / 40));

describe('parse budget: a big file of ordinary markdown gets time, text nested hundreds deep does not', () => {
  it('adds time by size to ordinary text, none to deep nesting', () => {
    assert.equal(parseBudgetFor('# Small\n'), PARSE_BUDGET_MS);
    const mb = ordinary(1024 * 1024);
    assert.equal(parseBudgetFor(mb), PARSE_BUDGET_MS + Math.round((mb.length / 1024 / 1024) * PARSE_BUDGET_MS_PER_MB));
    assert.ok(parseBudgetFor(mb) >= PARSE_BUDGET_MS + PARSE_BUDGET_MS_PER_MB);
    assert.equal(parseBudgetFor(nestedListText(1_500)), PARSE_BUDGET_MS);
    const quotes = `# Quotes\n\n${'> '.repeat(80)}deep\n`.repeat(1_000);
    assert.ok(quotes.length > 100 * 1024);
    assert.equal(parseBudgetFor(quotes), PARSE_BUDGET_MS);
  });

  it('does not search a small file for deep nesting: its allowance is under a second anyway', () => {
    const small = nestedListText(200);
    assert.ok(small.length < 100 * 1024);
    const allowance = Math.round((small.length / 1024 / 1024) * PARSE_BUDGET_MS_PER_MB);
    assert.ok(allowance > 0 && allowance < 1_000);
    assert.equal(parseBudgetFor(small), PARSE_BUDGET_MS + allowance);
  });

  it('the worker, not the host, searches a text for deep nesting, and says so before reading it', () => {
    const handle = createRequestHandler();
    const told = (text: string) => {
      const messages: WorkerResponse[] = [];
      const response = handle({ type: 'parse', id: 7, key: 'k.md', version: 1, text }, (m) => messages.push({ ...m }));
      return { messages, answered: response?.type };
    };
    // 400 list levels: over 100 KB (so searched) and hundreds deep. Told before the answer, which still comes.
    const nested = nestedListText(400);
    assert.ok(nested.length > 100 * 1024);
    assert.deepEqual(told(nested), { messages: [{ type: 'nested', id: 7 }], answered: 'parsed' });
    assert.deepEqual(told(ordinary(256 * 1024)).messages, []);
    assert.deepEqual(told(nestedListText(100)).messages, [], 'small: not searched (its allowance is under a second)');
    // The host's clock starts with the size's allowance; the worker's word brings it down to the base.
    assert.ok(parseBudgetBeforeCheck(nested.length) > PARSE_BUDGET_MS + 1_000);
    assert.equal(parseBudgetFor(nested), PARSE_BUDGET_MS);
  });

  it('lets a slow answer for a big ordinary file arrive, and ends the same wait on a nested one', async () => {
    const pool = new WorkerPool({ size: 1, spawn: () => delayedEndpoint(300), budgetMs: 100 });
    try {
      const big = await pool.parse({ key: 'big.md', version: 1, text: ordinary(128 * 1024) });
      assert.equal(big.key, 'big.md');
      await assert.rejects(pool.parse({ key: 'deep.md', version: 1, text: nestedListText(400) }), (e: unknown) => e instanceof ParseBudgetExceeded && e.budgetMs === 100);
    } finally {
      pool.dispose();
    }
  });
});
