/**
 * npm run bench:editor — issue 12's in-editor targets, measured in a real VS Code (code-server + Chromium, the
 * machinery of `npm run test:integration`) on a generated workspace: 1,000 story files of about 20 MB in all (the
 * formats of `npm run bench`, one of them a 1.2 MB file to type into) and 200 markdown documents without a story.
 * The measuring runs inside the extension host (test/editor-bench/index.ts); this script builds, writes the
 * workspace, runs VS Code on it and prints a table with each target and whether it is met. Asserts nothing.
 *
 *   STAR_SKIP_BUILD=1        use dist/ as it is (else: the production bundles, minified, as the .vsix ships them)
 *   STAR_BENCH_PROFILE=1     development bundles (readable names) and CPU profiles of the extension host while
 *                            indexing and typing, summarised here (profiling slows the host: figures are not the bench's)
 *   STAR_BENCH_IDENTICAL=1   every story of a format the same story, as in `npm run bench` (default: stories told apart)
 *   STAR_BENCH_RULES='{"duplicate-story":"off"}'   starAnswers.rules in the workspace's settings
 *   STAR_BENCH_HEAP=<folder> heap snapshots of the extension host before and after the edits, kept in that folder, and what
 *                            grew between them by constructor (the snapshots block the host: its lag figures are not the bench's then)
 *   STAR_BENCH_WITHOUT=markdown-language-features   VS Code without that built-in extension (a folder of lib/vscode/extensions): what is
 *                            left of the host's blocks, the heap's growth and the scan's time when it does not share the host and processor
 *   STAR_BENCH_TREE=1        the Story Bank view open from the start (it is built again on every refresh while open)
 *   STAR_VSCODE_SETTINGS='{"remote.autoForwardPorts": false}'   more user settings: that one stops the remote extension
 *                            host's search for ports to forward, a shell started every few seconds (each start of a
 *                            child process holds the host's thread 35 to 70 ms in the profiled runs)
 *   STAR_BENCH_CONTROL=0     no control run (by default, after the run VS Code runs again on the same workspace with
 *                            only the typed file read, for as long as the scan took, no edits: the host's blocks then,
 *                            printed beside the run's, are the floor of the machine, the window and VS Code)
 *   STAR_BENCH_HOLD_MS=15000 the indexing phase lasts at least that long (what the control run sets)
 *   STAR_TRACE_TYPING=1      the extension's timings of each step of a typed change (src/features/shared/typingTrace.ts), printed
 *   STAR_BENCH_MB=20  STAR_BENCH_TRIES=7  STAR_BENCH_EDITS=1000  STAR_BENCH_BURST=10  --verbose (VS Code's output too)
 * Not part of `npm test`: it takes minutes and its figures depend on the machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import * as esbuild from 'esbuild';
import { storyFileText, unrelatedText, writeBank } from './bench/banks';
import { explainBlocks, summariseProfile } from './bench/cpuProfile';
import { heapGrowth } from './bench/heapSnapshot';

const ROOT = path.resolve(__dirname, '..');
const verbose = process.argv.includes('--verbose');
const profile = process.env.STAR_BENCH_PROFILE === '1';
const varied = process.env.STAR_BENCH_IDENTICAL !== '1';
const without = process.env.STAR_BENCH_WITHOUT;
const bankMb = Number(process.env.STAR_BENCH_MB ?? 20);
/** STAR_BENCH_HEAP=<folder>: heap snapshots of the extension host before and after the edits, kept there, with what grew between them by constructor. */
const heapDir = process.env.STAR_BENCH_HEAP ? path.resolve(process.env.STAR_BENCH_HEAP) : undefined;
const TYPING_FILE = 'bank/p0/file-0.md';
/** The lag monitor's phases each CPU profile covers (the indexing profile runs on after the scan). */
const PROFILED_PHASES: { [profile: string]: string[] } = { indexing: ['indexing', 'after-scan'] };
const TYPING_BYTES = 1.2 * 1024 * 1024;

function build(): void {
  if (process.env.STAR_SKIP_BUILD === '1') return;
  const args = profile ? ['scripts/build.mjs', '--only=extension,worker'] : ['scripts/build.mjs', '--production', '--only=extension,worker'];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

async function bundleRunner(): Promise<string> {
  const outfile = path.join(ROOT, 'out', 'editor-bench', 'index.js');
  await esbuild.build({ entryPoints: [path.join(ROOT, 'test/editor-bench/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], outfile, logLevel: 'warning' });
  return outfile;
}

/** The workspace: bank/ (1,000 story files, the first the 1.2 MB typing file) and docs/ (200 documents without a story). */
function writeWorkspace(dir: string): { storyBytes: number; docBytes: number } {
  const bank = path.join(dir, 'bank');
  let storyBytes = writeBank(bank, bankMb * 1024 * 1024, { storyless: 0, varied });
  const typing = path.join(dir, TYPING_FILE);
  storyBytes -= fs.statSync(typing).size;
  fs.writeFileSync(typing, storyFileText(TYPING_BYTES, 0, varied));
  storyBytes += fs.statSync(typing).size;
  const rules = process.env.STAR_BENCH_RULES;
  if (rules) {
    fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'starAnswers.rules': JSON.parse(rules) }, null, 2));
  }
  let docBytes = 0;
  for (let i = 0; i < 200; i++) {
    const text = unrelatedText(4000 + (i % 10) * 1500, i);
    fs.mkdirSync(path.join(dir, 'docs', `d${i % 5}`), { recursive: true });
    fs.writeFileSync(path.join(dir, 'docs', `d${i % 5}`, `notes-${i}.md`), text);
    docBytes += Buffer.byteLength(text);
  }
  return { storyBytes, docBytes };
}

type Record = { name: string; [key: string]: any };

async function runVsCode(workspace: string, runner: string, options: { profileDir?: string; heapDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number; records: Record[] }> {
  const { profileDir, heapDir } = options;
  const env = { ...process.env, STAR_BENCH_TYPING_FILE: TYPING_FILE, ...(profileDir ? { STAR_BENCH_PROFILE_DIR: profileDir } : {}), ...(heapDir ? { STAR_BENCH_HEAP_DIR: heapDir } : {}), ...options.env };
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/run-vscode-tests.js'), '--workspace', workspace, '--extensionTestsPath', runner, '--timeout', '2400', ...(without ? ['--without-builtin', without] : []), ...(verbose ? ['--verbose'] : [])], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const records: Record[] = [];
  const lines = readline.createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    const m = /^EDITOR_BENCH (\{.*\})\s*$/.exec(line);
    if (m) {
      records.push(JSON.parse(m[1]));
      console.log(`[bench:editor]${options.env ? ' (control)' : ''} ${m[1].length > 300 ? `${m[1].slice(0, 300)}…` : m[1]}`);
    } else if (verbose || /^\[harness\]|^STAR_TRACE |failed|Error/.test(line)) console.log(line);
  });
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  return { code, records };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mark = (met: boolean) => (met ? 'met' : 'NOT met');

interface LagFigures {
  worst: number;
  over50: number;
  worstRan?: number;
  ranOver50?: number;
}

/** The lag monitor's figures of some phases together: the longest block, and blocks over 50 ms; the same counting only the time the thread ran. */
function lagFigures(records: Record[], ...phases: string[]): LagFigures | undefined {
  const found = phases.map((p) => records.find((r) => r.name === 'lag' && r.phase === p)).filter(Boolean) as Record[];
  if (!found.length) return undefined;
  const ran = found.filter((r) => r.worstRanMs !== null && r.worstRanMs !== undefined);
  return {
    worst: Math.max(...found.map((r) => r.worstMs)),
    over50: found.reduce((n, r) => n + r.over50, 0),
    ...(ran.length ? { worstRan: Math.max(...ran.map((r) => r.worstRanMs)), ranOver50: ran.reduce((n, r) => n + (r.ranOver50 ?? 0), 0) } : {}),
  };
}

function table(records: Record[], context: { storyBytes: number; docBytes: number; loadBefore: number[]; loadAfter: number[]; control?: LagFigures }): void {
  const get = (name: string, phase?: string) => records.find((r) => r.name === name && (phase === undefined || r.phase === phase));
  const host = get('host');
  const activation = get('activation');
  const indexing = get('indexing');
  const settled = get('settled');
  const typing = get('typing');
  const edits = get('edits');
  const lag = (...phases: string[]) => lagFigures(records, ...phases);
  const rows: string[][] = [];
  if (activation) {
    const total = (activation.loadMs ?? NaN) + activation.activateMs;
    rows.push([`activation: loading dist/extension.js (${(activation.bundleBytes / 1024).toFixed(0)} KB) + activate()`, `${activation.loadMs ?? '?'} + ${activation.activateMs.toFixed(1)} = ${total.toFixed(0)} ms`, '≤ 50 ms', mark(total <= 50)]);
  }
  if (indexing) {
    rows.push([`indexing: scan start to its end (${indexing.files} files, ${indexing.storyFiles} with ${indexing.stories} stories)`, `${(indexing.readyMs / 1000).toFixed(1)} s`, '≤ 15 s', mark(indexing.readyMs <= 15000)]);
  }
  if (indexing?.processCpuMs !== undefined) {
    const thread = indexing.hostThreadCpuMs === null ? '' : `, of which the host's thread ${(indexing.hostThreadCpuMs / 1000).toFixed(1)} s`;
    rows.push(['processor time of the extension host process until the scan ends (all its threads: host, parse workers, V8)', `${(indexing.processCpuMs / 1000).toFixed(1)} s${thread}`, 'report', '']);
    if (indexing.childProcessesCpuMs) rows.push(["processor time of the extension host's child processes by then (the parse processes, when not threads)", `${(indexing.childProcessesCpuMs / 1000).toFixed(1)} s`, 'report', '']);
  }
  if (settled) rows.push([`after the scan: until diagnostics are quiet for 3 s (${settled.diagnosedFiles} files with diagnostics)`, `${(settled.afterReadyMs / 1000 - 3).toFixed(1)} s`, '—', '']);
  const idx = lag('indexing', 'after-scan');
  if (idx) rows.push(['host blocked while indexing (scan and after): longest / times over 50 ms', `${idx.worst} ms / ${idx.over50}`, 'never > 50 ms', mark(idx.worst <= 50)]);
  if (idx?.worstRan !== undefined) rows.push(["the same, counting only the time the host's thread ran on a processor (anyone's work, not waits for a processor): longest / times over 50 ms", `${idx.worstRan} ms / ${idx.ranOver50}`, 'report', '']);
  const control = context.control;
  if (control) {
    rows.push(["control: the same window and VS Code with only the typed file read, as long as the scan took (the machine's floor): longest / times over 50 ms", `${control.worst} ms / ${control.over50}`, 'report', '']);
    if (control.worstRan !== undefined) rows.push(["control, counting only the time the host's thread ran on a processor: longest / times over 50 ms", `${control.worstRan} ms / ${control.ranOver50}`, 'report', '']);
  }
  const typ = lag('typing', 'edits');
  if (typ) rows.push([`host blocked while typing (words, then ${edits?.edits ?? '?'} edits): longest / times over 50 ms`, `${typ.worst} ms / ${typ.over50}`, 'never > 50 ms', mark(typ.worst <= 50)]);
  if (typ?.worstRan !== undefined) rows.push(["the same, counting only the time the host's thread ran on a processor: longest / times over 50 ms", `${typ.worstRan} ms / ${typ.ranOver50}`, 'report', '']);
  if (typing) {
    const xs: number[] = typing.afterDebounceMs;
    rows.push([`diagnostics after a word typed in the ${(typing.fileBytes / 1048576).toFixed(1)} MB file, minus the ${typing.debounceMs} ms debounce: median / worst of ${xs.length}`, `${median(xs)} / ${Math.max(...xs)} ms`, '≤ 150 ms', mark(Math.max(...xs) <= 150)]);
    const ys: number[] | undefined = typing.afterChangeEventMs;
    if (ys?.length) rows.push([`the same, timed from VS Code's change event in the extension host (where the debounce starts) instead of the edit's call`, `${median(ys)} / ${Math.max(...ys)} ms`, '≤ 150 ms', mark(Math.max(...ys) <= 150)]);
  }
  const mem = get('memory', 'indexing');
  if (mem) rows.push(['extension host heap, peak while indexing', `${mem.peakHeapMb} MB`, 'report', '']);
  if (edits) {
    const h: number[] = edits.heapMb;
    const growth = h[h.length - 1] - h[0];
    rows.push([`extension host heap over ${edits.edits} edits (${edits.gc ? 'after gc' : 'no gc available'}): start → end`, `${h[0]} → ${h[h.length - 1]} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)})`, 'no growth', mark(growth <= 2)]);
    // Caches (VS Code's and ours) fill in the first edits: growth after them is what would go on.
    if (edits.edits >= 300 && h.length >= 4) {
      const later = h[h.length - 1] - h[1];
      rows.push([`the same, from the 100th edit to the end`, `${h[1]} → ${h[h.length - 1]} MB (${later >= 0 ? '+' : ''}${later.toFixed(1)})`, 'no growth', mark(later <= 2)]);
    }
  }
  const cpu = os.cpus();
  console.log(`\nIn VS Code ${host?.vscode ?? '?'} (code-server, Node ${host?.node ?? '?'} extension host), ${new Date().toISOString().slice(0, 10)}, ${cpu.length} × ${cpu[0]?.model ?? '?'}, load average ${context.loadBefore.map((l) => l.toFixed(1)).join(' ')} before, ${context.loadAfter.map((l) => l.toFixed(1)).join(' ')} after`);
  console.log(`Workspace: 1,000 story files, ${(context.storyBytes / 1048576).toFixed(1)} MB (${varied ? 'stories told apart' : 'identical stories per format'}${process.env.STAR_BENCH_RULES ? `, starAnswers.rules ${process.env.STAR_BENCH_RULES}` : ''}), + 200 documents without a story, ${(context.docBytes / 1048576).toFixed(1)} MB${profile ? '; PROFILED run (development bundles, profiler on)' : ''}${without ? `; DISABLED: ${without}` : ''}${process.env.STAR_BENCH_TREE === '1' ? '; the Story Bank view open' : ''}${process.env.STAR_BENCH_PREVIEW === '1' ? '; the preview of the typed file open while typing' : ''}${process.env.STAR_VSCODE_SETTINGS ? `; user settings ${process.env.STAR_VSCODE_SETTINGS}` : ''}\n`);
  console.log('| measured | figure | target | |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  if (typing) console.log(`\nTyped-word tries (ms after the debounce): ${typing.afterDebounceMs.join(', ')}; onDidChangeDiagnostics (VS Code debounces it by 50 ms; none when the word moved no problem): ${typing.eventAfterDebounceMs.map((ms: number | null) => ms ?? 'none').join(', ')}${typing.afterChangeEventMs ? `; timed from VS Code's change event: ${typing.afterChangeEventMs.join(', ')}` : ''}`);
  if (typing?.problems?.length) console.log(`THE TYPING FILE WAS NOT READ AS A STORY BANK at the end of the typed words (${typing.problems.join(' ')}): those figures are not of the quick re-read.`);
  for (const r of records.filter((x) => x.name === 'lag')) console.log(`blocked in ${r.phase}: longest ${r.worstMs} ms, ${r.over50} over 50 ms in ${r.ticks} ticks; longest (ms@ms, then ms the host thread ran/waited for a processor, and ms of it in collections of the host's heap): ${r.longest.map((b: { ms: number; at: number; ranMs?: number; waitedMs?: number; gcMs?: number; gcKinds?: string[] }) => `${b.ms}@${b.at}${b.ranMs === undefined ? '' : ` (${b.ranMs}/${b.waitedMs}${b.gcMs === undefined ? '' : `, gc ${b.gcMs}${b.gcKinds?.length ? ` ${b.gcKinds.join('+')}` : ''}`})`}`).join(' ')}`);
  if (edits) console.log(`heap after gc every 100 edits (MB): ${edits.heapMb.join(' ')}`);
}

/**
 * The control: VS Code again on the same workspace, the extension reading only the typed file (no scan), its indexing
 * phase as long as the run's scan took, no edits. Its blocks are the floor of this machine, window and VS Code.
 */
async function controlRun(workspace: string, runner: string, records: Record[]): Promise<LagFigures | undefined> {
  const indexing = records.find((r) => r.name === 'indexing');
  if (!indexing) return undefined;
  const settings = { ...(process.env.STAR_VSCODE_SETTINGS ? JSON.parse(process.env.STAR_VSCODE_SETTINGS) : {}), 'starAnswers.include': TYPING_FILE };
  const env = { STAR_BENCH_HOLD_MS: String(Math.round(indexing.readyMs)), STAR_VSCODE_SETTINGS: JSON.stringify(settings), STAR_BENCH_EDITS: '0', STAR_BENCH_TRIES: '1' };
  const run = await runVsCode(workspace, runner, { env });
  return run.code === 0 ? lagFigures(run.records, 'indexing', 'after-scan') : undefined;
}

async function main(): Promise<void> {
  build();
  const runner = await bundleRunner();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'star-editor-bench-'));
  const workspace = path.join(tmp, 'workspace');
  const profileDir = profile ? path.join(tmp, 'profiles') : undefined;
  try {
    const sizes = writeWorkspace(workspace);
    console.log(`[bench:editor] workspace ${workspace}: ${(sizes.storyBytes / 1048576).toFixed(1)} MB of stories, ${(sizes.docBytes / 1048576).toFixed(1)} MB of other documents`);
    // The 24 MB just written would otherwise go to disk while the bank is indexed: the kernel's writeback threads took
    // 2 to 4 s of processor during the scan in sampled runs. A user's bank is on disk long before VS Code opens it.
    spawnSync('sync', { stdio: 'ignore' });
    const loadBefore = os.loadavg();
    const { code, records } = await runVsCode(workspace, runner, { profileDir, heapDir });
    const loadAfter = os.loadavg();
    const control = code === 0 && process.env.STAR_BENCH_CONTROL !== '0' ? await controlRun(workspace, runner, records) : undefined;
    table(records, { ...sizes, loadBefore, loadAfter, control });
    const snapshots = records.filter((r) => r.name === 'heap-snapshot');
    if (snapshots.length === 2) {
      console.log('\nWhat grew in the extension host heap over the edits (heap snapshots, self size by constructor):');
      console.log(heapGrowth(snapshots[0].file, snapshots[1].file));
    }
    for (const p of records.filter((r) => r.name === 'profile')) {
      console.log(`\nCPU profile of the extension host, ${p.phase}:`);
      const cpuProfile = JSON.parse(fs.readFileSync(p.file, 'utf8'));
      console.log(summariseProfile(cpuProfile, path.join(ROOT, 'dist')));
      const blocks = records.filter((r) => r.name === 'lag' && (PROFILED_PHASES[p.phase] ?? [p.phase]).includes(r.phase)).flatMap((r) => r.longest as { ms: number; at: number; ranMs?: number; waitedMs?: number }[]);
      if (blocks.length && typeof p.startedAt === 'number') {
        console.log('  the longest blocks of the lag monitor, and what the profile ran through each (ms):');
        console.log(explainBlocks(cpuProfile, path.join(ROOT, 'dist'), p.startedAt, blocks.sort((a, b) => b.ms - a.ms)));
      }
      if (process.env.STAR_BENCH_KEEP_PROFILES) fs.copyFileSync(p.file, path.join(process.env.STAR_BENCH_KEEP_PROFILES, `${p.phase}.cpuprofile`));
    }
    if (code !== 0) {
      console.error(`[bench:editor] VS Code run failed (exit ${code})`);
      process.exitCode = code;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
