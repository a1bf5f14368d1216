/**
 * The editor's pass of duplicate-story over a bank after a pause in typing, in-process: against a fresh index
 * of the bank's stories (what every pass cost before the index was kept between passes), the index kept from
 * the last pass, updated for a word typed in the bank's largest file. The bank is the editor bench's: 1,000
 * story files (stories told apart), the first of them 1.2 MB.
 */
import { lintAcrossFiles, prepareAcrossFiles } from '../../src/core/lint/acrossFiles';
import { DEFAULT_CONFIG } from '../../src/core/lint/config';
import { StoryCopies } from '../../src/core/lint/storyCopies';
import type { BankFileInput } from '../../src/core/lint/types';
import { parseBank } from '../../src/core/parser';
import { runSteps } from '../../src/core/steps';
import { LineIndex } from '../../src/core/text/lineIndex';
import { storyFileText } from './banks';

const TYPING_BYTES = 1.2 * 1024 * 1024;

function input(uri: string, text: string): BankFileInput {
  return { uri, text, bank: parseBank(text), lines: new LineIndex(text) };
}

/** One pass as the editor runs it: the index brought to the bank, then the files it names compared again. */
function pass(copies: StoryCopies, files: readonly BankFileInput[]): { ms: number; files: number; findings: number } {
  const start = performance.now();
  const touched = runSteps(prepareAcrossFiles(copies, files));
  let findings = 0;
  for (const f of files) if (touched.has(f.uri)) findings += lintAcrossFiles({ uri: f.uri, text: f.text, bank: f.bank, lines: f.lines, config: DEFAULT_CONFIG, files }).length;
  return { ms: performance.now() - start, files: touched.size, findings };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function duplicatePasses(totalMb: number, words = 7): void {
  if (!(totalMb > 0)) return;
  const per = Math.round((totalMb * 1024 * 1024) / 1000);
  const files = Array.from({ length: 1000 }, (_, i) => input(`file:///bank/p${i % 10}/file-${i}.md`, storyFileText(i === 0 ? TYPING_BYTES : per, i, true)));
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  const stories = files.reduce((n, f) => n + f.bank.principles.reduce((m, p) => m + p.questions.length, 0), 0);
  const copies = new StoryCopies();
  const first = pass(copies, [...files]);
  const typed = files.findIndex((f) => f.uri.endsWith('/file-0.md'));
  const original = files[typed].text;
  const fresh: number[] = [];
  const kept: number[] = [];
  let touched = 0;
  for (let w = 0; w < words; w++) {
    const at = original.indexOf('. ', Math.floor((original.length * (w + 0.5)) / words));
    files[typed] = input(files[typed].uri, `${original.slice(0, at)} quickly${original.slice(at)}`);
    const kept1 = pass(copies, [...files]);
    kept.push(kept1.ms);
    touched += kept1.files;
    const fresh1 = pass(new StoryCopies(), [...files]);
    fresh.push(fresh1.ms);
  }
  console.log(`\nduplicate-story's pass over the bank after a word typed in its 1.2 MB file (${(bytes / 1048576).toFixed(1)} MB, 1,000 files, ${stories} stories; medians of ${words} words)`);
  console.log(`${'first pass (every story read and compared)'.padEnd(52)} ${first.ms.toFixed(0).padStart(7)} ms   ${first.findings} findings`);
  console.log(`${'a fresh index each pass (baseline)'.padEnd(52)} ${median(fresh).toFixed(0).padStart(7)} ms`);
  console.log(`${'the index kept between passes'.padEnd(52)} ${median(kept).toFixed(0).padStart(7)} ms   ${(median(fresh) / median(kept)).toFixed(0).padStart(4)}x faster   (files compared again: ${(touched / words).toFixed(0)} a word)`);
}
