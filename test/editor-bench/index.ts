// The in-editor bench of issue 12, run INSIDE the VS Code extension host (extensionTestsPath, bundled by
// scripts/editor-bench.ts to out/editor-bench/index.js) on the generated workspace it opens. Prints one
// `EDITOR_BENCH {json}` line per measurement; scripts/editor-bench.ts makes the table. Asserts nothing
// but that each step happened (a step that times out fails the run).
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { StoryIndex } from '../../src/features/shared/storyIndex';
import { childProcessesCpuMs, threadSchedule } from '../integration/support/threadTime';
import { LagMonitor, type PhaseStats } from './lagMonitor';

const EXTENSION_ID = 'star-answers.star-answers';
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
/** Relative path of the 1.2 MB story file typed into (scripts/editor-bench.ts writes it). */
const TYPING_FILE = process.env.STAR_BENCH_TYPING_FILE ?? 'bank/p0/file-0.md';
const TRIES = env('STAR_BENCH_TRIES', 7);
const EDITS = env('STAR_BENCH_EDITS', 1000);
const BURST = env('STAR_BENCH_BURST', 10);
const PROFILE_DIR = process.env.STAR_BENCH_PROFILE_DIR;
/** Heap snapshots of this host before and after the edits go here (they block the host for seconds: its lag figures then mean nothing). */
const HEAP_DIR = process.env.STAR_BENCH_HEAP_DIR;

function heapSnapshot(name: string): void {
  if (!HEAP_DIR) return;
  fs.mkdirSync(HEAP_DIR, { recursive: true });
  const file = v8.writeHeapSnapshot(path.join(HEAP_DIR, `${name}.heapsnapshot`));
  emit('heap-snapshot', { phase: name, file });
}

interface Exports {
  storyIndex: StoryIndex;
  activateMs: number;
}

function emit(name: string, data: object): void {
  console.log(`EDITOR_BENCH ${JSON.stringify({ name, ...data })}`);
}

function withTimeout<T>(promise: PromiseLike<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** Resolves when `accept` holds after an event (checked at once too); rejects after `ms`. */
function when(event: vscode.Event<unknown>, accept: () => boolean, ms: number, what: string): Promise<void> {
  if (accept()) return Promise.resolve();
  let sub: vscode.Disposable | undefined;
  return withTimeout(
    new Promise<void>((resolve) => {
      sub = event(() => accept() && resolve());
    }),
    ms,
    what,
  ).finally(() => sub?.dispose());
}

/** Resolves at the first event that `accept` takes (what holds before it is not looked at). */
function changed<E>(event: vscode.Event<E>, accept: (e: E) => boolean, ms: number, what: string): Promise<void> {
  let sub: vscode.Disposable | undefined;
  return withTimeout(
    new Promise<void>((resolve) => {
      sub = event((e) => accept(e) && resolve());
    }),
    ms,
    what,
  ).finally(() => sub?.dispose());
}

/** Resolves once `event` has been quiet for `quietMs` (after at most `maxMs`, whatever happens). */
function quiet(event: vscode.Event<unknown>, quietMs: number, maxMs: number): Promise<number> {
  const start = performance.now();
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout>;
    const done = () => {
      sub.dispose();
      clearTimeout(cap);
      resolve(performance.now() - start);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    };
    const sub = event(arm);
    const cap = setTimeout(() => {
      clearTimeout(timer);
      done();
    }, maxMs);
    arm();
  });
}

/** `gc()` in this host: V8's flag set at run time, the function taken from a fresh context. */
function exposeGc(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/** A CPU profile of this thread (the extension host's) over `run`, when STAR_BENCH_PROFILE_DIR is set. */
async function profiled<T>(name: string, monitor: LagMonitor, run: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return run();
  const session = new inspector.Session();
  session.connect();
  // Starting the profiler holds the thread too (hundreds of ms on this heap): the bench's doing, not a block.
  // The inspector answers a session of this thread at once, inside `post`.
  const post = (method: string, params?: object) =>
    monitor.excluding(() =>
      session.post(method, params ?? {}, (error) => {
        if (error) throw error;
      }),
    );
  post('Profiler.enable');
  post('Profiler.setSamplingInterval', { interval: 500 });
  post('Profiler.start');
  // The lag monitor's clock when the profile began, so that its blocks can be found in the profile: read from the
  // profile's own start (process.hrtime's clock, in µs), not after `start` returned, which took hundreds of ms.
  let startedAt = monitor.now();
  try {
    return await run();
  } finally {
    // Stopping and writing a profile of this size holds the thread for hundreds of ms: the bench's doing, not a block.
    monitor.excluding(() => {
      session.post('Profiler.stop', (error, result) => {
        if (error) throw error;
        fs.mkdirSync(PROFILE_DIR, { recursive: true });
        fs.writeFileSync(path.join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(result.profile));
        startedAt = monitor.now() - (Number(process.hrtime.bigint() / 1000n) - result.profile.startTime) / 1000;
      });
    });
    session.disconnect();
    emit('profile', { phase: name, file: path.join(PROFILE_DIR, `${name}.cpuprofile`), startedAt });
  }
}

function storiesOf(read: { bank: { principles: { questions: unknown[] }[]; problems?: string[] } } | undefined): { stories: number; problems: string[] } {
  return { stories: read?.bank.principles.reduce((n, p) => n + p.questions.length, 0) ?? 0, problems: read?.bank.problems ?? [] };
}

const lagOf = (s: PhaseStats) => ({ worstMs: Math.round(s.worst), over50: s.over50, worstRanMs: s.worstRan === undefined ? null : Math.round(s.worstRan), ranOver50: s.ranOver50 ?? 0, ticks: s.ticks, longest: s.longest, peakHeapMb: Math.round(s.peakHeapMb), peakRssMb: Math.round(s.peakRssMb) });

/** Where a word can be typed into a story: before "set up a rotation", at occurrence `k` of `count` spread over the file. */
function typingOffsets(text: string, count: number): number[] {
  const all: number[] = [];
  const needle = 'I set up a rotation';
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) all.push(at + 2);
  if (all.length < count) throw new Error(`the typing file has ${all.length} places to type into, ${count} needed`);
  return Array.from({ length: count }, (_, k) => all[Math.floor(((k + 0.5) * all.length) / count)]);
}

export async function run(): Promise<void> {
  const monitor = new LagMonitor();
  const gc = exposeGc();
  emit('host', { vscode: vscode.version, node: process.versions.node, gc: !!gc, pid: process.pid, profile: !!PROFILE_DIR });
  try {
    await bench(monitor, gc);
    console.log('1 passed, 0 failed');
  } catch (error) {
    console.error('editor bench failed:', error);
    console.log('0 passed, 1 failed');
    throw error;
  } finally {
    monitor.dispose();
  }
}

async function bench(monitor: LagMonitor, gc: (() => void) | undefined): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  const ext = vscode.extensions.getExtension<Exports>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  if (ext.isActive) throw new Error(`${EXTENSION_ID} was active before the bench opened a markdown file: activation cannot be measured`);

  // ---- Activation: opening a story file activates the extension (onLanguage:markdown), as for a user.
  monitor.enter('activation');
  // The processor time the scan costs this process (every thread: this one, the parse workers, V8's helpers) and this thread.
  const cpuBefore = process.cpuUsage();
  const threadBefore = threadSchedule();
  const uri = vscode.Uri.joinPath(folder.uri, TYPING_FILE);
  const opened = performance.now();
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const exports = await withTimeout(ext.activate(), 60000, 'activation');
  const activatedAt = performance.now();
  const index = exports.storyIndex;
  // VS Code's own marks around loading the extension's main module (what Running Extensions reports as its code loading).
  const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks?.getMarks() ?? [];
  const mark = (what: string) => marks.find((m) => m.name === `code/extHost/${what}/${EXTENSION_ID}`)?.startTime;
  const willLoad = mark('willLoadExtensionCode');
  const didLoad = mark('didLoadExtensionCode');
  emit('activation', {
    loadMs: willLoad !== undefined && didLoad !== undefined ? didLoad - willLoad : null,
    activateMs: exports.activateMs,
    openToActiveMs: Math.round(activatedAt - opened),
    bundleBytes: fs.statSync(path.join(ext.extensionPath, 'dist', 'extension.js')).size,
    marks: !!(willLoad && didLoad),
  });

  // ---- Indexing: the scan starts right after activate() returns; ready() is the same scan's promise.
  monitor.enter('indexing');
  const indexingFrom = performance.now();
  // STAR_BENCH_TREE=1: the Story Bank view open while the bank is read and typed in, as a user would have it.
  if (process.env.STAR_BENCH_TREE === '1') void vscode.commands.executeCommand('workbench.view.extension.starAnswers');
  let results = 0;
  let lastResultAt = performance.now();
  const counting = index.onDidChange((uris) => {
    if (uris.length) {
      results += uris.length;
      lastResultAt = performance.now();
    }
  });
  const scanStart = didLoad !== undefined ? performance.timeOrigin + performance.now() - (Date.now() - didLoad - exports.activateMs) : activatedAt;
  await profiled('indexing', monitor, async () => {
    await withTimeout(index.ready(), env('STAR_BENCH_INDEX_TIMEOUT_MS', 900000), 'the index to read the workspace');
    const readyAt = performance.now();
    // STAR_BENCH_HOLD_MS: the phase lasts at least this long (a control run that reads one file: the host's blocks
    // over the seconds a scan would take, without the scan).
    const hold = env('STAR_BENCH_HOLD_MS', 0) - (readyAt - indexingFrom);
    if (hold > 0) await new Promise((resolve) => setTimeout(resolve, hold));
    const cpu = process.cpuUsage(cpuBefore);
    const thread = threadSchedule();
    const files = index.all();
    emit('indexing', {
      readyMs: Math.round(readyAt - (scanStart - performance.timeOrigin)),
      sinceActivatedMs: Math.round(readyAt - activatedAt),
      lastResultMs: Math.round(lastResultAt - activatedAt),
      results,
      files: files.length,
      storyFiles: index.storyFiles().length,
      stories: index.storyFiles().reduce((n, f) => n + f.bank.principles.reduce((m, p) => m + p.questions.length, 0), 0),
      processCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      hostThreadCpuMs: thread && threadBefore ? Math.round(thread.ranMs - threadBefore.ranMs) : null,
      childProcessesCpuMs: childProcessesCpuMs() ?? null,
    });
    // What follows the scan on the host: the diagnostics of every file, then a re-read of the whole bank for duplicates.
    monitor.enter('after-scan');
    const settledIn = await quiet(vscode.languages.onDidChangeDiagnostics, 3000, 300000);
    emit('settled', { afterReadyMs: Math.round(settledIn), diagnosedFiles: vscode.languages.getDiagnostics().filter(([, d]) => d.some((x) => x.source === 'STAR Answers')).length });
  });
  counting.dispose();
  emit('lag', { phase: 'indexing', ...lagOf(monitor.stats('indexing')) });
  emit('lag', { phase: 'after-scan', ...lagOf(monitor.stats('after-scan')) });
  emit('memory', { phase: 'indexing', peakHeapMb: Math.round(Math.max(monitor.stats('activation').peakHeapMb, monitor.stats('indexing').peakHeapMb, monitor.stats('after-scan').peakHeapMb)) });

  // ---- Typing: one word into the 1.2 MB file; from the edit to its diagnostics, minus the debounce.
  const debounce = vscode.workspace.getConfiguration('starAnswers').get<number>('debounceMs', 300);
  const typed = document;
  const current = () => index.get(typed.uri)?.version === typed.version;
  await when(vscode.languages.onDidChangeDiagnostics, current, 120000, 'the typing file to be read');
  // STAR_BENCH_PREVIEW=1: our preview of the typed file open beside it, as it re-renders after each word and edit.
  if (process.env.STAR_BENCH_PREVIEW === '1') await openPreview(typed);
  monitor.enter('typing');
  // Timed at the index's change event for the typed version: the diagnostics feature, subscribed before this
  // bench, has set the file's diagnostics in that same event. onDidChangeDiagnostics comes later (VS Code
  // debounces it by 50 ms), so it is timed too, apart.
  const latencies: number[] = [];
  const eventLatencies: number[] = [];
  const changeLatencies: number[] = [];
  await profiled('typing', monitor, async () => {
    for (let k = 0; k < TRIES; k++) {
      // Found again in the text of now: the words typed before moved every place after them.
      const at = typingOffsets(typed.getText(), TRIES)[k];
      await quiet(vscode.languages.onDidChangeDiagnostics, 1500, 60000);
      // Listening before the edit, and only to events: the index may hold the edited version before it shows it
      // (it reads ahead while the debounce runs), so what it holds says nothing of what was shown.
      const typedUri = typed.uri.toString();
      const published = changed(index.onDidChange, (uris) => uris.some((u) => u.toString() === typedUri) && current(), 120000, 'the typed word to be read').then(() => performance.now());
      // A word that moves no problem changes no diagnostic, and nothing is sent to VS Code: no event comes then.
      const ours = () => vscode.languages.getDiagnostics(typed.uri).filter((d) => d.source === 'STAR Answers');
      const before = ours();
      const moved = () => {
        const now = ours();
        return now.length !== before.length || now.some((d, i) => d !== before[i]);
      };
      const event = Promise.race([
        changed(vscode.languages.onDidChangeDiagnostics, (e) => e.uris.some((u) => u.toString() === typedUri) && moved(), 120000, 'diagnostics after a typed word').then(() => performance.now(), () => NaN),
        published.then(() => new Promise<number>((resolve) => setTimeout(() => resolve(NaN), 3000))),
      ]);
      // When VS Code hands the edit to the extension host (our debounce starts then): the edit's way through the window comes before.
      const delivered = changed(vscode.workspace.onDidChangeTextDocument, (e) => e.document === typed && e.contentChanges.length > 0, 120000, 'the typed word to reach the extension host').then(() => performance.now());
      const wrote = performance.now();
      const ok = await editor.edit((e) => e.insert(typed.positionAt(at), 'quickly '), { undoStopBefore: true, undoStopAfter: false });
      if (!ok) throw new Error('the edit was not applied');
      latencies.push((await published) - wrote - debounce);
      changeLatencies.push((await published) - (await delivered) - debounce);
      eventLatencies.push((await event) - wrote - debounce);
    }
  });
  // Read through a function: a reading kept in this function's scope would stay alive through the edits and weigh
  // as the heap's growth (the 1.2 MB file's text, stories and outline: 3.3 MB in the snapshots that found it).
  const { stories, problems } = storiesOf(index.get(typed.uri));
  emit('typing', {
    stories,
    problems,
    diagnostics: vscode.languages.getDiagnostics(typed.uri).length,
    debounceMs: debounce, afterDebounceMs: latencies.map((ms) => Math.round(ms)), eventAfterDebounceMs: eventLatencies.map((ms) => Math.round(ms)), afterChangeEventMs: changeLatencies.map((ms) => Math.round(ms)), fileBytes: Buffer.byteLength(typed.getText()) });
  await quiet(vscode.languages.onDidChangeDiagnostics, 2000, 60000);
  emit('lag', { phase: 'typing', ...lagOf(monitor.enter('edits')) });

  // ---- Memory over EDITS one-character edits, typed in bursts of BURST, each burst read and diagnosed.
  // The forced collections hold the host for up to a second on this bank: the bench's doing, not a block.
  const heap = () =>
    monitor.excluding(() => {
      gc?.();
      gc?.();
      return process.memoryUsage().heapUsed / 1048576;
    });
  const series: number[] = [heap()];
  heapSnapshot('before-edits');
  const start = typingOffsets(typed.getText(), 1)[0];
  const word = 'steadily ';
  await profiled('edits', monitor, async () => {
    for (let i = 0; i < EDITS; ) {
      for (let j = 0; j < BURST && i < EDITS; j++, i++) {
        await editor.edit((e) => e.insert(typed.positionAt(start + i), word[i % word.length]), { undoStopBefore: false, undoStopAfter: false });
      }
      await when(index.onDidChange, current, 120000, 'a burst of edits to be read');
      if (i % 100 === 0) {
        series.push(heap());
        emit('progress', { edits: i, heapMb: Math.round(series[series.length - 1]) });
      }
    }
  });
  await quiet(vscode.languages.onDidChangeDiagnostics, 2000, 60000);
  series.push(heap());
  heapSnapshot('after-edits');
  emit('edits', { edits: EDITS, burst: BURST, gc: !!gc, heapMb: series.map((mb) => Math.round(mb * 10) / 10) });
  emit('lag', { phase: 'edits', ...lagOf(monitor.enter('end')) });
}

/** Opens our preview of a document beside it and waits until it has rendered the document's version. */
async function openPreview(document: vscode.TextDocument): Promise<void> {
  await vscode.commands.executeCommand('starAnswers.openPreviewToSide', document.uri);
  const rendered = async () => ((await vscode.commands.executeCommand<{ resource: string; renderedVersion?: number }[]>('starAnswers._previewState')) ?? []).some((p) => p.resource === document.uri.toString() && p.renderedVersion === document.version);
  // Asked once a second: the answer carries the whole page (megabytes for this file).
  for (const end = Date.now() + 120000; !(await rendered()); await new Promise((r) => setTimeout(r, 1000))) {
    if (Date.now() > end) throw new Error('the preview did not render the typing file');
  }
}
