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
  const pieces = function* () {
    yield `${JSON.stringify({ [MAGIC]: true, ...header })}\n`;
    let count = 0;
    for (const entry of entries) {
      count++;
      yield* entryPieces(entry);
      yield '\n';
    }
    // The count at the end tells a whole snapshot from one cut short at a line break.
    yield `${JSON.stringify({ end: count })}\n`;
  };
  /** The pieces in chunks of about CHUNK_CHARS, the thread given back between them when the slice is over. */
  const chunked = async function* () {
    let chunk = '';
    for (const piece of pieces()) {
      chunk += piece;
      if (chunk.length < CHUNK_CHARS) continue;
      yield encoder.encode(chunk);
      chunk = '';
      await pause();
    }
    if (chunk) yield encoder.encode(chunk);
  };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (typeof CompressionStream !== 'function') {
    for await (const bytes of chunked()) {
      size += bytes.length;
      if (size > options.maxBytes) return undefined;
      chunks.push(bytes);
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
    for await (const bytes of chunked()) {
      if (tooLarge) break;
      await writer.write(bytes);
    }
    if (!tooLarge) await writer.close();
  } catch (error) {
    if (!tooLarge) throw error; // writing after the reader gave up fails; that is the size limit, not an error
  }
  await collected;
  return tooLarge ? undefined : concat(chunks, size);
}

/** Characters of JSON written at a time: a big file's entry (5 MB for a file of 1.2 MB) is never made in one go. */
const CHUNK_CHARS = 64 * 1024;

/**
 * An entry's JSON in pieces (a story, a finding, the text), which together read back as the entry: its keys
 * in another order than JSON.stringify's, which JSON.parse does not mind.
 */
function* entryPieces(entry: SnapshotEntry): Generator<string> {
  const { text, bank, lint, ...rest } = entry;
  yield `${openObject(rest)}"text":"`;
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + CHUNK_CHARS);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--; // a pair stays whole
    yield JSON.stringify(text.slice(at, end)).slice(1, -1);
    at = end;
  }
  yield '"';
  if (lint) {
    const { findings, ...lintRest } = lint;
    yield `,"lint":${openObject(lintRest)}"findings":[`;
    for (let i = 0; i < findings.length; i++) yield `${i ? ',' : ''}${JSON.stringify(findings[i])}`;
    yield ']}';
  }
  const { principles, ...bankRest } = bank;
  yield `,"bank":${openObject(bankRest)}"principles":[`;
  for (let i = 0; i < principles.length; i++) {
    const { questions, ...principle } = principles[i];
    yield `${i ? ',' : ''}${openObject(principle)}"questions":[`;
    for (let j = 0; j < questions.length; j++) yield `${j ? ',' : ''}${JSON.stringify(questions[j])}`;
    yield ']}';
  }
  yield ']}}';
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** An object's JSON without its closing brace, ready for one more key: `{"a":1,` (or `{` when it has none). */
function openObject(value: object): string {
  const json = JSON.stringify(value);
  return json === '{}' ? '{' : `${json.slice(0, -1)},`;
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
    // The pieces of the line being read: a big file's line spans many chunks, and joining them once keeps its
    // reading linear (splitting what was left plus each new chunk again read a 5 MB line in seconds).
    let line: string[] = [];
    for await (const chunk of textChunks(bytes)) {
      let start = 0;
      for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
        line.push(chunk.slice(start, end));
        take(line.join(''));
        line = [];
        start = end + 1;
        await pause();
      }
      if (start < chunk.length) line.push(chunk.slice(start));
    }
    take(line.join(''));
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
