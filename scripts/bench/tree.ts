/**
 * The Story Bank's model over the editor bench's bank, in-process: its first build, then after each word typed in
 * the bank's 1.2 MB file a build from nothing (what every refresh of the view cost before a build kept the nodes of
 * the files not read again) against a rebuild from the last tree; and, for the view's provider, which runs a build in
 * slices, the longest step between two points where a build gives the thread back.
 */
import { AMAZON_PRINCIPLES } from '../../src/core/catalog';
import { parseBank } from '../../src/core/parser';
import { planCoverage } from '../../src/core/plan/coverage';
import { StoryTree, type TreeFileInput, type TreeOptions } from '../../src/core/tree/model';
import { storyFileText } from './banks';

const TYPING_BYTES = 1.2 * 1024 * 1024;

function input(uri: string, text: string): TreeFileInput {
  return { uri, path: uri.slice('file:///bank/'.length), bank: parseBank(text, { fileName: uri }), text };
}

/** A build as the view's provider runs it: its time, and the longest step between two yields. */
function build(files: readonly TreeFileInput[], previous: StoryTree | undefined): { tree: StoryTree; ms: number; longestStepMs: number } {
  const start = performance.now();
  const options: TreeOptions = { catalog: AMAZON_PRINCIPLES, wordsPerMinute: 150, plan: planCoverage(files.map((f) => f.bank), AMAZON_PRINCIPLES), previous };
  const steps = StoryTree.steps(files, options);
  let longestStepMs = 0;
  let since = performance.now();
  let step = steps.next();
  for (; !step.done; step = steps.next()) {
    const now = performance.now();
    longestStepMs = Math.max(longestStepMs, now - since);
    since = now;
  }
  longestStepMs = Math.max(longestStepMs, performance.now() - since);
  return { tree: step.value, ms: performance.now() - start, longestStepMs };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function treeRebuilds(totalMb: number, words = 7): void {
  if (!(totalMb > 0)) return;
  const per = Math.round((totalMb * 1024 * 1024) / 1000);
  const files = Array.from({ length: 1000 }, (_, i) => input(`file:///bank/p${i % 10}/file-${i}.md`, storyFileText(i === 0 ? TYPING_BYTES : per, i, true)));
  const bytes = files.reduce((n, f) => n + f.text!.length, 0);
  const first = build(files, undefined);
  const original = files[0].text!;
  const fresh: number[] = [];
  const kept: number[] = [];
  let longestStepMs = first.longestStepMs;
  let last = first.tree;
  for (let w = 0; w < words; w++) {
    const at = original.indexOf('. ', Math.floor((original.length * (w + 0.5)) / words));
    files[0] = input(files[0].uri, `${original.slice(0, at)} quickly${original.slice(at)}`);
    fresh.push(build(files, undefined).ms);
    const rebuild = build(files, last);
    kept.push(rebuild.ms);
    longestStepMs = Math.max(longestStepMs, rebuild.longestStepMs);
    last = rebuild.tree;
  }
  const stories = last.questions.length;
  console.log(`\nThe Story Bank's model after a word typed in the bank's 1.2 MB file (${(bytes / 1048576).toFixed(1)} MB, 1,000 files, ${stories} stories; medians of ${words} words)`);
  console.log(`${'first build'.padEnd(52)} ${first.ms.toFixed(0).padStart(7)} ms`);
  console.log(`${'a build from nothing each time (baseline)'.padEnd(52)} ${median(fresh).toFixed(0).padStart(7)} ms`);
  console.log(`${'a rebuild from the last tree'.padEnd(52)} ${median(kept).toFixed(0).padStart(7)} ms   ${(median(fresh) / median(kept)).toFixed(1).padStart(5)}x faster`);
  console.log(`${'longest step between two yields (all builds)'.padEnd(52)} ${longestStepMs.toFixed(1).padStart(7)} ms   (the view's provider gives the thread back after 10 ms)`);
}
