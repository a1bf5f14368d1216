import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathOrderLocale, RACY_MS } from './cacheRules';
import { CONFIG_FILES } from './configNames';
import type { CliIo } from './io';
import { takeRunOptions } from './runOptions';
import { VERSION } from './version';

/*
 * The whole answer of the last `lint --cache` run with the same arguments, and the stamp of everything it depended
 * on: the files it read, the folders it listed, and each settings or .gitignore file that was there or could have
 * been. When none of them changed, the next run prints that answer again without listing, reading or linting
 * (as `tsc --build` skips a project whose inputs are older than its outputs). cli.js asks this before it loads the
 * lint command at all; any change, and any doubt, takes the usual way (which still re-reads only changed files).
 */

/** Size, modification and change time (ms); `true` for a .git found there (its stamp changes with every git command). */
type Stamp = [size: number, mtimeMs: number, ctimeMs: number] | true | null;

interface Record {
  key: string;
  /** Path → stamp, in the order they were taken. */
  stamps: [string, Stamp][];
  stdout: string;
  stderr: string;
  code: number;
}

/** What the lint's folders skip (src/cli/files.ts): files under them are never read, so they are not watched. */
const SKIPPED_FOLDER = /^(\.|node_modules$)/;
/** What each folder the run depends on may hold that changes which files are read, or with what settings. */
const PROBED = ['.git', '.gitignore', ...CONFIG_FILES];

/** The last answer, when the arguments are those of a `--cache` run that recorded one and nothing it depended on changed. */
export function replayLastRun(argv: string[], io: CliIo): number | undefined {
  const file = recordFileOf(argv, io.cwd);
  if (!file) return undefined;
  let record: Record;
  try {
    record = JSON.parse(readFileSync(file.path, 'utf8')) as Record;
  } catch {
    return undefined;
  }
  if (record?.key !== file.key || !Array.isArray(record.stamps)) return undefined;
  try {
    for (const [where, stamp] of record.stamps) if (!sameStamp(stampOf(where, stamp === true), stamp)) return undefined;
  } catch {
    return undefined; // a folder we may no longer read, say: the usual way tells
  }
  if (record.stdout) io.stdout(record.stdout);
  if (record.stderr) io.stderr(record.stderr);
  return record.code;
}

/**
 * Watches a `--cache` run of lint: `begin` before it lists or reads anything, `finish` with the files it read and its
 * answer. Writes the record only when every stamp predates the run by RACY_MS, and only for files and folders named
 * (a glob's walk is not followed) without symbolic links under them.
 */
export class RunRecorder {
  private readonly stamps = new Map<string, Stamp>();
  private stdout = '';
  private stderr = '';
  private readonly startedAt = Date.now();
  private eligible = true;
  /** Folders named by the arguments, and the folders of the files named. */
  private readonly folders: string[] = [];
  private readonly fileFolders: string[] = [];

  private constructor(
    private readonly file: { path: string; key: string },
    private readonly cwd: string,
  ) {}

  /** undefined when the arguments ask for no cache. */
  static begin(argv: string[], inputs: string[], io: CliIo): RunRecorder | undefined {
    const file = recordFileOf(argv, io.cwd);
    if (!file) return undefined;
    const recorder = new RunRecorder(file, io.cwd);
    for (const input of inputs) {
      if (input.startsWith('!') && input.length > 1) continue;
      const absolute = path.resolve(io.cwd, input);
      let stat;
      try {
        stat = statSync(absolute, { throwIfNoEntry: false });
      } catch {
        stat = undefined;
      }
      if (stat?.isDirectory()) recorder.folders.push(absolute);
      else if (stat?.isFile()) recorder.fileFolders.push(path.dirname(absolute));
      else recorder.eligible = false; // a glob, or nothing
    }
    return recorder;
  }

  /** The command's output, kept as it is written. */
  io(io: CliIo): CliIo {
    return {
      cwd: io.cwd,
      stdout: (text) => {
        this.stdout += text;
        io.stdout(text);
      },
      stderr: (text) => {
        this.stderr += text;
        io.stderr(text);
      },
    };
  }

  /**
   * `seen`: the files the run read or knew unchanged (with the stat it took), and those it could not read. Every stamp
   * is taken now, after the run: whatever changed during it has a stamp newer than its start, which keeps the record out.
   */
  finish(seen: { path: string; stat?: { size: number; mtimeMs: number } }[], code: number): void {
    try {
      for (const folder of this.folders) {
        this.probeUpFrom(path.dirname(folder));
        this.watchTree(folder);
      }
      for (const folder of this.fileFolders) this.probeUpFrom(folder);
      for (const file of seen) {
        const absolute = path.resolve(this.cwd, file.path);
        const stamp = stampOf(absolute, false);
        // Changed while the run read it: what was printed may be of either text. (A file it could not read has no stat.)
        if (file.stat && (!Array.isArray(stamp) || stamp[0] !== file.stat.size || stamp[1] !== file.stat.mtimeMs)) this.eligible = false;
        this.stamps.set(absolute, stamp);
      }
      // The change time is compared but not required old: only a change of its metadata alone (chmod) moves it.
      const settled = [...this.stamps.values()].every((s) => !Array.isArray(s) || s[1] < this.startedAt - RACY_MS);
      if (!this.eligible || !settled) {
        rmSync(this.file.path, { force: true });
        return;
      }
      const record: Record = { key: this.file.key, stamps: [...this.stamps], stdout: this.stdout, stderr: this.stderr, code };
      mkdirSync(path.dirname(this.file.path), { recursive: true });
      const temporary = `${this.file.path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(record));
      renameSync(temporary, this.file.path);
    } catch {
      // No record: the next run takes the usual way.
    }
  }

  /** The folder and every folder under it that the lint lists (their stamps change when an entry comes or goes), with what each may hold. */
  private watchTree(folder: string): void {
    // The cache's own folder changes with every run that writes it.
    if (folder === path.dirname(this.file.path)) return;
    this.stamps.set(folder, stampOf(folder, false));
    this.probe(folder);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isSymbolicLink()) this.eligible = false;
      else if (entry.isDirectory() && !SKIPPED_FOLDER.test(entry.name)) this.watchTree(path.join(folder, entry.name));
    }
  }

  /** The settings and .gitignore files of a folder and of every folder above it, found or not. */
  private probeUpFrom(folder: string): void {
    for (let dir = folder; ; dir = path.dirname(dir)) {
      this.probe(dir);
      if (path.dirname(dir) === dir) return;
    }
  }

  private probe(folder: string): void {
    for (const name of PROBED) {
      const where = path.join(folder, name);
      if (!this.stamps.has(where)) this.stamps.set(where, stampOf(where, name === '.git'));
    }
  }
}

/** Where the record of these arguments is kept, and the key that names them; undefined without --cache. */
function recordFileOf(argv: string[], cwd: string): { path: string; key: string } | undefined {
  if (argv.includes('--help') || argv.includes('-h')) return undefined;
  const taken = takeRunOptions(argv);
  if (typeof taken === 'string' || taken.options.cacheLocation === undefined) return undefined;
  // The order of a folder's files follows the locale.
  const key = JSON.stringify([VERSION, process.platform, cwd, argv, pathOrderLocale()]);
  return { path: path.join(path.resolve(cwd, taken.options.cacheLocation), `lint-last-run-${fnv1a(key)}.json`), key };
}

function stampOf(where: string, presenceOnly: boolean): Stamp {
  const stat = statSync(where, { throwIfNoEntry: false });
  if (!stat) return null;
  return presenceOnly ? true : [stat.size, stat.mtimeMs, stat.ctimeMs];
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}

/** A short name for a key (the record holds the key itself, which is compared). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
