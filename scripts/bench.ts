/**
 * npm run bench — first, whole processes side by side on generated banks of 1,000 files (about 200 KB,
 * 2 MB and 20 MB): our CLI (cold; warm with --cache, unchanged and with one file edited before each run) against a
 * bare remark-parse and markdownlint (default rules), with the targets of issue 12 and whether they are met, and
 * each process's peak memory. Then, in this process: parse and lint of one file, a keystroke, replayed typing, and
 * the editor's duplicate-story pass over a bank after a typed word (BENCH_DUP_MB, 0 to leave it out; BENCH_EDITS=0
 * leaves out the heap over edits), and the Story Bank's model rebuilt after a typed word (BENCH_TREE_MB, 0 to leave
 * it out).
 * Prints numbers; asserts nothing. Needs `npm run build` first (it runs packages/cli/dist/cli.js).
 *   BENCH_BANKS=0.2,2,20 (MB)  BENCH_RUNS=3  BENCH_FILES=50 BENCH_STORIES=40 BENCH_BIG_MB=2 BENCH_EDITS=1000 BENCH_DUP_MB=5 BENCH_TREE_MB=21.6 npm run bench
 * Each whole process runs BENCH_RUNS times (warm runs at least 5) and the median run is shown.
 * BENCH_BANKS= (empty) leaves the whole-process table out.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { lintBank } from '../src/core/lint/runner';
import { parseBank, parseStoryBlock } from '../src/core/parser';
import { relintEdit } from '../src/core/lint/incremental';
import { rereadEdit } from '../src/core/parser/incremental';
import { LineIndex } from '../src/core/text/lineIndex';
import { bankText, STYLES, writeBank } from './bench/banks';
import { duplicatePasses } from './bench/duplicates';
import { treeRebuilds } from './bench/tree';
import { heapOverEdits, keystrokeInBigFile, proseReplay, typingReplay } from './bench/typing';

const FILES = Number(process.env.BENCH_FILES ?? 50);
const STORIES = Number(process.env.BENCH_STORIES ?? 40);
const BIG_MB = Number(process.env.BENCH_BIG_MB ?? 2);
/** Runs of each whole process; the table shows the median run. */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

const remark = unified().use(remarkParse);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const row = (label: string, ms: number, baseline: number) => console.log(`${label.padEnd(38)} ${ms.toFixed(1).padStart(9)} ms   ${(ms / baseline).toFixed(2).padStart(6)}x remark-parse`);

function measure(label: string, text: string): void {
  const baseline = time(() => remark.parse(text)).ms;
  const lines = new LineIndex(text);
  const parse = time(() => parseBank(text, { lines }));
  const lint = time(() => lintBank({ text, bank: parse.value, lines }));
  console.log(`\n${label}: ${mb(text.length)}, ${parse.value.principles.reduce((n, p) => n + p.questions.length, 0)} stories, ${lint.value.length} findings`);
  row('remark-parse (baseline)', baseline, baseline);
  row('parseBank', parse.ms, baseline);
  row('lint (rules only)', lint.ms, baseline);
  row('parseBank + lint', parse.ms + lint.ms, baseline);

  // One keystroke: a word typed in the middle story, then that story re-read and the file re-linted.
  const questions = parse.value.principles.flatMap((p) => p.questions);
  const q = questions[Math.floor(questions.length / 2)];
  const at = q.sections[0]?.range.end.offset ?? q.range.end.offset;
  const typed = `${text.slice(0, at)} x${text.slice(at)}`;
  const typedLines = new LineIndex(typed);
  const block = time(() => parseStoryBlock(typed, q.range.start.offset, q.range.end.offset + 2, typedLines));
  const findings = lintBank({ text, bank: parse.value, lines });
  const quick = time(() => {
    const reread = rereadEdit(text, parse.value, typed, typedLines);
    return reread && relintEdit(parse.value, text, findings, reread, { text: typed, bank: reread.bank, lines: typedLines });
  });
  const relint = time(() => lintBank({ text: typed, bank: parseBank(typed, { lines: typedLines }), lines: typedLines }));
  row('keystroke: re-read one story', block.ms, baseline);
  row(`keystroke: reparse + lint (${quick.value ? 'quick' : 'full'})`, quick.ms, baseline);
  row('keystroke: full parse + lint', relint.ms, baseline);
}

const ROOT = path.resolve(__dirname, '..');

interface ProcessRun {
  seconds: number;
  maxRssMb: number;
  ok: boolean;
}

/** The run of median wall time of `times` runs (one when times is 1), each a fresh process. */
function medianRun(args: string[], times: number, before?: () => void): ProcessRun {
  const runs = Array.from({ length: times }, () => (before?.(), runProcess(args))).sort((a, b) => a.seconds - b.seconds);
  return runs[Math.floor(runs.length / 2)];
}

function runProcess(args: string[]): ProcessRun {
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--require', path.join(ROOT, 'scripts/bench/peak-memory.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  const rss = /BENCH_MAX_RSS_KB (\d+)/.exec(child.stderr ?? '');
  // lint exits 1 on warnings over --max-warnings and 2 on unreadable files; 0 and 1 both mean it ran.
  return { seconds, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN, ok: child.status === 0 || child.status === 1 };
}

function processTable(): void {
  const cli = path.join(ROOT, 'packages/cli/dist/cli.js');
  if (!fs.existsSync(cli)) {
    console.log('\n(packages/cli/dist/cli.js is missing: run npm run build first for the whole-process table)');
    return;
  }
  const sizes = (process.env.BENCH_BANKS ?? '0.2,2,20').split(',').map(Number).filter((n) => n > 0);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'star-bench-'));
  const rows: { label: string; mb: number; remark: ProcessRun; markdownlint: ProcessRun; cold: ProcessRun; warm: ProcessRun; edited: ProcessRun }[] = [];
  try {
    for (const size of sizes) {
      const dir = path.join(tmp, `bank-${size}`);
      const bytes = writeBank(dir, size * 1024 * 1024);
      const cache = path.join(tmp, `cache-${size}`);
      const remark = medianRun([path.join(ROOT, 'scripts/bench/remark-baseline.mjs'), dir], RUNS);
      const markdownlint = medianRun([path.join(ROOT, 'scripts/bench/markdownlint-baseline.mjs'), dir], RUNS);
      const cold = medianRun([cli, 'lint', dir], RUNS);
      runProcess([cli, 'lint', '--cache-location', cache, dir]); // fills the cache
      // A warm run is mostly Node's start: its spread between runs is a large share of it.
      const warm = medianRun([cli, 'lint', '--cache-location', cache, dir], Math.max(RUNS, 5));
      // The usual warm run (no quick answer: one file is new each time), which re-reads one file and lists the rest.
      const edited = path.join(dir, fs.readdirSync(dir).find((f) => fs.statSync(path.join(dir, f)).isDirectory()) ?? '', 'edited.md');
      let edits = 0;
      const editedRun = medianRun([cli, 'lint', '--cache-location', cache, dir], Math.max(RUNS, 5), () => fs.writeFileSync(edited, `# Edited\n\nedit ${++edits}\n`));
      fs.rmSync(edited);
      rows.push({ label: `${size} MB`, mb: bytes / 1024 / 1024, remark, markdownlint, cold, warm, edited: editedRun });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const s = (r: ProcessRun) => `${r.seconds.toFixed(2)} s${r.ok ? '' : ' (failed)'}`;
  console.log(`\nWhole processes, 1,000 files per bank (1 in 6 without a story), ${os.availableParallelism()} cores, node ${process.version}; medians of ${RUNS} runs (${Math.max(RUNS, 5)} warm)`);
  console.log('| bank | our lint, cold | our lint, warm (--cache) | warm, one file edited before each run | bare remark-parse | markdownlint | peak memory (max RSS): ours cold / remark / markdownlint |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.mb.toFixed(1)} MB | ${s(r.cold)} | ${s(r.warm)} | ${s(r.edited)} | ${s(r.remark)} | ${s(r.markdownlint)} | ${r.cold.maxRssMb.toFixed(0)} / ${r.remark.maxRssMb.toFixed(0)} / ${r.markdownlint.maxRssMb.toFixed(0)} MB |`);
  }
  console.log('\nTargets (issue 12), from this run:');
  const mark = (met: boolean) => (met ? 'met' : 'NOT met');
  for (const r of rows) {
    console.log(`  ${r.label}: cold ≤ 1.0× bare remark-parse: ${(r.cold.seconds / r.remark.seconds).toFixed(2)}× — ${mark(r.cold.seconds <= r.remark.seconds)}`);
    console.log(`  ${r.label}: warm ≥ 10× faster than cold: ${(r.cold.seconds / r.warm.seconds).toFixed(1)}× — ${mark(r.cold.seconds >= 10 * r.warm.seconds)}`);
  }
  const two = rows.find((r) => r.label === '2 MB');
  const twenty = rows.find((r) => r.label === '20 MB');
  if (two) console.log(`  2 MB: ≥ 3× faster than markdownlint: ${(two.markdownlint.seconds / two.cold.seconds).toFixed(2)}× — ${mark(two.markdownlint.seconds >= 3 * two.cold.seconds)}`);
  if (two && twenty) console.log(`  20 MB ≤ 10× the 2 MB time: ${(twenty.cold.seconds / two.cold.seconds).toFixed(1)}× — ${mark(twenty.cold.seconds <= 10 * two.cold.seconds)}`);
}

function main(): void {
  console.log(`STAR Answers bench — node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores`);
  processTable();
  const heapBefore = process.memoryUsage().heapUsed;
  const files = Array.from({ length: FILES }, (_, i) => bankText(STORIES, i));
  // Warm the JIT on one file so the first measured file is not an outlier.
  lintBank({ text: files[0], bank: parseBank(files[0]) });
  let baseline = 0;
  let total = 0;
  let findings = 0;
  for (const text of files) {
    baseline += time(() => remark.parse(text)).ms;
    const run = time(() => lintBank({ text, bank: parseBank(text) }));
    total += run.ms;
    findings += run.value.length;
  }
  console.log(`\nBank: ${FILES} files x ${STORIES} stories, ${mb(files.reduce((n, t) => n + t.length, 0))}, ${findings} findings`);
  row('remark-parse, whole bank (baseline)', baseline, baseline);
  row('parseBank + lint, whole bank', total, baseline);
  row('parseBank + lint, per file', total / FILES, baseline / FILES);

  measure('One file', files[1]);
  let big = '';
  if (BIG_MB > 0) {
    big = `# Big principle\n\n`;
    for (let i = 0; big.length < BIG_MB * 1024 * 1024; i++) big += STYLES[i % STYLES.length](i);
    measure(`One ${BIG_MB} MB file`, big);
    keystrokeInBigFile(big, `One ${BIG_MB} MB file`);
  }
  const heap = process.memoryUsage().heapUsed;
  console.log(`\nheap used: ${mb(heap)} (${mb(heap - heapBefore)} more than at start)`);
  typingReplay();
  proseReplay();
  heapOverEdits(big || files[1], Number(process.env.BENCH_EDITS ?? 1000));
  duplicatePasses(Number(process.env.BENCH_DUP_MB ?? 5));
  treeRebuilds(Number(process.env.BENCH_TREE_MB ?? 21.6));
}

main();
