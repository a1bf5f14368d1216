/**
 * npm run bench — how long parse + lint take on a large story bank, against a baseline measured in the
 * same run (plain remark-parse of the same text), plus heap used. Prints numbers; asserts nothing.
 *   BENCH_FILES=50 BENCH_STORIES=40 BENCH_BIG_MB=2 npm run bench
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { lintBank } from '../src/core/lint/runner';
import { parseBank, parseStoryBlock } from '../src/core/parser';
import { reparseBank } from '../src/core/parser/incremental';
import { LineIndex } from '../src/core/text/lineIndex';

const FILES = Number(process.env.BENCH_FILES ?? 50);
const STORIES = Number(process.env.BENCH_STORIES ?? 40);
const BIG_MB = Number(process.env.BENCH_BIG_MB ?? 2);

const STYLES = [
  (n: number) => `<details>\n<summary><b>Tell me about a time you delivered under pressure (${n}).</b></summary>\n<ul>\n    <li>\n        <b>Situation: </b><br>\n        - A customer moved their go-live date forward by a month<br>\n    </li>\n    <li>\n        <b>Task: </b><br>\n        - I had to deliver the two features they needed most<br>\n    </li>\n    <li>\n        <b>Action: </b><br>\n        - I cut scope with the customer, planned a second release and we shipped nightly builds<br>\n    </li>\n    <li>\n        <b>Result: </b><br>\n        - The customer went live on the new date with ${n % 7}0% of the scope\n    </li>\n</ul>\n</details>\n\n`,
  (n: number) => `## Story ${n}: the on-call rotation nobody owned\n\n**Question:** "Tell me about a time you took ownership."\n\n**Situation:** Alerts went to a shared inbox that nobody read.\n\n**Task:** I wanted incidents to reach a person within five minutes.\n\n**Action:** I set up a rotation of six volunteers and wrote runbooks for the eight most frequent alerts.\n\n**Result:** Time to acknowledge dropped from 3 hours to 4 minutes.\n\n`,
  (n: number) => `## Give an example of when you used data (${n})\n\n### Situation\nProduct wanted to remove a legacy export.\n\n### Task\nI was asked to estimate the work.\n\n### Action\n- I queried the access logs first.\n- I found three large customers calling it daily.\n\n### Result\nWe kept the export and moved it to the new API.\n\n`,
];

function bankText(stories: number, seed: number): string {
  let text = `# Principle ${seed}\n\nLeaders do things, measured and on time.\n\n`;
  for (let i = 0; i < stories; i++) text += STYLES[(i + seed) % STYLES.length](i);
  return text;
}

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
  const quick = time(() => {
    const bank = reparseBank(text, parse.value, typed, typedLines);
    return bank && lintBank({ text: typed, bank, lines: typedLines });
  });
  const relint = time(() => lintBank({ text: typed, bank: parseBank(typed, { lines: typedLines }), lines: typedLines }));
  row('keystroke: re-read one story', block.ms, baseline);
  row(`keystroke: reparse + lint (${quick.value ? 'quick' : 'full'})`, quick.ms, baseline);
  row('keystroke: full parse + lint', relint.ms, baseline);
}

function main(): void {
  console.log(`STAR Answers bench — node ${process.version}`);
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
  if (BIG_MB > 0) {
    let big = `# Big principle\n\n`;
    for (let i = 0; big.length < BIG_MB * 1024 * 1024; i++) big += STYLES[i % STYLES.length](i);
    measure(`One ${BIG_MB} MB file`, big);
  }
  const heap = process.memoryUsage().heapUsed;
  console.log(`\nheap used: ${mb(heap)} (${mb(heap - heapBefore)} more than at start)`);
}

main();
