/**
 * A V8 CPU profile (.cpuprofile, as the inspector's Profiler.stop returns it) summed up for a reader: where the
 * thread spent its time (self and total, by function), and, for each stretch of over 50 ms without a pause,
 * which functions of ours it ran, and the longest runs of our own code (what "blocked by us" means).
 */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

function frameLabel(frame: CallFrame): string {
  const file = frame.url ? frame.url.replace(/^.*\/(dist|out|node_modules)\//, '$1/').replace(/^.*\/vs\/workbench\//, 'vs/workbench/') : '';
  return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
}

/**
 * `ourDist`: the extension's dist folder (other extensions have a dist/extension.js too). Labels of our
 * functions start with "ours ".
 */
export function summariseProfile(profile: CpuProfile, ourDist: string, top = 15): string {
  const ourUrl = `${ourDist.replace(/\\/g, '/').replace(/\/$/, '')}/`;
  const ours = (frame: CallFrame) => frame.url.includes(ourUrl);
  const label = (frame: CallFrame) => `${ours(frame) ? 'ours ' : ''}${frameLabel(frame)}`;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackOf = (id: number): ProfileNode[] => {
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
    return stack;
  };
  /** Whose code a sample ran: ours, another extension (by folder), or VS Code and Node themselves. */
  const ownerOf = (node: ProfileNode): string => {
    if (node.callFrame.functionName === '(garbage collector)') return 'garbage collection';
    for (const n of stackOf(node.id)) {
      if (ours(n.callFrame)) return 'STAR Answers';
      const other = /\/extensions\/([^/]+)\//.exec(n.callFrame.url);
      if (other) return `extension ${other[1]}`;
    }
    return 'VS Code and Node';
  };
  const owners = new Map<string, number>();
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let busy = 0;
  let gcMs = 0;
  const spans: { start: number; ms: number; samples: number[] }[] = [];
  let span: { start: number; ms: number; samples: number[] } | undefined;
  let clock = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000; // the time until the next sample is this sample's
    clock += profile.timeDeltas[i];
    const node = byId.get(profile.samples[i])!;
    const name = node.callFrame.functionName;
    if (name === '(garbage collector)') gcMs += ms;
    if (name === '(idle)' || name === '(program)') {
      if (span && span.ms > 50) spans.push(span);
      span = undefined;
      continue;
    }
    busy += ms;
    span ??= { start: (clock - profile.startTime) / 1000, ms: 0, samples: [] };
    span.ms += ms;
    span.samples.push(i);
    const owner = ownerOf(node);
    owners.set(owner, (owners.get(owner) ?? 0) + ms);
    const key = label(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + ms);
    for (const k of new Set(stackOf(node.id).map((n) => label(n.callFrame)))) total.set(k, (total.get(k) ?? 0) + ms);
  }
  if (span && span.ms > 50) spans.push(span);
  const runs = runsOfOurs(profile, (i) => ownerOf(byId.get(profile.samples[i])!), (i) => stackOf(profile.samples[i]).filter((n) => ours(n.callFrame)).map((n) => label(n.callFrame)));
  const list = (m: Map<string, number>, keep: (k: string) => boolean = () => true) =>
    [...m]
      .filter(([k]) => keep(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `    ${v.toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  const out = [
    `  ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s profiled, ${(busy / 1000).toFixed(1)} s busy (${(gcMs / 1000).toFixed(1)} s in garbage collection); ${spans.length} stretches busy for over 50 ms, longest ${Math.max(0, ...spans.map((s) => s.ms)).toFixed(0)} ms`,
    '  busy time, by whose code ran:',
    list(owners),
    '  self time, by function:',
    list(self),
    '  total time (with callees), functions of ours:',
    list(total, (k) => k.startsWith('ours ')),
    `  longest runs of our code without a break (collections amid it counted as ours): ${runs.length ? runs.map((r) => `${r.ms.toFixed(0)} ms at ${(r.start / 1000).toFixed(2)} s (${r.gcMs.toFixed(0)} ms of it collection; ${r.top})`).join('; ') : 'none'}`,
  ];
  // The longest stretches: what of ours was on the stack through them.
  for (const s of spans.sort((a, b) => b.ms - a.ms).slice(0, 5)) {
    const inSpan = new Map<string, number>();
    const whose = new Map<string, number>();
    for (const i of s.samples) {
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const owner = ownerOf(byId.get(profile.samples[i])!);
      whose.set(owner, (whose.get(owner) ?? 0) + ms);
      for (const k of new Set(stackOf(profile.samples[i]).filter((n) => ours(n.callFrame) || IDLE.has(n.callFrame.functionName)).map((n) => label(n.callFrame)))) inSpan.set(k, (inSpan.get(k) ?? 0) + ms);
    }
    const by = [...whose].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ');
    out.push(`  busy ${s.ms.toFixed(0)} ms from ${(s.start / 1000).toFixed(2)} s (${by}); of ours on the stack:`, list(inSpan).split('\n').slice(0, 6).join('\n') || '    (none of ours)');
  }
  return out.join('\n');
}

/**
 * Consecutive samples of our code (a collection between two of ours counted in): the longest five, with the
 * outermost function of ours under them. A run ends at the first sample of anything else (idle, VS Code, another
 * extension): work that gives the thread back to a timer and resumes at once, before a sample sees the pause,
 * reads as one run, so a run is an upper bound of how long we held the thread.
 */
function runsOfOurs(profile: CpuProfile, ownerAt: (i: number) => string, oursAt: (i: number) => string[]): { start: number; ms: number; gcMs: number; top: string }[] {
  const runs: { start: number; ms: number; gcMs: number; top: string }[] = [];
  let run: { start: number; ms: number; gcMs: number; top: string } | undefined;
  let gcPending = 0;
  let clock = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    clock += profile.timeDeltas[i];
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const owner = ownerAt(i);
    if (owner === 'STAR Answers') {
      if (run) {
        run.ms += gcPending + ms;
        run.gcMs += gcPending;
      } else {
        const stack = oursAt(i);
        run = { start: (clock - profile.startTime) / 1000, ms, gcMs: 0, top: stack[stack.length - 1] ?? '?' };
      }
      gcPending = 0;
    } else if (owner === 'garbage collection' && run) {
      gcPending += ms;
    } else {
      if (run) runs.push(run);
      run = undefined;
      gcPending = 0;
    }
  }
  if (run) runs.push(run);
  return runs.sort((a, b) => b.ms - a.ms).slice(0, 5);
}

/**
 * What the profile holds over each block the lag monitor saw (its `at` is when the late tick ran, on the monitor's
 * clock; `startedAt` is that clock when the profile began): whose code ran, and the outermost functions of ours.
 */
export function explainBlocks(profile: CpuProfile, ourDist: string, startedAt: number, blocks: { ms: number; at: number; ranMs?: number; waitedMs?: number }[]): string {
  const ourUrl = `${ourDist.replace(/\\/g, '/').replace(/\/$/, '')}/`;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let clock = 0;
  for (let i = 0; i < profile.samples.length; i++) times.push((clock += profile.timeDeltas[i] / 1000));
  let oursOnProcessorMax: number | undefined;
  const lines = blocks
    .map((block) => {
      const to = block.at - startedAt;
      if (to < 0) return `    ${block.ms} ms at ${(block.at / 1000).toFixed(2)} s: before the profile began`;
      const from = to - block.ms - 10; // the tick was due 10 ms after the one before
      const whose = new Map<string, number>();
      const outer = new Map<string, number>();
      for (let i = 0; i < times.length; i++) {
        if (times[i] < from || times[i] > to) continue;
        const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
        const node = byId.get(profile.samples[i])!;
        const name = node.callFrame.functionName;
        if (name === '(idle)') continue;
        let outermost: ProfileNode | undefined;
        let other: string | undefined;
        for (let at: number | undefined = node.id; at !== undefined; at = parent.get(at)) {
          const frame = byId.get(at)!.callFrame;
          if (frame.url.includes(ourUrl)) outermost = byId.get(at);
          else other ??= /\/extensions\/([^/]+)\//.exec(frame.url)?.[1];
        }
        const owner = name === '(garbage collector)' ? 'collection' : outermost ? 'ours' : other ? `extension ${other}` : name === '(program)' ? '(program)' : 'VS Code and Node';
        whose.set(owner, (whose.get(owner) ?? 0) + ms);
        const key = outermost ? frameLabel(outermost.callFrame) : frameLabel(node.callFrame);
        outer.set(key, (outer.get(key) ?? 0) + ms);
      }
      const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
      // Every sample idle: the thread ran nothing while its timer was late, so it likely waited for a core.
      if (!whose.size) return `    ${block.ms} ms at ${(block.at / 1000).toFixed(2)} s: idle in the profile (the thread ran nothing: it likely waited for a core)`;
      // A sample's time is wall time: time the thread waited for a processor falls on whatever it was running. Our
      // share of the samples times the time the thread ran (Linux's schedstat) estimates our processor time in it.
      let onProcessor = '';
      if (block.ranMs !== undefined) {
        const sampled = [...whose.values()].reduce((a, b) => a + b, 0);
        const ours = sampled > 0 ? ((whose.get('ours') ?? 0) / sampled) * block.ranMs : 0;
        oursOnProcessorMax = Math.max(oursOnProcessorMax ?? 0, ours);
        onProcessor = ` (the thread ran ${block.ranMs} and waited ${block.waitedMs}: ours ≈ ${ours.toFixed(0)} on a processor)`;
      }
      return `    ${block.ms} ms at ${(block.at / 1000).toFixed(2)} s${onProcessor}: ${top(whose, 4)}; most: ${top(outer, 3)}`;
    });
  if (oursOnProcessorMax !== undefined) lines.push(`    of these blocks, the most our code ran on a processor in one (estimate above): ${oursOnProcessorMax.toFixed(0)} ms`);
  return lines.join('\n');
}
