import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/lint/config';
import { createRequestHandler } from '../../../src/core/worker/handler';
import type { ParseResponse, WorkerResponse } from '../../../src/core/worker/protocol';
import { fromWire, toWire } from '../../../src/core/worker/wire';
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

  it('sends a bank without principles, and every other message, as it is', () => {
    const empty: ParseResponse = { type: 'parsed', id: 1, key: 'k', version: 1, bank: { principles: [], hasStories: false, problems: ['too large'] }, how: 'skipped' };
    assert.equal(toWire(empty), empty);
    const nested: WorkerResponse = { type: 'nested', id: 2 };
    assert.equal(toWire(nested), nested);
    assert.equal(fromWire(nested), nested);
  });
});
