import assert from 'node:assert/strict';
import { contentHash, sameContent, staleReason, unchangedOnDisk, usableEntries, type SnapshotKey } from '../../../src/core/snapshot/freshness';
import { SNAPSHOT_FORMAT, type SnapshotEntry, type SnapshotHeader } from '../../../src/core/snapshot/types';

const A = 'file:///work/a';
const B = 'file:///work/b';
const header: SnapshotHeader = { format: SNAPSHOT_FORMAT, extension: '0.1.0', settings: { [A]: 'settings-a', [B]: 'settings-b' } };
const key: SnapshotKey = { extension: '0.1.0', settings: { [A]: 'settings-a', [B]: 'settings-b' } };

function entry(folder: string, name: string, lintSettings?: string): SnapshotEntry {
  return {
    uri: `${folder}/${name}.md`,
    folder,
    disk: { size: 10, mtime: 5, hash: 'h' },
    text: 'text',
    bank: { principles: [], hasStories: false },
    ...(lintSettings ? { lint: { settings: lintSettings, findings: [] } } : {}),
  };
}
const entries = [entry(A, 'one', 'settings-a'), entry(A, 'two', 'settings-a'), entry(B, 'three', 'settings-b'), entry(B, 'too-large')];
const names = (list: SnapshotEntry[]) => list.map((e) => e.uri.replace(/.*\//, ''));

describe('index snapshot: what is still valid', () => {
  it('keeps every entry under the key it was written with', () => {
    assert.equal(staleReason(header, key), undefined);
    assert.deepEqual(names(usableEntries(header, entries, key)), ['one.md', 'two.md', 'three.md', 'too-large.md']);
  });

  it('drops everything for another extension version', () => {
    const other = { ...key, extension: '0.2.0' };
    assert.match(staleReason(header, other)!, /version 0\.1\.0, this is 0\.2\.0/);
    assert.deepEqual(usableEntries(header, entries, other), []);
  });

  it('drops everything for another format (a parser whose results changed)', () => {
    const older = { ...header, format: SNAPSHOT_FORMAT - 1 };
    assert.match(staleReason(older, key)!, /format/);
    assert.deepEqual(usableEntries(older, entries, key), []);
  });

  it('drops the entries of a folder whose lint settings changed, and keeps the other folder', () => {
    const changed = { ...key, settings: { ...key.settings, [B]: 'settings-b2' } };
    assert.deepEqual(names(usableEntries(header, entries, changed)), ['one.md', 'two.md']);
  });

  it('drops the entries of a folder no longer open', () => {
    assert.deepEqual(names(usableEntries(header, entries, { ...key, settings: { [A]: 'settings-a' } })), ['one.md', 'two.md']);
  });

  it('drops an entry linted with settings other than its folder had when written', () => {
    assert.deepEqual(names(usableEntries(header, [entry(A, 'relinting', 'old-settings'), entry(A, 'one', 'settings-a')], key)), ['one.md']);
  });
});

describe('index snapshot: which files are read again', () => {
  it('keeps a file with the same size and modification time without reading it', () => {
    assert.equal(unchangedOnDisk({ size: 10, mtime: 5 }, { size: 10, mtime: 5 }), true);
  });

  it('reads a file whose size or modification time changed', () => {
    assert.equal(unchangedOnDisk({ size: 10, mtime: 5 }, { size: 11, mtime: 5 }), false);
    assert.equal(unchangedOnDisk({ size: 10, mtime: 5 }, { size: 10, mtime: 6 }), false);
  });

  it('always reads a file whose stamp is unknown (it came from an open document)', () => {
    assert.equal(unchangedOnDisk({ size: -1, mtime: -1 }, { size: -1, mtime: -1 }), false);
  });

  it('keeps a read file with the same text by hash, parses one whose text changed', async () => {
    const stored = { hash: await contentHash('**Result:** 3 days early.') };
    assert.equal(sameContent(stored, await contentHash('**Result:** 3 days early.')), true);
    assert.equal(sameContent(stored, await contentHash('**Result:** 4 days early.')), false);
  });

  it('never matches without a hash (a host without Web Crypto)', () => {
    assert.equal(sameContent({ hash: '' }, ''), false);
    assert.equal(sameContent({}, 'abc'), false);
  });

  it('hashes the text as SHA-256 of its UTF-8', async () => {
    assert.equal(await contentHash('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.notEqual(await contentHash('é'), await contentHash('e\u0301'));
  });
});
