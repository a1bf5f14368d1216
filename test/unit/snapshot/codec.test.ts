import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DEFAULT_CONFIG } from '../../../src/core/lint/config';
import { lintBank } from '../../../src/core/lint/runner';
import { parseBank } from '../../../src/core/parser';
import { decodeSnapshot, encodeSnapshot, SnapshotUnreadable } from '../../../src/core/snapshot/codec';
import { SNAPSHOT_FORMAT, type SnapshotEntry, type SnapshotHeader } from '../../../src/core/snapshot/types';

const FOLDER = 'file:///bank';
const header: SnapshotHeader = { format: SNAPSHOT_FORMAT, extension: '1.2.3', settings: { [FOLDER]: '{"rules":{}}' } };

function entry(name: string, result: string): SnapshotEntry {
  const text = `# Ownership\n\n## Tell me about ${name}\n\n**Situation:** a late order.\n\n**Task:** ship it.\n\n**Action:** I re-planned.\n\n**Result:** ${result}\n`;
  const bank = parseBank(text, { fileName: `${name}.md` });
  const findings = lintBank({ text, bank, config: DEFAULT_CONFIG }).map(({ question: _question, ...finding }) => finding);
  return { uri: `${FOLDER}/${name}.md`, folder: FOLDER, disk: { size: text.length, mtime: 1_700_000_000_000, hash: 'ab'.repeat(32) }, text, bank, lint: { settings: header.settings[FOLDER], findings } };
}

const entries = [entry('a-late-order', 'shipped 2 days early.'), entry('a-quiet-team', 'it went fine.'), entry('ünïcode ✓', '30% fewer tickets.')];

describe('index snapshot: bytes', () => {
  it('reads back what it wrote: header, every entry, in order', async () => {
    const bytes = await encodeSnapshot(header, entries, { maxBytes: 1 << 20 });
    assert.ok(bytes);
    assert.deepEqual([bytes[0], bytes[1]], [0x1f, 0x8b], 'gzipped');
    const back = await decodeSnapshot(bytes);
    assert.deepEqual(back.header, header);
    assert.deepEqual(back.entries, entries);
    assert.ok(back.entries[1].lint!.findings.some((f) => f.rule === 'unquantified-result'), 'the findings are kept');
  });

  it('writes a big file\'s entry in pieces, giving the thread back between them, and reads it back whole', async () => {
    let text = '# Ownership\n\n';
    for (let i = 0; i < 3_000; i++) text += `## Tell me about order ${i} 🚚\n\n**Situation:** a late "order" for customer ${i}.\n\n**Task:** ship it.\n\n**Action:** we re-planned.\n\n**Result:** it went fine.\n\n`;
    const bank = parseBank(text, { fileName: 'big.md' });
    const findings = lintBank({ text, bank, config: DEFAULT_CONFIG }).map(({ question: _question, ...finding }) => finding);
    assert.ok(findings.length >= 3_000);
    const big: SnapshotEntry = { uri: `${FOLDER}/big.md`, folder: FOLDER, disk: { size: text.length, mtime: 1, hash: 'cd'.repeat(32) }, text, bank, lint: { settings: header.settings[FOLDER], findings } };
    const unlinted: SnapshotEntry = { ...entries[0], uri: `${FOLDER}/unlinted.md`, lint: undefined };
    delete unlinted.lint;
    assert.ok(JSON.stringify(big).length > 2_000_000);
    // What is made at a time: every piece handed to the encoder, measured (the old way made each entry's JSON whole).
    const encode = TextEncoder.prototype.encode;
    let largest = 0;
    let made = 0;
    TextEncoder.prototype.encode = function (this: TextEncoder, input?: string) {
      largest = Math.max(largest, input?.length ?? 0);
      made++;
      return encode.call(this, input);
    };
    let bytes: Uint8Array | undefined;
    try {
      bytes = await encodeSnapshot(header, [entries[0], big, unlinted], { maxBytes: 64 << 20 });
    } finally {
      TextEncoder.prototype.encode = encode;
    }
    assert.ok(made >= 20 && largest <= 256 * 1024, `${made} pieces encoded, the largest ${largest} characters`);
    const back = await decodeSnapshot(bytes!);
    assert.deepEqual(back.entries, [entries[0], big, unlinted]);
  });

  it('reads an uncompressed snapshot (a host without CompressionStream writes one)', async () => {
    const bytes = await encodeSnapshot(header, entries, { maxBytes: 1 << 20 });
    const back = await decodeSnapshot(gunzipSync(bytes!));
    assert.deepEqual(back.entries, entries);
  });

  it('gives up past the size limit instead of writing a larger snapshot', async () => {
    const big = Array.from({ length: 300 }, (_, i) => ({ ...entries[i % 3], uri: `${FOLDER}/${i}.md`, text: `${entries[i % 3].text}\n${'x'.repeat(i)}` }));
    const whole = await encodeSnapshot(header, big, { maxBytes: 64 << 20 });
    assert.ok(whole);
    assert.equal(await encodeSnapshot(header, big, { maxBytes: Math.floor(whole.length / 2) }), undefined);
  });

  describe('corrupt input is refused with SnapshotUnreadable, never another error', () => {
    const refuses = async (bytes: Uint8Array, why: RegExp) => {
      await assert.rejects(decodeSnapshot(bytes), (error: unknown) => error instanceof SnapshotUnreadable && why.test(error.message));
    };
    const text = (s: string) => new TextEncoder().encode(s);
    const lines = async () => gunzipSync((await encodeSnapshot(header, entries, { maxBytes: 1 << 20 }))!).toString('utf8').split('\n');

    it('an empty file', () => refuses(new Uint8Array(), /empty/));
    it('random bytes', () => refuses(Uint8Array.from({ length: 500 }, (_, i) => (i * 7919) % 256), /header|decompress/));
    it('JSON that is not a snapshot', () => refuses(text('{"hello":1}\n'), /header/));
    it('a gzip stream cut short', async () => {
      const bytes = (await encodeSnapshot(header, entries, { maxBytes: 1 << 20 }))!;
      await refuses(bytes.subarray(0, Math.floor(bytes.length * 0.6)), /decompress|cut short/);
    });
    it('a file cut at a line break (entries missing)', async () => {
      const all = await lines();
      await refuses(text(`${all.slice(0, 2).join('\n')}\n`), /cut short/);
    });
    it('an end line that counts other entries than there are', async () => {
      const all = await lines();
      await refuses(text(`${[all[0], all[1], all[all.length - 2]].join('\n')}\n`), /ends after 1 of 3/);
    });
    it('an entry that is not JSON', async () => {
      const all = await lines();
      all[2] = all[2].slice(0, 40);
      await refuses(gzipSync(all.join('\n')), /entry 2 is not JSON/);
    });
    it('an entry without its bank', async () => {
      const all = await lines();
      const broken = JSON.parse(all[1]);
      delete broken.bank;
      all[1] = JSON.stringify(broken);
      await refuses(text(all.join('\n')), /entry 1 is incomplete/);
    });
    it('a header without settings', async () => {
      const all = await lines();
      const broken = JSON.parse(all[0]);
      delete broken.settings;
      all[0] = JSON.stringify(broken);
      await refuses(text(all.join('\n')), /header is incomplete/);
    });
    it('bytes that are not UTF-8', () => refuses(Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]), /header|decompress/));
  });
});
