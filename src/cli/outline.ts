import type { BankFile } from '../core/model';
import { STAR_KINDS } from '../core/model';
import { displayPath, readInputs } from './files';
import type { CliIo } from './io';
import type { WorkerPool } from '../core/worker/pool';
import type { ResultCache } from './cache';
import { type FileOutcome, openRunCache, orderIn, runOverFiles, unchangedIn, withWorkersAhead } from './run';
import { RUN_USAGE, takeRunOptions, type RunOptions } from './runOptions';

export const OUTLINE_USAGE = `Usage: star-answers outline [--json | --format text|json] <files or folders...>

  Prints each principle, question and section with its lines and words (folders: every *.md holding a
  story). In text, S T A R are marked ✓ written, ∅ empty or ✗ missing.
${RUN_USAGE}`;

/** The outline's JSON shape: lines are 1-based. */
export function outlineJson(path: string, bank: BankFile) {
  return {
    path,
    principles: bank.principles.map((p) => ({
      title: p.title,
      line: p.titleRange.start.line + 1,
      definition: p.definition ?? null,
      questions: p.questions.map((q) => ({
        title: q.title,
        line: q.titleRange.start.line + 1,
        sections: q.sections.map((s) => ({
          kind: s.kind,
          label: s.label,
          line: s.range.start.line + 1,
          endLine: s.range.end.line + 1,
          words: s.words,
        })),
      })),
    })),
  };
}

export async function runOutline(rawArgv: string[], io: CliIo, run: Pick<RunOptions, 'spawn' | 'budgetMs'> = {}): Promise<number> {
  if (rawArgv.includes('--help') || rawArgv.includes('-h')) {
    io.stdout(`${OUTLINE_USAGE}\n`);
    return 0;
  }
  const taken = takeRunOptions(rawArgv);
  if (typeof taken === 'string') {
    io.stderr(`star-answers outline: ${taken}\n${OUTLINE_USAGE}\n`);
    return 2;
  }
  const argv = taken.rest;
  let json = false;
  const targets: string[] = [];
  let problem: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const format = arg === '--format' ? argv[++i] : arg.startsWith('--format=') ? arg.slice('--format='.length) : undefined;
    if (arg === '--json') json = true;
    else if (format !== undefined || arg === '--format') {
      if (format !== 'json' && format !== 'text') problem ??= `--format must be "text" or "json", not ${format === undefined ? 'nothing' : `"${format}"`}`;
      json = format === 'json';
    } else if (arg.startsWith('-') && arg !== '-') problem ??= `unknown option "${arg}"`;
    else targets.push(arg);
  }
  if (!problem && !targets.length) problem = 'no files or folders given';
  if (problem) {
    io.stderr(`star-answers outline: ${problem}\n${OUTLINE_USAGE}\n`);
    return 2;
  }
  const cache = await openRunCache<Kept>('outline', taken.options, io.cwd);
  return withWorkersAhead({ ...taken.options, ...run }, cache, (withPool) => outlineFiles(targets, json, io, withPool, cache));
}

async function outlineFiles(targets: string[], json: boolean, io: CliIo, run: RunOptions & { pool?: WorkerPool }, cache: ResultCache<FileOutcome<Kept>> | undefined): Promise<number> {
  const { files, problems } = await readInputs(targets, io.cwd, unchangedIn(cache), orderIn(cache));
  for (const problem of problems) io.stderr(`star-answers outline: ${displayPath(problem.path)}: ${problem.message}\n`);
  // A README found in a folder is no story bank (the pre-scan spares its parse); a file named on the command line is always shown.
  const outcomes = await runOverFiles<Kept>('outline', files, {
    ...run,
    cache,
    cwd: io.cwd,
    settingsOf: () => ({ key: '' }),
    skipStoryless: (file) => file.fromFolder,
    keep: (file, response) => ({ problems: response.bank.problems ?? [], hasStories: response.bank.hasStories, outline: outlineJson(displayPath(file.path), response.bank) }),
  });
  let unreadable = problems.length > 0;
  const outlines = outcomes.flatMap((outcome, i) => {
    const file = files[i];
    if (!outcome.ok) {
      io.stderr(`star-answers outline: ${displayPath(file.path)}: ${outcome.problem}\n`);
      unreadable = true;
      return [];
    }
    for (const problem of outcome.result.problems) io.stderr(`star-answers outline: ${displayPath(file.path)}: ${problem}\n`);
    return outcome.result.hasStories || !file.fromFolder ? [outcome.result.outline] : [];
  });
  if (json) io.stdout(`${JSON.stringify({ files: outlines })}\n`);
  else io.stdout(outlines.map(outlineText).join('\n'));
  return unreadable ? 2 : 0;
}

/** What outline keeps of a file's parse (and its cache holds). */
type Kept = { problems: string[]; hasStories: boolean; outline: ReturnType<typeof outlineJson> };

function outlineText(file: ReturnType<typeof outlineJson>): string {
  const lines = [file.path];
  for (const p of file.principles) {
    lines.push(`  ${p.title}  (line ${p.line}, ${p.questions.length} ${p.questions.length === 1 ? 'story' : 'stories'})`);
    for (const q of p.questions) {
      const mark = (kind: string) => {
        const found = q.sections.filter((s) => s.kind === kind);
        return !found.length ? '✗' : found.some((s) => s.words > 0) ? '✓' : '∅';
      };
      const marks = STAR_KINDS.map((k) => `${k[0].toUpperCase()}${mark(k)}`).join(' ');
      lines.push(`    ${q.title}  (line ${q.line})  ${marks}`);
      for (const s of q.sections) {
        const where = s.line === s.endLine ? `line ${s.line}` : `lines ${s.line}-${s.endLine}`;
        lines.push(`      ${s.label}: ${where}, ${s.words ? `${s.words} words` : 'empty'}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
