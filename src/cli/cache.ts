import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RACY_MS } from './cacheRules';
import type { FileStamp } from './files';

interface Stored<T> {
  tool: string;
  entries: Record<string, Entry<T>>;
  /** The files a folder or a glob found, in the order they were sorted into (see `sortedBefore`). */
  orders?: Record<string, string[]>;
}

interface Entry<T> {
  hash: string;
  settings: string;
  result: T;
  /** The file's size and modification time when it was read, and when that was. */
  size?: number;
  mtimeMs?: number;
  readAt?: number;
}

function stampOf(stamp: FileStamp | undefined): Pick<Entry<unknown>, 'size' | 'mtimeMs' | 'readAt'> {
  return stamp?.readAt !== undefined ? { size: stamp.size, mtimeMs: stamp.mtimeMs, readAt: stamp.readAt } : {};
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * Results of one command by file, valid while the file's content hash, the settings and the tool's
 * version are the same. One JSON file; a version change drops it all.
 */
export class ResultCache<T> {
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly stored: Stored<T>,
  ) {}

  static async open<T>(location: string, command: string, tool: string): Promise<ResultCache<T>> {
    const file = path.join(location, `${command}-cache.json`);
    let stored: Stored<T> = { tool, entries: {} };
    try {
      const read = JSON.parse(await fs.readFile(file, 'utf8')) as Stored<T>;
      if (read && read.tool === tool && typeof read.entries === 'object') stored = read;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
    return new ResultCache(file, stored);
  }

  get(filePath: string, hash: string, settings: string): T | undefined {
    const entry = this.stored.entries[filePath];
    return entry && entry.hash === hash && entry.settings === settings ? entry.result : undefined;
  }

  /**
   * True when the file has the size and modification time it had when last read, and had them for
   * longer than RACY_MS before that reading: then it is taken as unchanged without reading it again, as
   * the extension's index does.
   */
  unchanged(filePath: string, stamp: FileStamp): boolean {
    const entry = this.stored.entries[filePath];
    return !!entry && entry.readAt !== undefined && entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs && stamp.mtimeMs < entry.readAt - RACY_MS;
  }

  /** The result kept for an unchanged file (see `unchanged`), if made with these settings. */
  getUnchanged(filePath: string, settings: string): T | undefined {
    const entry = this.stored.entries[filePath];
    return entry && entry.settings === settings ? entry.result : undefined;
  }

  set(filePath: string, hash: string, settings: string, result: T, stamp?: FileStamp): void {
    this.stored.entries[filePath] = { hash, settings, result, ...stampOf(stamp) };
    this.dirty = true;
  }

  /** A file read again and found the same (by hash): its new stamp, so that the next run need not read it. */
  restamp(filePath: string, stamp: FileStamp): void {
    const entry = this.stored.entries[filePath];
    if (!entry || stamp.readAt === undefined || (entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs && entry.readAt === stamp.readAt)) return;
    Object.assign(entry, stampOf(stamp));
    this.dirty = true;
  }

  /**
   * The order `key`'s files were sorted into by the last run, when it found the same files: sorting them by name
   * again needs a collator, whose making (ICU's data) took a tenth of a warm run over 1,000 files.
   */
  sortedBefore(key: string, files: readonly string[]): string[] | undefined {
    const before = this.stored.orders?.[key];
    if (!before || before.length !== files.length) return undefined;
    const found = new Set(files);
    return before.every((file) => found.has(file)) ? before : undefined;
  }

  rememberOrder(key: string, sorted: string[]): void {
    (this.stored.orders ??= {})[key] = sorted;
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(temporary, JSON.stringify(this.stored));
    await fs.rename(temporary, this.file);
  }
}
