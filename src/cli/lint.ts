import path from 'node:path';
import type { LintConfig } from '../core/lint/types';
import { ConfigFinder } from './configFile';
import { displayPath, type InputFile, readInputs } from './files';
import type { CliIo } from './io';
import { RunRecorder } from './lastRun';
import { formatFindings, LINT_FORMATS, type LintFinding, type LintFormat } from './formats';
import type { WorkerPool } from '../core/worker/pool';
import type { ResultCache } from './cache';
import { type FileOutcome, openRunCache, orderIn, runOverFiles, unchangedIn, withWorkersAhead } from './run';
import { RUN_USAGE, takeRunOptions, type RunOptions } from './runOptions';
import { VERSION } from './version';

export type { LintFinding } from './formats';

export const LINT_USAGE = `Usage: star-answers lint [--format text|json|github|sarif] [--max-warnings N] <files, folders or globs...>

  Checks every story of the given markdown files (folders: every *.md under them; globs such as
  "stories/**/*.md"; "!glob" leaves files out; what .gitignore ignores is skipped) with the STAR rules.
  Settings come from the nearest .star-answers.json, .star-answers.jsonc or package.json "starAnswers" key,
  e.g. {"rules": {"too-long": "off"}, "maxSpeakingMinutes": 3}.
  --format FORMAT      text (default): path:line:col severity rule message; json: an array of findings;
                       github: GitHub Actions annotations; sarif: SARIF 2.1.0 (code scanning)
  --max-warnings N     exit 1 when there are more than N warnings (default: no limit)
${RUN_USAGE}
  With --cache, files and folders (not globs), and nothing changed since the last such run (the files, the folders,
  the settings and .gitignore files), lint prints that run's answer again without reading or linting a file.
  Exit code: 0 clean, 1 errors or too many warnings, 2 bad usage or unreadable input.`;

/** What lint keeps of a file's parse (and its cache holds). */
type Kept = { problems: string[]; findings: LintFinding[] };

interface Options {
  format: LintFormat;
  maxWarnings: number;
  inputs: string[];
}

export async function runLint(argv: string[], io: CliIo, run: Pick<RunOptions, 'spawn' | 'budgetMs'> = {}): Promise<number> {
  const taken = takeRunOptions(argv);
  const options = typeof taken === 'string' ? undefined : parseArgs(taken.rest);
  // With --cache, what the answer depends on is stamped for the next run's quick answer (src/cli/lastRun.ts).
  const recorder = options && typeof options !== 'string' ? RunRecorder.begin(argv, options.inputs, io) : undefined;
  if (!recorder) return lint(argv, io, run);
  const read: { path: string; stat?: { size: number; mtimeMs: number } }[] = [];
  const code = await lint(argv, recorder.io(io), run, (files, problems) => read.push(...files, ...problems));
  recorder.finish(read, code);
  return code;
}

/** `seen`: every file the run looked at (a file it could not read has no stamp). */
async function lint(argv: string[], io: CliIo, run: Pick<RunOptions, 'spawn' | 'budgetMs'>, seen?: (files: InputFile[], problems: { path: string }[]) => void): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${LINT_USAGE}\n`);
    return 0;
  }
  const taken = takeRunOptions(argv);
  if (typeof taken === 'string') {
    io.stderr(`star-answers lint: ${taken}\n${LINT_USAGE}\n`);
    return 2;
  }
  const options = parseArgs(taken.rest);
  if (typeof options === 'string') {
    io.stderr(`star-answers lint: ${options}\n${LINT_USAGE}\n`);
    return 2;
  }
  const cache = await openRunCache<Kept>('lint', taken.options, io.cwd);
  return withWorkersAhead({ ...taken.options, ...run }, cache, (withPool) => lintFiles(options, io, withPool, cache, seen));
}

async function lintFiles(
  options: Options,
  io: CliIo,
  run: RunOptions & { pool?: WorkerPool },
  cache: ResultCache<FileOutcome<Kept>> | undefined,
  seen?: (files: InputFile[], problems: { path: string }[]) => void,
): Promise<number> {
  const { files, problems } = await readInputs(options.inputs, io.cwd, unchangedIn(cache), orderIn(cache));
  seen?.(files, problems);
  let unreadable = problems.length > 0;
  for (const problem of problems) io.stderr(`star-answers lint: ${displayPath(problem.path)}: ${problem.message}\n`);

  const configs = new ConfigFinder();
  const settings = new Map<string, { config: LintConfig; key: string }>();
  for (const file of files) {
    const folder = path.dirname(path.resolve(io.cwd, file.path));
    const found = await configs.forFolder(folder);
    for (const problem of found.problems) {
      if (configs.reported.has(problem)) continue;
      configs.reported.add(problem);
      io.stderr(`star-answers lint: ${problem}\n`);
      unreadable = true;
    }
    settings.set(file.path, { config: found.config, key: JSON.stringify(found.config) });
  }

  const outcomes = await runOverFiles<Kept>('lint', files, {
    ...run,
    cache,
    cwd: io.cwd,
    settingsOf: (file) => settings.get(file.path)!,
    // A file without a story gets no finding: the pre-scan spares its parse.
    skipStoryless: () => true,
    findingsOnly: true,
    keep: (file, response) => ({
      problems: response.bank.problems ?? [],
      findings: (response.findings ?? []).map(
        (d): LintFinding => ({
          path: displayPath(file.path),
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          severity: d.severity,
          rule: d.rule,
          message: d.message,
        }),
      ),
    }),
  });
  const findings: LintFinding[] = [];
  outcomes.forEach((outcome, i) => {
    const where = displayPath(files[i].path);
    if (!outcome.ok) {
      io.stderr(`star-answers lint: ${where}: ${outcome.problem}\n`);
      unreadable = true;
      return;
    }
    for (const problem of outcome.result.problems) io.stderr(`star-answers lint: ${where}: ${problem}\n`);
    findings.push(...outcome.result.findings);
  });

  io.stdout(formatFindings(options.format, findings, VERSION));

  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (options.format === 'text' && findings.length) {
    io.stderr(`${findings.length} problem${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${files.length} file${files.length === 1 ? '' : 's'}\n`);
  }
  if (unreadable) return 2;
  if (errors > 0) return 1;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`star-answers lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { format: 'text', maxWarnings: -1, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (name === '--format' || name === '-f') {
      const format = value();
      if (!LINT_FORMATS.includes(format as LintFormat)) return `--format must be one of ${LINT_FORMATS.join(', ')}, not ${format === undefined ? 'nothing' : `"${format}"`}`;
      options.format = format as LintFormat;
    } else if (name === '--max-warnings') {
      const raw = value();
      const n = Number(raw);
      if (raw === undefined || !/^-?\d+$/.test(raw) || n < -1) return `--max-warnings needs a whole number of 0 or more, not ${raw === undefined ? 'nothing' : `"${raw}"`}`;
      options.maxWarnings = n;
    } else if (name === '--') options.inputs.push(...argv.slice(i + 1)), (i = argv.length);
    else if (name.startsWith('-') && name !== '-') return `unknown option "${name}"`;
    else options.inputs.push(arg);
  }
  if (!options.inputs.length) return 'no files or folders given';
  return options;
}
