import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Where `--cache` keeps results unless `--cache-location` says otherwise, as other linters of this ecosystem do. */
export const DEFAULT_CACHE_DIR = path.join('node_modules', '.cache', 'star-answers');

interface Stored<T> {
  tool: string;
  entries: Record<string, { hash: string; settings: string; result: T }>;
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

  set(filePath: string, hash: string, settings: string, result: T): void {
    this.stored.entries[filePath] = { hash, settings, result };
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
