import fs from 'node:fs';

/**
 * This (main) thread's time on a processor and waiting in the run queue so far, in ms (Linux's /proc schedstat);
 * undefined elsewhere. A stall mostly spent waiting is the machine's load, not this thread's work.
 */
export function threadSchedule(): { ranMs: number; waitedMs: number } | undefined {
  try {
    const [ran, waited] = fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { ranMs: ran / 1e6, waitedMs: waited / 1e6 };
  } catch {
    return undefined;
  }
}
