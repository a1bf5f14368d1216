/**
 * npm run score -- <folder with expected.json> [--nostory <folder>] [--verbose]
 *
 * Measures the parser and the linter (default settings, as the CLI runs them) against a folder of
 * hand-labelled story banks: story recall and precision, section accuracy, measurable-result verdicts
 * and the share of false missing-section warnings. --nostory counts the findings on markdown that holds
 * no story (the target is none). --verbose prints every mismatch as file:line. Always exits 0: it
 * measures, it does not judge. The labels' format is described in scripts/corpus-scoring.ts.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readInputs } from '../src/cli/files';
import { DEFAULT_CONFIG } from '../src/core/lint/config';
import { lintBank } from '../src/core/lint/runner';
import { parseBank } from '../src/core/parser';
import { LineIndex } from '../src/core/text/lineIndex';
import { type Expected, formatRules, mismatchLines, parsedStories, scoreFile, summaryLines, totals } from './corpus-scoring';

function read(text: string, fileName: string) {
  const lines = new LineIndex(text);
  const bank = parseBank(text, { fileName, lines });
  return { bank, findings: lintBank({ text, bank, lines, config: DEFAULT_CONFIG }) };
}

async function scoreLabelled(folder: string, verbose: boolean): Promise<void> {
  let expected: Expected;
  try {
    expected = JSON.parse(await fs.readFile(path.join(folder, 'expected.json'), 'utf8')) as Expected;
  } catch (error) {
    console.log(`${folder}: no readable expected.json (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  const names = Object.keys(expected).sort();
  const { files, problems } = await readInputs(names.map((n) => path.join(folder, n)), process.cwd());
  for (const p of problems) console.log(`${p.path}: ${p.message}`);
  const onDisk = (await fs.readdir(folder)).filter((f) => /\.(md|markdown)$/i.test(f));
  const unlabelled = onDisk.filter((f) => !(f in expected));
  if (unlabelled.length) console.log(`not labelled, not scored: ${unlabelled.join(', ')}`);

  const scores = files.map((f) => {
    const name = path.basename(f.path);
    const { bank, findings } = read(f.text, name);
    return scoreFile(name, expected[name], bank, findings);
  });
  for (const line of summaryLines(folder, totals(scores))) console.log(line);
  if (verbose) {
    console.log('--- mismatches (file:line) ---');
    for (const s of scores) for (const line of mismatchLines(s)) console.log(line);
  }
}

async function scoreNoStory(folder: string, verbose: boolean): Promise<void> {
  const { files, problems } = await readInputs([folder], process.cwd());
  for (const p of problems) console.log(`${p.path}: ${p.message}`);
  const byRule: Record<string, number> = {};
  let findingsTotal = 0;
  let filesWithFindings = 0;
  let storiesParsed = 0;
  const details: string[] = [];
  for (const f of files) {
    const { bank, findings } = read(f.text, path.basename(f.path));
    storiesParsed += parsedStories(bank).length;
    if (findings.length) filesWithFindings++;
    findingsTotal += findings.length;
    for (const d of findings) {
      byRule[d.rule] = (byRule[d.rule] ?? 0) + 1;
      details.push(`${path.relative(folder, f.path)}:${d.range.start.line + 1} ${d.rule}: ${d.message}`);
    }
  }
  console.log(`no-story files ${folder}: ${files.length} files, ${filesWithFindings} with findings, ${findingsTotal} findings (target 0)`);
  console.log(`no-story findings by rule: ${formatRules(byRule)}`);
  console.log(`no-story questions read with >= 1 section: ${storiesParsed}`);
  if (verbose && details.length) {
    console.log('--- findings on no-story files (file:line) ---');
    for (const line of details) console.log(line);
  }
}

async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const labelled: string[] = [];
  const noStory: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--nostory') noStory.push(argv[++i]);
    else if (argv[i].startsWith('--nostory=')) noStory.push(argv[i].slice('--nostory='.length));
    else if (!argv[i].startsWith('-')) labelled.push(argv[i]);
  }
  if (!labelled.length && !noStory.length) {
    console.log('Usage: npm run score -- <labelled folder> [--nostory <folder>] [--verbose]');
    return;
  }
  for (const folder of labelled) await scoreLabelled(folder, verbose);
  for (const folder of noStory.filter(Boolean)) await scoreNoStory(folder, verbose);
}

main(process.argv.slice(2)).catch((error) => {
  console.log(`score-corpus: ${error instanceof Error ? error.stack : String(error)}`);
});
