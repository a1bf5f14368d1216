import assert from 'node:assert/strict';
import { giveBack, runSteps, runStepsSliced, slicer } from '../../../src/core/slices';

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

  it('takes turns: pieces of work sliced apart at once never run back to back in one turn of the event loop', async () => {
    // Another task of the thread (another extension, the host's own messages) counts the turns of the event loop.
    let turn = 0;
    let counting = true;
    const tick = () => {
      turn++;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    const turns: number[] = [];
    function* sliced(name: string): Generator<void, string> {
      for (let n = 0; n < 5; n++) {
        yield;
        turns.push(turn);
      }
      return name;
    }
    // A slice of 0 ms: every step gives the thread back.
    const done = await Promise.all(['tree', 'outline', 'answer'].map((name) => runStepsSliced(sliced(name), 0)));
    counting = false;
    assert.deepEqual(done, ['tree', 'outline', 'answer']);
    assert.equal(turns.length, 15);
    assert.equal(new Set(turns).size, turns.length, `two slices ran in one turn: ${turns.join(' ')}`);
  });

  it('runs a timer that came due between two resumed tasks, and resumes waiters in the order they came', async () => {
    const log: string[] = [];
    const first = giveBack().then(() => {
      log.push('first');
      setTimeout(() => log.push('timer'), 0);
      const start = performance.now();
      while (performance.now() - start < 3); // the timer is due before the next task resumes
    });
    const second = giveBack().then(() => log.push('second'));
    await Promise.all([first, second]);
    assert.deepEqual(log, ['first', 'timer', 'second']);
  });

  it('measures a slice from when sliced work began to hold the thread in this turn, whichever task it was', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const first = slicer(5);
    const start = performance.now();
    while (performance.now() - start < 10); // the first task's work, past its slice
    const second = slicer(5); // started in the same turn: a publish among a thousand, say
    assert.equal(await second(), true, 'the second task gives the thread back at its first pause');
    assert.equal(await first(), true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = slicer(50);
    assert.equal(await later(), false, 'a task of a later turn has a slice of its own');
  });
});
