import { promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { MAX_STORY_FILE_BYTES, tooLargeMessage } from '../core/limits';

export interface InputFile {
  /** As the user wrote it, or joined under the folder they named, or as the glob matched it. */
  path: string;
  /** Read when first asked for, for a file the caller knew unchanged (see `readInputs`). */
  readonly text: string;
  /** Found under a folder or by a glob, rather than named itself. */
  fromFolder: boolean;
  /** Its size and modification time, and when it was read (for a cache that trusts them). */
  stat?: FileStamp;
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** When the file was read; undefined when it was not (a file known unchanged). */
  readAt?: number;
}

export interface InputProblem {
  path: string;
  message: string;
}

const MARKDOWN_UNDER_FOLDER = '**/*.{md,markdown}';
const ALWAYS_SKIPPED = ['**/node_modules/**'];

/**
 * Expands files, folders (every *.md and *.markdown under them) and globs (`stories/**\/*.md`), as
 * markdownlint-cli2 does: `!glob` arguments leave files out, node_modules and dot-folders are skipped,
 * and so is whatever the .gitignore files of the repository ignore. A file named itself is always read.
 */
export async function readInputs(
  args: string[],
  cwd: string,
  knownUnchanged?: (absolute: string, stamp: FileStamp) => boolean,
  sort: PathSorter = sortPaths,
): Promise<{ files: InputFile[]; problems: InputProblem[] }> {
  // What to report, in the order of the arguments: a file to read, or a problem with an argument.
  const entries: ({ path: string; fromFolder: boolean } | { problem: InputProblem })[] = [];
  const negated = args.filter((a) => a.startsWith('!') && a.length > 1).map((a) => a.slice(1));
  const gitignore = new GitIgnores();
  const seen = new Set<string>();
  const add = (p: string, fromFolder: boolean) => {
    const absolute = path.resolve(cwd, p);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    entries.push({ path: p, fromFolder });
  };
  const problem = (p: string, message: string) => entries.push({ problem: { path: p, message } });
  for (const arg of args) {
    if (arg.startsWith('!') && arg.length > 1) continue;
    const absolute = path.resolve(cwd, arg);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat?.isDirectory()) {
      const found = await glob(MARKDOWN_UNDER_FOLDER, { cwd: absolute, ignore: [...ALWAYS_SKIPPED, ...negated.map((n) => path.relative(absolute, path.resolve(cwd, n)).split(path.sep).join('/'))], caseSensitiveMatch: false });
      const kept = await gitignore.filter(found.map((f) => path.join(absolute, f)), absolute);
      if (!kept.length) problem(arg, 'no markdown files in this folder');
      for (const file of sort(kept, `folder ${absolute}`)) add(path.join(arg, path.relative(absolute, file)), true);
    } else if (stat) add(arg, false);
    else if (isDynamicPattern(arg)) {
      const found = await glob(toPosix(arg), { cwd, ignore: [...ALWAYS_SKIPPED, ...negated.map(toPosix)], onlyFiles: true });
      const kept = await gitignore.filter(found.map((f) => path.resolve(cwd, f)), cwd);
      if (!kept.length) problem(arg, 'no file matches this glob');
      for (const file of sort(kept, `glob ${cwd} ${arg}`)) add(path.relative(cwd, file), true);
    } else problem(arg, 'no such file or folder');
  }
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  for (const entry of entries) {
    if ('problem' in entry) {
      problems.push(entry.problem);
      continue;
    }
    const absolute = path.resolve(cwd, entry.path);
    const read = readText(absolute, knownUnchanged);
    if ('problem' in read) problems.push({ path: entry.path, message: read.problem });
    else if ('text' in read) files.push({ path: entry.path, text: read.text, fromFolder: entry.fromFolder, stat: read.stat });
    else files.push(readLater(entry.path, absolute, entry.fromFolder, read.stat));
  }
  return { files, problems };
}

/**
 * Read synchronously: nothing else runs before the files are read, and promises (open, stat, read and
 * close, each a round trip through the thread pool) took four times as long for the bench's 1,000 files,
 * even 32 at once (about 80 against 20 ms).
 */
function readText(file: string, knownUnchanged?: (absolute: string, stamp: FileStamp) => boolean): { text: string; stat: FileStamp } | { unread: true; stat: FileStamp } | { problem: string } {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { problem: 'not a file' };
    if (stat.size > MAX_STORY_FILE_BYTES) return { problem: tooLargeMessage(stat.size) };
    const stamp = { size: stat.size, mtimeMs: stat.mtimeMs };
    if (knownUnchanged?.(file, stamp)) return { unread: true, stat: stamp };
    const readAt = Date.now();
    const bytes = readFileSync(file);
    if (bytes.includes(0)) return { problem: 'not a text file (it holds NUL bytes)' };
    return { text: bytes.toString('utf8'), stat: { ...stamp, readAt } };
  } catch (error) {
    return { problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

/** A file known unchanged: its text is read only if a command asks for it after all (its settings changed). */
function readLater(filePath: string, absolute: string, fromFolder: boolean, stat: FileStamp): InputFile {
  let text: string | undefined;
  return {
    path: filePath,
    fromFolder,
    stat,
    get text() {
      return (text ??= readFileSync(absolute, 'utf8'));
    },
  };
}

/** Puts the files a folder (or a glob) found in order; `key` names the folder or glob. */
export type PathSorter = (files: string[], key: string) => string[];

/** Name order, one path segment at a time (a folder's files and subfolders interleaved by name). */
export function sortPaths(files: string[]): string[] {
  const collator = new Intl.Collator();
  const split = files.map((file) => ({ file, parts: file.split(path.sep) }));
  split.sort(({ parts: pa }, { parts: pb }) => {
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      if (pa[i] === pb[i]) continue;
      return collator.compare(pa[i], pb[i]);
    }
    return pa.length - pb.length;
  });
  return split.map(({ file }) => file);
}

/**
 * The .gitignore files that apply to a file: those of its folder and of every folder above it up to
 * the repository's root (the folder holding .git), or up to the folder searched when it is in no repository.
 */
/** The folders from `root` down to `dir` (both included); none when `dir` is outside `root`. */
function foldersFrom(root: string, dir: string): string[] {
  const relative = path.relative(root, dir);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return [];
  const folders = [root];
  for (const part of relative.split(path.sep).filter((p) => p && p !== '.')) folders.push(path.join(folders[folders.length - 1], part));
  return folders;
}

class GitIgnores {
  private readonly byFolder = new Map<string, Promise<Ignore | undefined>>();
  private readonly roots = new Map<string, Promise<string>>();

  async filter(files: string[], searched: string): Promise<string[]> {
    const root = await this.rootOf(searched);
    // Each folder's rules read once, all at once; then every file is checked without waiting.
    const chains = new Map<string, string[]>();
    for (const file of files) {
      const dir = path.dirname(file);
      if (!chains.has(dir)) chains.set(dir, foldersFrom(root, dir));
    }
    const rules = new Map<string, Ignore | undefined>();
    const folders = [...new Set([...chains.values()].flat())];
    await Promise.all(folders.map(async (folder) => rules.set(folder, await this.rulesOf(folder))));
    return files.filter((file) => !chains.get(path.dirname(file))!.some((folder) => rules.get(folder)?.ignores(toPosix(path.relative(folder, file)))));
  }

  private rulesOf(folder: string): Promise<Ignore | undefined> {
    let rules = this.byFolder.get(folder);
    if (!rules) {
      rules = fs.readFile(path.join(folder, '.gitignore'), 'utf8').then(
        (text) => ignore().add(text),
        () => undefined,
      );
      this.byFolder.set(folder, rules);
    }
    return rules;
  }

  private rootOf(searched: string): Promise<string> {
    let root = this.roots.get(searched);
    if (!root) {
      root = (async () => {
        for (let folder = searched; ; folder = path.dirname(folder)) {
          if (await fs.stat(path.join(folder, '.git')).then(() => true, () => false)) return folder;
          if (path.dirname(folder) === folder) return searched;
        }
      })();
      this.roots.set(searched, root);
    }
    return root;
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Output paths use forward slashes on every platform. */
export function displayPath(p: string): string {
  return toPosix(p);
}
