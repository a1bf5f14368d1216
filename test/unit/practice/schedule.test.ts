import assert from 'node:assert/strict';
import type { PracticeRecord, Rating } from '../../../src/core/practice/history';
import { BOX_DAYS, DAY_MS, agoLabel, dueLabel, pickNext, progressOf } from '../../../src/core/practice/schedule';

const NOW = Date.UTC(2026, 11, 1, 12);
const daysAgo = (n: number) => NOW - n * DAY_MS;
const rating = (outcome: Rating['outcome'], days: number): Rating => ({ at: daysAgo(days), outcome });
const record = (...ratings: Rating[]): PracticeRecord => ({ question: 'q', words: 'w', title: 'Q', ratings });

/** A random source that returns the given numbers in turn. */
const sequence = (...values: number[]) => () => values.shift() ?? 0;

describe('practice schedule (Leitner boxes)', () => {
  it('nailed moves a story up one box, shaky sends it back to the first, skip leaves it', () => {
    assert.equal(progressOf([]).box, 0);
    assert.equal(progressOf([rating('nailed', 9), rating('nailed', 5)]).box, 2);
    assert.equal(progressOf([rating('nailed', 9), rating('nailed', 5), rating('shaky', 1)]).box, 0);
    assert.equal(progressOf([rating('nailed', 9), rating('skipped', 1)]).box, 1);
    const top = Array.from({ length: 12 }, (_, i) => rating('nailed', 40 - i));
    assert.equal(progressOf(top).box, BOX_DAYS.length - 1, 'the top box is the last');
  });

  it('a story is due its box\'s days after it was last rated nailed or shaky; a skip does not count', () => {
    const p = progressOf([rating('nailed', 10), rating('nailed', 2), rating('skipped', 1)]);
    assert.equal(p.lastPractised, daysAgo(2));
    assert.equal(p.due, daysAgo(2) + BOX_DAYS[2] * DAY_MS);
    assert.deepEqual([p.nailed, p.shaky, p.skipped], [2, 0, 1]);
    assert.equal(progressOf([]).due, 0, 'never practised: due at once');
  });

  it('comes back to a story not due yet only when nothing is due: then the one due soonest', () => {
    const fresh = undefined;
    const nailedYesterday = record(rating('nailed', 1), rating('nailed', 0));
    // Whatever the draw, the never-practised story comes first.
    for (const r of [0, 0.5, 0.99]) assert.equal(pickNext([nailedYesterday, fresh], NOW, () => r), 1);
    const dueIn5 = record(rating('nailed', 30), rating('nailed', 20), rating('nailed', 2)); // box 3: 7 days
    const dueIn1 = record(rating('nailed', 3), rating('nailed', 2)); // box 2: 3 days
    assert.equal(pickNext([dueIn5, dueIn1], NOW, () => 0), 1);
  });

  it('shaky stories weigh four times a long-unpractised one and twice a new one', () => {
    const shaky = record(rating('shaky', 0));
    const fresh = undefined;
    const overdue = record(rating('nailed', 30)); // box 1, due 29 days ago
    const candidates = [overdue, fresh, shaky];
    // Weights 1, 2, 4 of a total of 7, drawn in list order.
    assert.equal(pickNext(candidates, NOW, () => 0.5 / 7), 0);
    assert.equal(pickNext(candidates, NOW, () => 2 / 7), 1);
    assert.equal(pickNext(candidates, NOW, () => 3.5 / 7), 2);
    assert.equal(pickNext(candidates, NOW, () => 0.999), 2);
    // Over many draws, the shaky story comes up about 4 times in 7.
    let seed = 7;
    const lcg = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const counts = [0, 0, 0];
    for (let i = 0; i < 7000; i++) counts[pickNext(candidates, NOW, lcg)!]++;
    assert.ok(counts[2] > 3600 && counts[2] < 4400, `shaky drawn ${counts[2]} times of 7000`);
    assert.ok(counts[0] < counts[1] && counts[1] < counts[2], counts.join());
  });

  it('has nothing to pick from an empty pool, and tolerates a random source out of range', () => {
    assert.equal(pickNext([], NOW), undefined);
    assert.equal(pickNext([undefined, undefined], NOW, () => 1), 1);
    assert.equal(pickNext([undefined, undefined], NOW, () => -3), 0);
    assert.equal(pickNext([undefined], NOW, sequence()), 0);
  });

  it('says when a story was practised and when it is due, in words', () => {
    assert.equal(agoLabel(NOW - 60_000, NOW), 'today');
    assert.equal(agoLabel(daysAgo(1), NOW), 'yesterday');
    assert.equal(agoLabel(daysAgo(5), NOW), '5 days ago');
    assert.equal(agoLabel(daysAgo(21), NOW), '3 weeks ago');
    assert.equal(dueLabel(progressOf([rating('shaky', 0)]), NOW), 'due now');
    assert.equal(dueLabel(progressOf([rating('nailed', 0)]), NOW), 'due tomorrow');
    assert.equal(dueLabel(progressOf([rating('nailed', 2), rating('nailed', 0)]), NOW), 'due in 3 days');
  });
});
