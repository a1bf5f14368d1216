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

/**
 * Processor time so far of this process's child processes that are still running (the parse processes on the
 * desktop), in ms, from Linux's /proc (user and system clock ticks, assumed 100 a second); undefined elsewhere.
 */
export function childProcessesCpuMs(): number | undefined {
  try {
    let ticks = 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      // Fields after the command's closing parenthesis: state, ppid, …, utime (12th), stime (13th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === process.pid) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * 10;
  } catch {
    return undefined;
  }
}
