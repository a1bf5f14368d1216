import assert from 'node:assert/strict';
import { Batch } from '../../../src/features/diagnostics/batch';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('diagnostics batch: problems of files read from disk go to VS Code together', () => {
  it('sends what was added within the delay in one call, the last value of each file, without those taken out', async () => {
    const sent: string[][] = [];
    const batch = new Batch<string>((values) => sent.push(values), 30);
    batch.add('a.md', 'a1');
    batch.add('b.md', 'b1');
    batch.add('c.md', 'c1');
    batch.add('a.md', 'a2');
    batch.delete('c.md');
    assert.equal(batch.has('a.md'), true);
    assert.equal(batch.has('c.md'), false);
    assert.deepEqual(sent, [], 'nothing before the delay');
    await wait(60);
    assert.deepEqual(sent, [['a2', 'b1']]);
    assert.equal(batch.has('a.md'), false);
    batch.add('d.md', 'd1');
    await wait(60);
    assert.deepEqual(sent, [['a2', 'b1'], ['d1']], 'a later file starts a batch of its own');
  });

  it('sends nothing once disposed, and nothing for a batch emptied before its time', async () => {
    const sent: string[][] = [];
    const emptied = new Batch<string>((values) => sent.push(values), 20);
    emptied.add('a.md', 'a');
    emptied.delete('a.md');
    const disposed = new Batch<string>((values) => sent.push(values), 20);
    disposed.add('b.md', 'b');
    disposed.dispose();
    await wait(50);
    assert.deepEqual(sent, []);
  });

  it('with a limit, sends a heavy batch in parts, and not a value added again or taken out meanwhile', async () => {
    const sent: string[][] = [];
    const batch = new Batch<string>((values) => sent.push(values), 10, { weight: (v) => Number(v.slice(-1)), most: 6 });
    batch.add('a.md', 'a3');
    batch.add('b.md', 'b3');
    batch.add('c.md', 'c3');
    batch.add('d.md', 'd9');
    batch.add('e.md', 'e1');
    batch.flush();
    assert.deepEqual(sent, [['a3', 'b3']], 'the first part at once, as much as the limit allows');
    assert.equal(batch.has('c.md'), true, 'a value of a later part is still to be sent');
    batch.delete('c.md');
    batch.add('e.md', 'e2');
    await wait(30);
    assert.deepEqual(sent, [['a3', 'b3'], ['d9'], ['e2']], 'a heavier value alone; c taken out; e as added again');
    assert.equal(batch.has('e.md'), false);
  });
});
