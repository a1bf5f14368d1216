import assert from 'node:assert/strict';
import { ByteBudget } from '../../../src/core/byteBudget';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ByteBudget: bytes held by work in flight', () => {
  it('lets takers through while they fit, holds the next until enough is released', async () => {
    const budget = new ByteBudget(100);
    const a = await budget.take(60);
    const b = await budget.take(40);
    const third: { release?: () => void } = {};
    void budget.take(30).then((release) => (third.release = release));
    await settle();
    assert.equal(typeof third.release, 'undefined', 'waits: 60 + 40 + 30 is over 100');
    a();
    await settle();
    assert.equal(typeof third.release, 'function', 'through once 60 were released');
    assert.equal(budget.held, 70);
    b();
    third.release!();
    assert.equal(budget.held, 0);
  });

  it('lets one taker through alone, however big, and a release counts once', async () => {
    const budget = new ByteBudget(100);
    const big = await budget.take(500);
    assert.equal(budget.held, 500);
    const small: { release?: () => void } = {};
    void budget.take(1).then((release) => (small.release = release));
    await settle();
    assert.equal(typeof small.release, 'undefined');
    big();
    big();
    await settle();
    assert.equal(typeof small.release, 'function');
    assert.equal(budget.held, 1);
  });
});
