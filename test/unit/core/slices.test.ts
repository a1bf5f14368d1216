import assert from 'node:assert/strict';
import { runSteps, runStepsSliced } from '../../../src/core/slices';

function* counting(to: number, log: number[]): Generator<void, string> {
  for (let n = 1; n <= to; n++) {
    log.push(n);
    yield;
  }
  return 'done';
}

describe('running steps on a shared thread', () => {
  it('runs every step and answers the value the steps return', async () => {
    const log: number[] = [];
    assert.equal(await runStepsSliced(counting(5, log), 0), 'done');
    assert.deepEqual(log, [1, 2, 3, 4, 5]);
  });

  it('stops after a pause that gave the thread back when asked to, and the steps resume where they stopped', async () => {
    const log: number[] = [];
    const steps = counting(5, log);
    let pauses = 0;
    // Gives the thread back after every second step; asked to stop at the second such pause.
    const pause = async () => ++pauses % 2 === 0;
    let stops = 0;
    assert.equal(await runSteps(steps, pause, () => ++stops === 2), undefined);
    assert.deepEqual(log, [1, 2, 3, 4]);
    assert.deepEqual(await runSteps(steps, async () => false, () => true), { value: 'done' });
    assert.deepEqual(log, [1, 2, 3, 4, 5]);
  });
});
