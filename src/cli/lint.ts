import { promises as fs } from 'node:fs';
import path from 'node:path';
import { normalizeConfig } from '../core/lint/config';
import { lintBank } from '../core/lint/runner';
import { parseBank } from '../core/parser';
import { LineIndex } from '../core/text/lineIndex';
import type { LintConfig, Severity } from '../core/lint/types';
import { displayPath, readInputs, type CliIo } from './files';

export const LINT_USAGE = `Usage: star-answers lint [--format text|json] [--max-warnings N] <files or folders...>

  Checks every story of the given markdown files (folders: every *.md under them) with the STAR rules.
  Settings come from the nearest .star-answers.json, e.g. {"rules": {"too-long": "off"}, "maxSpeakingMinutes": 3}.
  --format text|json   text (default): path:line:col severity rule message; json: an array of findings
  --max-warnings N     exit 1 when there are more than N warnings (default: no limit)
  Exit code: 0 clean, 1 errors or too many warnings, 2 bad usage or unreadable input.`;

export const CONFIG_FILE = '.star-answers.json';

export interface LintFinding {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
}

interface Options {
  format: 'text' | 'json';
  maxWarnings: number;
  inputs: string[];
}

export async function runLint(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${LINT_USAGE}\n`);
    return 0;
  }
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    io.stderr(`star-answers lint: ${options}\n${LINT_USAGE}\n`);
    return 2;
  }
  const { files, problems } = await readInputs(options.inputs, io.cwd);
  let unreadable = problems.length > 0;
  for (const problem of problems) io.stderr(`star-answers lint: ${displayPath(problem.path)}: ${problem.message}\n`);

  const configs = new ConfigFinder();
  const findings: LintFinding[] = [];
  for (const file of files) {
    const folder = path.dirname(path.resolve(io.cwd, file.path));
    const found = await configs.forFolder(folder);
    for (const problem of found.problems) {
      if (configs.reported.has(problem)) continue;
      configs.reported.add(problem);
      io.stderr(`star-answers lint: ${problem}\n`);
      unreadable = true;
    }
    try {
      const lines = new LineIndex(file.text);
      const bank = parseBank(file.text, { fileName: file.path, lines });
      for (const problem of bank.problems ?? []) io.stderr(`star-answers lint: ${displayPath(file.path)}: ${problem}\n`);
      for (const d of lintBank({ text: file.text, bank, lines, config: found.config })) {
        findings.push({
          path: displayPath(file.path),
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          severity: d.severity,
          rule: d.rule,
          message: d.message,
        });
      }
    } catch (error) {
      io.stderr(`star-answers lint: ${displayPath(file.path)}: could not be read as a story bank (${error instanceof Error ? error.message : String(error)})\n`);
      unreadable = true;
    }
  }

  if (options.format === 'json') io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
  else for (const f of findings) io.stdout(`${f.path}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}\n`);

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
      if (format !== 'text' && format !== 'json') return `--format must be "text" or "json", not ${format === undefined ? 'nothing' : `"${format}"`}`;
      options.format = format;
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

/** The nearest .star-answers.json of a folder (its own, or its parent's, up to the root), read once. */
class ConfigFinder {
  private readonly cache = new Map<string, Promise<{ config: LintConfig; problems: string[] }>>();
  readonly reported = new Set<string>();

  forFolder(folder: string): Promise<{ config: LintConfig; problems: string[] }> {
    let found = this.cache.get(folder);
    if (!found) {
      found = this.read(folder);
      this.cache.set(folder, found);
    }
    return found;
  }

  private async read(folder: string): Promise<{ config: LintConfig; problems: string[] }> {
    const file = path.join(folder, CONFIG_FILE);
    let text: string | undefined;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return { ...normalizeConfig(undefined), problems: [`${displayPath(file)}: cannot be read (${code ?? String(error)})`] };
    }
    if (text === undefined) {
      const parent = path.dirname(folder);
      return parent === folder ? normalizeConfig(undefined) : this.forFolder(parent);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { ...normalizeConfig(undefined), problems: [`${displayPath(file)}: not valid JSON (${error instanceof Error ? error.message : String(error)}); using the default settings`] };
    }
    const { config, problems } = normalizeConfig(raw);
    return { config, problems: problems.map((p) => `${displayPath(file)}: ${p}`) };
  }
}
