import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/lint/config';
import { createRequestHandler } from '../../../src/core/worker/handler';
import type { ParseResponse, WorkerResponse } from '../../../src/core/worker/protocol';
import { deliverFromWire, fromWire, STORIES_PER_PART, toWire } from '../../../src/core/worker/wire';
import { markdownUnder } from '../helpers/markdownFiles';

const FIXTURES = path.resolve(__dirname, '../../fixtures');

/** What the host receives: the message as posted, copied by structured clone as postMessage copies it. */
const across = (message: WorkerResponse) => fromWire(structuredClone(toWire(message)));

describe('parse worker: the wire (a bank crosses to the host as JSON text)', () => {
  const handle = createRequestHandler();
  const files = ['examples', 'rules', 'hostile', 'real-shapes', 'no-story'].flatMap((folder) => markdownUnder(path.join(FIXTURES, folder)));

  it('gives the host the same answer for every fixture (a field JSON cannot carry, such as undefined or NaN, fails here)', () => {
    assert.ok(files.length > 40, `${files.length} fixtures`);
    let sentAsText = 0;
    files.forEach((file, id) => {
      const answer = handle({ type: 'parse', id, key: file, version: 1, text: fs.readFileSync(file, 'utf8'), fileName: file, lint: DEFAULT_CONFIG }) as ParseResponse;
      if ('bankJson' in toWire(answer)) sentAsText++;
      assert.deepEqual(across(answer), answer, file);
    });
    assert.ok(sentAsText > 20, `${sentAsText} banks sent as text`);
  });

  it('sends a bank of many stories in parts, which the host reads back to the same bank, a part at a time', async () => {
    const story = (n: number) => `## Question ${n}?\n\n**Situation:** a late order ${n}.\n**Task:** ship it.\n**Action:** I re-planned.\n**Result:** ${n}% faster.\n\n`;
    const stories = (from: number, count: number) => Array.from({ length: count }, (_, n) => story(from + n)).join('');
    // Three principles, so that the parts cut across them: 1,000 stories in all.
    const text = `# Ownership\n\n${stories(0, 350)}# Bias for Action\n\n${stories(350, 500)}# Dive Deep\n\n${stories(850, 150)}`;
    const answer = handle({ type: 'parse', id: 7, key: 'big', version: 3, text, lint: DEFAULT_CONFIG }) as ParseResponse;
    assert.equal(answer.bank.principles.flatMap((p) => p.questions).length, 1000);
    const wire = structuredClone(toWire(answer));
    assert.ok('storyParts' in wire, 'sent in parts');
    assert.equal(wire.storyParts.length, Math.ceil(1000 / STORIES_PER_PART));
    assert.deepEqual(fromWire(wire), answer);
    // Delivered once every part is read: later than the call.
    let delivered: WorkerResponse | undefined;
    const arrived = new Promise<void>((resolve) => deliverFromWire(wire, (message) => ((delivered = message), resolve())));
    assert.equal(delivered, undefined, 'not read within the call');
    await arrived;
    assert.deepEqual(delivered, answer);
    // A bank of fewer stories goes whole and is handed over at once.
    const small = handle({ type: 'parse', id: 8, key: 'small', version: 1, text: stories(0, 3), lint: DEFAULT_CONFIG }) as ParseResponse;
    let at: WorkerResponse | undefined;
    deliverFromWire(structuredClone(toWire(small)), (message) => (at = message));
    assert.deepEqual(at, small);
  });

  it('sends a bank without principles, and every other message, as it is', () => {
    const empty: ParseResponse = { type: 'parsed', id: 1, key: 'k', version: 1, bank: { principles: [], hasStories: false, problems: ['too large'] }, how: 'skipped' };
    assert.equal(toWire(empty), empty);
    const nested: WorkerResponse = { type: 'nested', id: 2 };
    assert.equal(toWire(nested), nested);
    assert.equal(fromWire(nested), nested);
  });
});
