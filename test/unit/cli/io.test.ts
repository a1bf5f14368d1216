import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { descriptorWriter } from '../../../src/cli/io';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

describe('cli: writing to standard output and error', () => {
  it('writes every byte to the descriptor, in order, multibyte characters whole', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'star-io-'));
    const file = path.join(dir, 'out.txt');
    const fd = fs.openSync(file, 'w');
    try {
      const out = descriptorWriter(fd, () => assert.fail('the stream is not needed'));
      const big = 'Résultat — 40 %\n'.repeat(20000);
      out('first\n');
      out(big);
      out('last ✓\n');
    } finally {
      fs.closeSync(fd);
    }
    assert.equal(fs.readFileSync(file, 'utf8'), `first\n${'Résultat — 40 %\n'.repeat(20000)}last ✓\n`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes up a partial write where it stopped', () => {
    const got: number[] = [];
    const out = descriptorWriter(1, () => assert.fail('the stream is not needed'), (_fd, bytes, offset) => {
      const n = Math.min(3, bytes.length - offset);
      got.push(...bytes.subarray(offset, offset + n));
      return n;
    });
    out('abcdefgh');
    assert.equal(Buffer.from(got).toString(), 'abcdefgh');
  });

  it('sends the rest through the stream when the descriptor would block, and everything after it too', () => {
    const direct: string[] = [];
    const streamed: string[] = [];
    let calls = 0;
    const out = descriptorWriter(
      1,
      () => ({ write: (chunk: string | Uint8Array) => streamed.push(Buffer.from(chunk).toString()) }),
      (_fd, bytes, offset) => {
        if (++calls > 1) throw errno('EAGAIN');
        direct.push(Buffer.from(bytes.subarray(offset, offset + 4)).toString());
        return 4;
      },
    );
    out('one two three');
    out(' four');
    assert.deepEqual(direct, ['one ']);
    assert.equal(streamed.join(''), 'two three four');
  });

  it('stops writing, without an error, once the reader has gone (a pipe into head)', () => {
    let calls = 0;
    const out = descriptorWriter(1, () => assert.fail('the stream is not needed'), () => {
      calls++;
      throw errno('EPIPE');
    });
    out('first');
    out('second');
    assert.equal(calls, 1);
  });
});
