import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AMAZON_PRINCIPLES } from '../core/catalog';
import { exportBankHtml, type ExportFile } from '../core/export/html';
import { exportBankMarkdown } from '../core/export/markdown';
import { DEFAULT_MIN_STORIES } from '../core/plan/coverage';
import { parseBank } from '../core/parser';
import { displayPath, readInputs } from './files';
import type { CliIo } from './io';

export const EXPORT_USAGE = `Usage: star-answers export <files or folders...> -o <bank.html | bank.md | ->
         [--format html|markdown] [--title TEXT] [--wpm N] [--min-stories N] [--no-plan]

  Writes the whole bank as one page. html (the default, or for a .html/.htm output): standalone and
  printable, no script and nothing loaded from elsewhere, a contents list by principle, word counts and
  speaking times, and the interview plan's coverage of Amazon's 16 Leadership Principles (--no-plan
  leaves it out). markdown (or a .md output): one cleaned file, one principle per heading and one
  story per <details>. "-o -" writes to standard output.`;

interface ExportArgs {
  inputs: string[];
  output: string;
  format: 'html' | 'markdown';
  title?: string;
  wpm: number;
  minStories: number;
  plan: boolean;
}

export async function runExport(argv: string[], io: CliIo, now = new Date()): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${EXPORT_USAGE}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`star-answers export: ${args}\n${EXPORT_USAGE}\n`);
    return 2;
  }
  const { files, problems } = await readInputs(args.inputs, io.cwd);
  for (const problem of problems) io.stderr(`star-answers export: ${displayPath(problem.path)}: ${problem.message}\n`);
  const bank: ExportFile[] = files.map((f) => ({ path: displayPath(f.path), text: f.text, bank: parseBank(f.text, { fileName: f.path }) }));
  for (const f of bank) for (const problem of f.bank.problems ?? []) io.stderr(`star-answers export: ${f.path}: ${problem}\n`);
  const stories = bank.reduce((n, f) => n + f.bank.principles.reduce((m, p) => m + p.questions.length, 0), 0);
  if (!stories) {
    io.stderr('star-answers export: no story in the files given; nothing written\n');
    return 2;
  }
  const output =
    args.format === 'markdown'
      ? exportBankMarkdown(bank)
      : exportBankHtml(bank, { title: args.title, wordsPerMinute: args.wpm, targets: args.plan ? AMAZON_PRINCIPLES : [], minStories: args.minStories, date: now.toISOString().slice(0, 10) });
  if (args.output === '-') io.stdout(output);
  else {
    const target = path.resolve(io.cwd, args.output);
    try {
      await fs.writeFile(target, output, 'utf8');
    } catch (error) {
      io.stderr(`star-answers export: cannot write ${displayPath(args.output)} (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
      return 2;
    }
    io.stderr(`star-answers export: wrote ${stories} ${stories === 1 ? 'story' : 'stories'} to ${displayPath(args.output)}\n`);
  }
  return problems.length ? 2 : 0;
}

function parseArgs(argv: string[]): ExportArgs | string {
  const inputs: string[] = [];
  let output: string | undefined;
  let format: string | undefined;
  let title: string | undefined;
  let wpm = 150;
  let minStories = DEFAULT_MIN_STORIES;
  let plan = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (name === '-o' || name === '--output') output = value();
    else if (name === '--format') format = value();
    else if (name === '--title') title = value();
    else if (name === '--wpm') {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 30 || n > 400) return '--wpm must be a number of words per minute from 30 to 400';
      wpm = n;
    } else if (name === '--min-stories') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 20) return '--min-stories must be a whole number from 1 to 20';
      minStories = n;
    } else if (name === '--no-plan') plan = false;
    else if (arg.startsWith('-') && arg !== '-') return `unknown option "${arg}"`;
    else inputs.push(arg);
  }
  if (output === undefined || output === '') return 'no output given: add -o bank.html (or -o - for standard output)';
  if (title === undefined && argv.includes('--title')) return '--title needs a text';
  if (format === undefined) format = /\.(md|markdown)$/i.test(output) ? 'markdown' : 'html';
  if (format === 'md') format = 'markdown';
  if (format !== 'html' && format !== 'markdown') return `--format must be "html" or "markdown", not "${format}"`;
  if (!inputs.length) return 'no files or folders given';
  return { inputs, output, format, title, wpm, minStories, plan };
}
