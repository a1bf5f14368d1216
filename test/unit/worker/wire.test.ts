import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/lint/config';
import { createRequestHandler } from '../../../src/core/worker/handler';
import type { ParseResponse, WorkerResponse } from '../../../src/core/worker/protocol';
import { deliverFromWire, fromWire, STORIES_PER_PART, toWire, toWireMessages, wireReader, type WireMessage } from '../../../src/core/worker/wire';
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

  it('posts a bank in parts as a head and a message for each part, which the host puts together to the same answer', async () => {
    const story = (n: number) => `## Question ${n}?\n\n**Situation:** a late order ${n}.\n**Action:** I re-planned.\n**Result:** ${n}% faster.\n\n`;
    const text = `# Ownership\n\n${Array.from({ length: 2 * STORIES_PER_PART + 1 }, (_, n) => story(n)).join('')}`;
    const big = handle({ type: 'parse', id: 11, key: 'big', version: 1, text, lint: DEFAULT_CONFIG }) as ParseResponse;
    const small = handle({ type: 'parse', id: 12, key: 'small', version: 1, text: story(1), lint: DEFAULT_CONFIG }) as ParseResponse;
    const posted = toWireMessages(big).map((m) => structuredClone(m));
    assert.equal(posted.length, 4, 'a head and three parts');
    assert.ok(posted.slice(1).every((m) => m.type === 'storyPart' && m.id === 11));
    // No message carries more than one part's stories.
    const biggest = Math.max(...posted.map((m) => JSON.stringify(m).length));
    assert.ok(biggest < JSON.stringify(toWire(big)).length / 2, `${biggest} characters in the biggest message`);
    assert.deepEqual(toWireMessages(small), [toWire(small)]);

    const received: WorkerResponse[] = [];
    let arrived!: () => void;
    const done = new Promise<void>((resolve) => (arrived = resolve));
    const read = wireReader((message) => {
      received.push(message);
      if (received.length === 3) arrived();
    });
    // Another request's answer between the head and its parts is handed over at once; a part of no known head is dropped.
    read(posted[0]);
    read({ type: 'storyPart', id: 99, part: '[]' });
    read(structuredClone(toWire(small)));
    assert.deepEqual(received, [small]);
    for (const m of posted.slice(1)) read(m as WireMessage);
    read({ type: 'nested', id: 13 });
    await done;
    assert.deepEqual(received, [small, { type: 'nested', id: 13 }, big]);
  });

  it('sends a bank without principles, and every other message, as it is', () => {
    const empty: ParseResponse = { type: 'parsed', id: 1, key: 'k', version: 1, bank: { principles: [], hasStories: false, problems: ['too large'] }, how: 'skipped' };
    assert.equal(toWire(empty), empty);
    const nested: WorkerResponse = { type: 'nested', id: 2 };
    assert.equal(toWire(nested), nested);
    assert.equal(fromWire(nested), nested);
  });
});
