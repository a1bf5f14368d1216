/**
 * The snapshot as bytes: one JSON line for the header, then one per file, gzipped where the host has
 * CompressionStream (Node 18+, browsers). Written and read a line at a time, giving the thread back
 * every few milliseconds: the extension host is shared by every extension and must not stall.
 */
import { slicer } from '../slices';
import type { SnapshotEntry, SnapshotHeader } from './types';

/** The first line's marker: a file that does not start with it is not a snapshot. */
const MAGIC = 'star-answers-index-snapshot';

export class SnapshotUnreadable extends Error {}

export interface CodecOptions {
  /** Give up (and answer undefined) when the stored bytes would pass this many. */
  maxBytes: number;
  /** How long to work before giving the thread back (ms). */
  sliceMs?: number;
}

/** The stored bytes of a snapshot, or undefined when they would pass `maxBytes`. */
export async function encodeSnapshot(header: SnapshotHeader, entries: Iterable<SnapshotEntry>, options: CodecOptions): Promise<Uint8Array | undefined> {
  const pause = slicer(options.sliceMs);
  const encoder = new TextEncoder();
  const lines = function* () {
    yield `${JSON.stringify({ [MAGIC]: true, ...header })}\n`;
    let count = 0;
    for (const entry of entries) {
      count++;
      yield `${JSON.stringify(entry)}\n`;
    }
    // The count at the end tells a whole snapshot from one cut short at a line break.
    yield `${JSON.stringify({ end: count })}\n`;
  };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (typeof CompressionStream !== 'function') {
    for (const line of lines()) {
      const bytes = encoder.encode(line);
      size += bytes.length;
      if (size > options.maxBytes) return undefined;
      chunks.push(bytes);
      await pause();
    }
    return concat(chunks, size);
  }
  const gzip = new CompressionStream('gzip');
  const writer = gzip.writable.getWriter();
  let tooLarge = false;
  const collected = (async () => {
    const reader = gzip.readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.length;
      if (size > options.maxBytes) {
        tooLarge = true;
        await reader.cancel();
        return;
      }
      chunks.push(value);
    }
  })();
  try {
    for (const line of lines()) {
      if (tooLarge) break;
      await writer.write(encoder.encode(line));
      await pause();
    }
    if (!tooLarge) await writer.close();
  } catch (error) {
    if (!tooLarge) throw error; // writing after the reader gave up fails; that is the size limit, not an error
  }
  await collected;
  return tooLarge ? undefined : concat(chunks, size);
}

/** The header and entries of stored bytes; throws SnapshotUnreadable for anything that is not a whole snapshot. */
export async function decodeSnapshot(bytes: Uint8Array, options: { sliceMs?: number } = {}): Promise<{ header: SnapshotHeader; entries: SnapshotEntry[] }> {
  if (bytes.length === 0) throw new SnapshotUnreadable('it is empty');
  const pause = slicer(options.sliceMs);
  let header: SnapshotHeader | undefined;
  const entries: SnapshotEntry[] = [];
  let complete = false;
  const take = (line: string) => {
    if (line === '') return; // the line break after the last line
    if (complete) throw new SnapshotUnreadable('text after the end of the snapshot');
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new SnapshotUnreadable(header ? `entry ${entries.length + 1} is not JSON` : 'it does not start with a snapshot header');
    }
    if (!header) {
      header = readHeader(value);
      return;
    }
    if (isEnd(value)) {
      if (value.end !== entries.length) throw new SnapshotUnreadable(`it ends after ${entries.length} of ${value.end} entries`);
      complete = true;
      return;
    }
    entries.push(readEntry(value, entries.length + 1));
  };
  try {
    let rest = '';
    for await (const chunk of textChunks(bytes)) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      for (const line of parts) {
        take(line);
        await pause();
      }
    }
    take(rest);
  } catch (error) {
    if (error instanceof SnapshotUnreadable) throw error;
    throw new SnapshotUnreadable(`it could not be decompressed (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!header) throw new SnapshotUnreadable('it is empty');
  if (!complete) throw new SnapshotUnreadable('it was cut short');
  return { header, entries };
}

function readHeader(value: unknown): SnapshotHeader {
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object' || v[MAGIC] !== true) throw new SnapshotUnreadable('it does not start with a snapshot header');
  if (typeof v.format !== 'number' || typeof v.extension !== 'string' || !isStringRecord(v.settings)) throw new SnapshotUnreadable('its header is incomplete');
  return { format: v.format, extension: v.extension, settings: v.settings };
}

/** Checks the shape a stored result needs to be shown; deeper checks would cost as much as the parse they save. */
function readEntry(value: unknown, n: number): SnapshotEntry {
  const e = value as Partial<SnapshotEntry> | null;
  const disk = e?.disk;
  const ok =
    !!e &&
    typeof e.uri === 'string' &&
    typeof e.folder === 'string' &&
    typeof e.text === 'string' &&
    !!disk &&
    typeof disk.size === 'number' &&
    typeof disk.mtime === 'number' &&
    typeof disk.hash === 'string' &&
    !!e.bank &&
    Array.isArray(e.bank.principles) &&
    typeof e.bank.hasStories === 'boolean' &&
    (e.lint === undefined || (typeof e.lint.settings === 'string' && Array.isArray(e.lint.findings)));
  if (!ok) throw new SnapshotUnreadable(`entry ${n} is incomplete`);
  return e as SnapshotEntry;
}

function isEnd(value: unknown): value is { end: number } {
  return !!value && typeof value === 'object' && typeof (value as { end?: unknown }).end === 'number' && !('uri' in value);
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

async function* textChunks(bytes: Uint8Array): AsyncGenerator<string> {
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!gzipped) {
    yield new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return;
  }
  if (typeof DecompressionStream !== 'function') throw new SnapshotUnreadable('it is compressed and this host cannot decompress');
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')).pipeThrough(new TextDecoderStream('utf-8', { fatal: true })).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
