import path from 'node:path';
import type { WorkerEndpoint } from '../core/worker/protocol';

// The options every command shares, read without loading what runs the commands (the CLI's quick answer
// for an unchanged bank, src/cli/lastRun.ts, reads them too).

/** Where `--cache` keeps results unless `--cache-location` says otherwise, as other linters of this ecosystem do. */
export const DEFAULT_CACHE_DIR = path.join('node_modules', '.cache', 'star-answers');

/** Options every command shares: parallel workers and the cache. */
export interface RunOptions {
  /** Worker threads; default: the machine's available parallelism. */
  jobs?: number;
  /** Keep results between runs (a folder; undefined: no cache). */
  cacheLocation?: string;
  /** Starts one worker (tests); default: the bundled worker, or in-process from source. */
  spawn?: () => WorkerEndpoint;
  budgetMs?: number;
}

/** Reads --jobs N, --cache and --cache-location P out of argv; returns the rest, or a usage problem. */
export function takeRunOptions(argv: string[]): { options: RunOptions; rest: string[] } | string {
  const options: RunOptions = {};
  const rest: string[] = [];
  let cache = false;
  let location: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (name === '--jobs' || name === '-j') {
      const raw = inline ?? argv[++i];
      if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < 1) return `--jobs needs a whole number of 1 or more, not ${raw === undefined ? 'nothing' : `"${raw}"`}`;
      options.jobs = Number(raw);
    } else if (name === '--cache') cache = true;
    else if (name === '--cache-location') {
      location = inline ?? argv[++i];
      if (!location) return '--cache-location needs a folder';
      cache = true;
    } else rest.push(arg);
  }
  if (cache) options.cacheLocation = location ?? DEFAULT_CACHE_DIR;
  return { options, rest };
}

export const RUN_USAGE = `  --jobs N             read files in N worker threads (default: the machine's available parallelism)
  --cache              keep results in node_modules/.cache/star-answers and re-read only changed files
  --cache-location P   keep them in folder P instead`;
