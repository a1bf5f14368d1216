/**
 * The in-process typing part of `npm run bench`: what the typing worker does for a keystroke (re-read and
 * re-lint, through the same request handler the worker runs), how often typing a story takes the quick
 * path, and whether the heap grows over many edits.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { DEFAULT_CONFIG } from '../../src/core/lint/config';
import type { BankFile } from '../../src/core/model';
import { parseBank } from '../../src/core/parser';
import { reparseBank } from '../../src/core/parser/incremental';
import { LineIndex } from '../../src/core/text/lineIndex';
import { createRequestHandler } from '../../src/core/worker/handler';
import type { ParseResponse } from '../../src/core/worker/protocol';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** Where a word can be typed: just before the end of a section's text, in stories spread over the file. */
function typingPlaces(bank: BankFile, count: number): number[] {
  const sections = bank.principles.flatMap((p) => p.questions).flatMap((q) => q.sections).filter((s) => s.words > 2);
  return Array.from({ length: count }, (_, i) => sections[Math.floor(((i + 0.5) * sections.length) / count)].range.end.offset - 1);
}

/** A session of the typing worker on one document: each call sends the next version, as the editor does. */
function typingSession(first: string) {
  const handle = createRequestHandler();
  let version = 0;
  const send = (text: string) => handle({ type: 'parse', id: ++version, key: 'bench.md', version, text, keep: true, lint: DEFAULT_CONFIG }) as ParseResponse;
  send(first);
  return send;
}

/** A word typed (one request with the whole word, as after the debounce) in stories spread over a big file. */
export function keystrokeInBigFile(text: string, label: string): void {
  const send = typingSession(text);
  const bank = parseBank(text);
  const times: number[] = [];
  const hows = new Map<string, number>();
  let current = text;
  // From the end of the file backwards, so that each place found in the first parse is still where it was.
  for (const at of typingPlaces(bank, 21).reverse()) {
    const next = `${current.slice(0, at)} word${current.slice(at)}`;
    const start = performance.now();
    const answer = send(next);
    times.push(performance.now() - start);
    hows.set(answer.how, (hows.get(answer.how) ?? 0) + 1);
    current = next;
  }
  const lines = time(() => new LineIndex(current));
  console.log(`\n${label}: a word typed in ${times.length} stories spread over the file, through the typing worker's handler (re-read + lint, settings as default)`);
  console.log(`  median ${median(times).toFixed(1)} ms, fastest ${Math.min(...times).toFixed(1)} ms, slowest ${Math.max(...times).toFixed(1)} ms; ${[...hows].map(([how, n]) => `${how} ${n}`).join(', ')}; of which the line index of the text ${lines.toFixed(1)} ms`);
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function exampleFiles(): string[] {
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));
  return walk(path.resolve(__dirname, '../../test/fixtures/examples'));
}

/**
 * Typing a story into the examples character by character, as an editor sends it: how often the
 * incremental re-read is taken instead of a full parse, the re-read alone and, through the worker's
 * handler, re-read and lint together.
 */
export function typingReplay(): void {
  let incremental = 0;
  let full = 0;
  let readMs = 0;
  const handlerTimes: number[] = [];
  const refused = new Map<string, number>();
  for (const file of exampleFiles()) {
    const original = fs.readFileSync(file, 'utf8');
    const bank = parseBank(original);
    const stories = bank.principles.flatMap((p) => p.questions).filter((q) => q.sections.length > 0);
    if (!stories.length) continue;
    // Retype the sections of the first story (labels included) at the place they stand, one character at a time.
    const story = stories[0];
    const from = story.sections[0].range.start.offset;
    const to = story.sections[story.sections.length - 1].range.end.offset;
    const typed = original.slice(from, to);
    let text = original.slice(0, from) + original.slice(to);
    let current = parseBank(text);
    const send = typingSession(text);
    for (let i = 0; i < typed.length; i++) {
      const next = text.slice(0, from + i) + typed[i] + text.slice(from + i);
      const lines = new LineIndex(next);
      const start = performance.now();
      let read = reparseBank(text, current, next, lines);
      if (read) incremental++;
      else {
        full++;
        read = parseBank(next, { lines });
        const line = next.slice(next.lastIndexOf('\n', from + i - 1) + 1, from + i + 1).trimStart();
        const why = typed[i] === '\n' ? 'a line break' : /^[<#|]/.test(line) ? `a line that starts with ${line[0]}` : 'a label or marker being typed';
        refused.set(why, (refused.get(why) ?? 0) + 1);
      }
      readMs += performance.now() - start;
      const handled = performance.now();
      send(next);
      handlerTimes.push(performance.now() - handled);
      text = next;
      current = read;
    }
  }
  const total = incremental + full;
  console.log(`\nTyping replay: the first story of each example file retyped character by character (${total} keystrokes)`);
  console.log(`  incremental re-read taken ${incremental} times (${((100 * incremental) / total).toFixed(0)} %), full parse ${full} times; re-read alone ${(readMs / total).toFixed(2)} ms a keystroke on average`);
  console.log(`  full parses, by what was typed: ${[...refused].sort((a, b) => b[1] - a[1]).map(([why, n]) => `${why} ${n}`).join(', ')}`);
  const sum = handlerTimes.reduce((a, b) => a + b, 0);
  console.log(`  through the typing worker's handler (re-read + lint): ${(sum / total).toFixed(2)} ms a keystroke on average, median ${median(handlerTimes).toFixed(2)} ms, 90th percentile ${percentile(handlerTimes, 0.9).toFixed(2)} ms`);
}

/**
 * Ordinary typing only: the words of each section of the first story of each example (after its label, line
 * breaks and paragraphs included) retyped character by character, the labels and markup left in place.
 */
export function proseReplay(): void {
  let incremental = 0;
  let total = 0;
  const times: number[] = [];
  for (const file of exampleFiles()) {
    const original = fs.readFileSync(file, 'utf8');
    const story = parseBank(original).principles.flatMap((p) => p.questions).find((q) => q.sections.length > 0);
    if (!story) continue;
    // From the last section back, so that the earlier sections stay where the first parse put them.
    for (const section of [...story.sections].reverse()) {
      const from = section.labelRange.end.offset;
      const typed = original.slice(from, section.range.end.offset);
      let text = original.slice(0, from) + original.slice(section.range.end.offset);
      const send = typingSession(text);
      for (let i = 0; i < typed.length; i++) {
        text = text.slice(0, from + i) + typed[i] + text.slice(from + i);
        const start = performance.now();
        if (send(text).how === 'incremental') incremental++;
        times.push(performance.now() - start);
        total++;
      }
    }
  }
  const sum = times.reduce((a, b) => a + b, 0);
  console.log(`\nProse replay: the words of each section of those stories retyped after their labels (${total} keystrokes), through the typing worker's handler`);
  console.log(`  incremental re-read taken ${incremental} times (${((100 * incremental) / total).toFixed(0)} %); ${(sum / total).toFixed(2)} ms a keystroke on average, median ${median(times).toFixed(2)} ms`);
}

/** The garbage collector, without needing `node --expose-gc`. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/**
 * 1,000 edits (words typed and deleted again, in stories over the file) through the typing worker's
 * handler: the heap after a forced collection before and after. The handler keeps one parse per
 * document, so the heap should end where it started.
 */
export function heapOverEdits(text: string, edits = 1000): void {
  if (!(edits > 0)) return; // BENCH_EDITS=0 leaves it out
  const gc = collector();
  const send = typingSession(text);
  const places = typingPlaces(parseBank(text), 25);
  const hows = new Map<string, number>();
  const heapAfter = (n: number) => {
    gc();
    gc();
    return { n, heap: process.memoryUsage().heapUsed };
  };
  const samples = [heapAfter(0)];
  let current = text;
  for (let i = 0; i < edits; i++) {
    // Type a word into one place, then take it out again: the text comes back to the start every other edit.
    const at = places[Math.floor(i / 2) % places.length];
    current = i % 2 === 0 ? `${current.slice(0, at)} more${current.slice(at)}` : current.slice(0, at) + current.slice(at + 5);
    const answer = send(current);
    hows.set(answer.how, (hows.get(answer.how) ?? 0) + 1);
    // Four samples over the run, whatever its length, and one at its end.
    if ((i + 1) % Math.max(1, Math.floor(edits / 4)) === 0 || i + 1 === edits) samples.push(heapAfter(i + 1));
  }
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`\nHeap over ${edits} edits of a ${mb(text.length)} file through the typing worker's handler (${[...hows].map(([how, n]) => `${how} ${n}`).join(', ')}), after a forced gc:`);
  const last = samples[samples.length - 1].heap;
  const first = samples[Math.min(1, samples.length - 1)];
  console.log(`  ${samples.map((s) => `${s.n} edits: ${mb(s.heap)}`).join(', ')}; growth ${mb(last - samples[0].heap)} in all, ${mb(last - first.heap)} after the first ${first.n}`);
}
