/**
 * How long the extension host's thread was kept from running a 10 ms timer, by phase of the bench, and the
 * largest heap it saw. Runs on the same thread as every extension of the host, ours included.
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { threadSchedule } from '../integration/support/threadTime';

export interface Block {
  /** Milliseconds the timer fired late. */
  ms: number;
  /** When the late tick ran (the end of the block), in ms since the monitor started. */
  at: number;
  /**
   * Of the time since the last tick, ms this thread ran on a processor and ms it was ready but waited for one
   * (Linux's /proc schedstat; absent elsewhere). A block mostly spent waiting is the machine's load, not this thread's work.
   */
  ranMs?: number;
  waitedMs?: number;
  /** Of the block, ms this thread spent in V8's collections of its heap (the pauses the `gc` performance entries report). */
  gcMs?: number;
  /** The kinds of those collections: minor (a scavenge of the young objects), major (mark-compact), incremental, weak. */
  gcKinds?: string[];
  /** When the block started (performance.now()): its collections are read when the stats are. */
  from: number;
}

export interface PhaseStats {
  worst: number;
  over50: number;
  /**
   * Of the stretches between two ticks, the most this thread ran on a processor in one, and how many times it ran
   * over 50 ms in one: the thread kept busy by work (anyone's), where a block may also be time spent waiting for a
   * processor (Linux only: absent elsewhere).
   */
  worstRan?: number;
  ranOver50?: number;
  ticks: number;
  /** The longest blocks, longest first. */
  longest: Block[];
  peakHeapMb: number;
  peakRssMb: number;
}

const INTERVAL_MS = 10;
const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak',
};
const KEEP = 8;

export class LagMonitor {
  private readonly started = performance.now();
  private readonly phases = new Map<string, PhaseStats>();
  private phase = 'start';
  private last = performance.now();
  private ticks = 0;
  /** Time the bench itself held the thread since the last tick (its forced collections): not counted as a block. */
  private excludedMs = 0;
  private readonly timer: ReturnType<typeof setInterval>;
  private lastSched = threadSchedule();
  /** The collections' pauses on this thread (start and end, performance.now()), delivered after they happen. */
  private readonly collections: { start: number; end: number; kind: string }[] = [];
  private readonly gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = GC_KINDS[(entry as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'other';
      this.collections.push({ start: entry.startTime, end: entry.startTime + entry.duration, kind });
    }
  });

  constructor() {
    this.timer = setInterval(() => this.tick(), INTERVAL_MS);
    this.gcObserver.observe({ entryTypes: ['gc'] });
    this.sampleMemory();
  }

  /** Starts counting into another phase; returns the stats of the one that ended. */
  enter(phase: string): PhaseStats {
    const ended = this.stats(this.phase);
    this.phase = phase;
    this.last = performance.now();
    return ended;
  }

  /** A phase's figures so far, its longest blocks with the collections in them. */
  stats(phase: string): PhaseStats {
    return this.countCollections(this.phaseStats(phase));
  }

  private phaseStats(phase: string): PhaseStats {
    let s = this.phases.get(phase);
    if (!s) this.phases.set(phase, (s = { worst: 0, over50: 0, ticks: 0, longest: [], peakHeapMb: 0, peakRssMb: 0 }));
    return s;
  }

  /** Runs the bench's own work (a forced collection to weigh the heap) without counting its time as a block. */
  excluding<T>(run: () => T): T {
    const start = performance.now();
    try {
      return run();
    } finally {
      this.excludedMs += performance.now() - start;
    }
  }

  /** Milliseconds since the monitor started, the clock of Block.at. */
  now(): number {
    return performance.now() - this.started;
  }

  dispose(): void {
    clearInterval(this.timer);
    this.gcObserver.disconnect();
  }

  private countCollections(s: PhaseStats): PhaseStats {
    for (const block of s.longest) {
      const end = block.from + block.ms + INTERVAL_MS;
      let gcMs = 0;
      const kinds = new Set<string>();
      for (const c of this.collections) {
        const overlap = Math.min(c.end, end) - Math.max(c.start, block.from);
        if (overlap <= 0) continue;
        gcMs += overlap;
        kinds.add(c.kind);
      }
      block.gcMs = Math.round(gcMs);
      block.gcKinds = [...kinds];
    }
    return s;
  }

  private tick(): void {
    const now = performance.now();
    const late = now - this.last - INTERVAL_MS - this.excludedMs;
    const excluded = this.excludedMs;
    this.last = now;
    this.excludedMs = 0;
    const sched = threadSchedule();
    const s = this.phaseStats(this.phase);
    s.ticks++;
    if (late > s.worst) s.worst = late;
    if (late > 50) s.over50++;
    const since = sched && this.lastSched ? { ranMs: sched.ranMs - this.lastSched.ranMs, waitedMs: sched.waitedMs - this.lastSched.waitedMs } : undefined;
    if (since) {
      const ran = since.ranMs - excluded;
      s.worstRan = Math.max(s.worstRan ?? 0, ran);
      if (ran > 50) s.ranOver50 = (s.ranOver50 ?? 0) + 1;
    }
    if (late > 20 && (s.longest.length < KEEP || late > s.longest[s.longest.length - 1].ms)) {
      const split = since ? { ranMs: Math.round(since.ranMs), waitedMs: Math.round(since.waitedMs) } : {};
      s.longest.push({ ms: Math.round(late), at: Math.round(now - this.started), from: now - late - INTERVAL_MS, ...split });
      s.longest.sort((a, b) => b.ms - a.ms);
      s.longest.length = Math.min(s.longest.length, KEEP);
    }
    if (++this.ticks % 10 === 0) this.sampleMemory();
    this.lastSched = sched;
  }

  /** The host's heap (this thread's V8 isolate; the parse workers have their own) and the whole process's resident set. */
  private sampleMemory(): void {
    const m = process.memoryUsage();
    const s = this.phaseStats(this.phase);
    s.peakHeapMb = Math.max(s.peakHeapMb, m.heapUsed / 1048576);
    s.peakRssMb = Math.max(s.peakRssMb, m.rss / 1048576);
  }
}
