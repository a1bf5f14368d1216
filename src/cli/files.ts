import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MAX_STORY_FILE_BYTES, tooLargeMessage } from '../core/limits';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

export interface InputFile {
  /** As the user wrote it, or joined under the folder they named. */
  path: string;
  text: string;
  /** Found under a folder the user named, rather than named itself. */
  fromFolder: boolean;
}

export interface InputProblem {
  path: string;
  message: string;
}

/** Expands files and folders (every *.md under a folder, node_modules and dot-folders skipped). */
export async function readInputs(args: string[], cwd: string): Promise<{ files: InputFile[]; problems: InputProblem[] }> {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch {
      problems.push({ path: arg, message: 'no such file or folder' });
      continue;
    }
    const paths = stat.isDirectory() ? (await markdownFilesUnder(absolute)).map((p) => path.join(arg, path.relative(absolute, p))) : [arg];
    if (!paths.length) problems.push({ path: arg, message: 'no markdown files in this folder' });
    for (const p of paths) {
      const read = await readText(path.resolve(cwd, p));
      if ('text' in read) files.push({ path: p, text: read.text, fromFolder: stat.isDirectory() });
      else problems.push({ path: p, message: read.problem });
    }
  }
  return { files, problems };
}

async function readText(file: string): Promise<{ text: string } | { problem: string }> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { problem: 'not a file' };
    if (stat.size > MAX_STORY_FILE_BYTES) return { problem: tooLargeMessage(stat.size) };
    const bytes = await fs.readFile(file);
    if (bytes.includes(0)) return { problem: 'not a text file (it holds NUL bytes)' };
    return { text: bytes.toString('utf8') };
  } catch (error) {
    return { problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

async function markdownFilesUnder(folder: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await markdownFilesUnder(full)));
    else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) out.push(full);
  }
  return out;
}

/** Output paths use forward slashes on every platform. */
export function displayPath(p: string): string {
  return p.split(path.sep).join('/');
}
