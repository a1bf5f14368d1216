import os from 'node:os';
import path from 'node:path';
import { PARSE_BUDGET_MS, overBudgetMessage } from '../core/limits';
import type { LintConfig } from '../core/lint/types';
import { ParseBudgetExceeded, WorkerPool } from '../core/worker/pool';
import type { ParseResponse } from '../core/worker/protocol';
import { defaultWorkerSpawner } from '../worker/defaultSpawner';
import { contentHash, ResultCache } from './cache';
import { pathOrderLocale } from './cacheRules';
import { type FileStamp, type InputFile, type PathSorter, sortPaths } from './files';
import type { RunOptions } from './runOptions';
import { VERSION as TOOL_VERSION } from './version';

/** What a command keeps of one file's parse. */
export type FileOutcome<T> = { ok: true; result: T } | { ok: false; problem: string };

/**
 * Reads every file in worker threads (at most `jobs` at once, each within the time budget) and hands
 * the outcomes back in the order of the files, from the cache when nothing changed.
 */
export async function runOverFiles<T>(
  command: string,
  files: InputFile[],
  options: RunOptions & {
    cwd: string;
    settingsOf: (file: InputFile) => { config?: LintConfig; key: string };
    /** Files that cannot hold a story may skip the parse. */
    skipStoryless: (file: InputFile) => boolean;
    /** The command keeps only the findings: the worker need not send the model back. */
    findingsOnly?: boolean;
    keep: (file: InputFile, response: ParseResponse) => T;
    /** The command's cache, opened by `openRunCache` (else opened here when the options ask for one). */
    cache?: ResultCache<FileOutcome<T>>;
    /** Workers started ahead (`workersAhead`): used, and ended, here. */
    pool?: WorkerPool;
  },
): Promise<FileOutcome<T>[]> {
  const cache = options.cache ?? (await openRunCache<T>(command, options, options.cwd));
  let pool = options.pool;
  try {
    const outcomes = files.map(async (file, i): Promise<FileOutcome<T>> => {
      const settings = options.settingsOf(file);
      const where = path.resolve(options.cwd, file.path);
      // A file known unchanged by its stamp was not read: its kept result, unless the settings changed.
      let cached = file.stat && file.stat.readAt === undefined ? cache?.getUnchanged(where, settings.key) : undefined;
      if (cached) return cached;
      const hash = cache ? contentHash(file.text) : '';
      cached = cache?.get(where, hash, settings.key);
      if (cached) {
        if (file.stat) cache!.restamp(where, file.stat);
        return cached;
      }
      pool ??= workerPool(options, Math.min(jobsOf(options.jobs), files.length));
      let outcome: FileOutcome<T>;
      try {
        const response = await pool.parse({ key: file.path, version: i, text: file.text, fileName: file.path, skipStoryless: options.skipStoryless(file), lint: settings.config, findingsOnly: options.findingsOnly });
        outcome = { ok: true, result: options.keep(file, response) };
      } catch (error) {
        if (!(error instanceof ParseBudgetExceeded)) throw error;
        outcome = { ok: false, problem: overBudgetMessage(error.budgetMs) };
      }
      cache?.set(where, hash, settings.key, outcome, file.stat);
      return outcome;
    });
    const all = await Promise.all(outcomes);
    await cache?.save();
    return all;
  } finally {
    (pool as WorkerPool | undefined)?.dispose();
  }
}

/**
 * Runs a command's work with its workers started ahead when it has no cache (it parses every file then): they load
 * their bundle while the files are listed and read (on the bench's 2 MB bank the first 0.2 s of a cold run were this
 * thread's alone). `work` hands the pool to `runOverFiles`; it is ended here if the work stops before.
 */
export async function withWorkersAhead<R>(options: RunOptions, cache: ResultCache<unknown> | undefined, work: (run: RunOptions & { pool?: WorkerPool }) => Promise<R>): Promise<R> {
  const pool = cache ? undefined : workerPool(options, jobsOf(options.jobs));
  pool?.startWorkers();
  try {
    return await work({ ...options, ...(pool ? { pool } : {}) });
  } finally {
    pool?.dispose();
  }
}

function workerPool(options: RunOptions, size: number): WorkerPool {
  return new WorkerPool({ size, spawn: options.spawn ?? defaultWorkerSpawner(), budgetMs: options.budgetMs ?? PARSE_BUDGET_MS });
}

/** The command's result cache when the options ask for one (--cache, --cache-location). */
export async function openRunCache<T>(command: string, options: RunOptions, cwd: string): Promise<ResultCache<FileOutcome<T>> | undefined> {
  return options.cacheLocation !== undefined ? ResultCache.open<FileOutcome<T>>(path.resolve(cwd, options.cacheLocation), command, TOOL_VERSION) : undefined;
}

/**
 * How `readInputs` orders what a folder or a glob found: as the last run did when it found the same files (the
 * collator behind the name order costs about 10 ms to make), else by name. The order depends on the locale
 * (`pathOrderLocale`): the key holds it.
 */
export function orderIn<T>(cache: ResultCache<T> | undefined): PathSorter | undefined {
  if (!cache) return undefined;
  const locale = pathOrderLocale();
  return (files, key) => {
    const keyed = `${key} (${locale})`;
    const before = cache.sortedBefore(keyed, files);
    if (before) return before;
    const sorted = sortPaths(files);
    cache.rememberOrder(keyed, sorted);
    return sorted;
  };
}

/** What `readInputs` may leave unread: files the cache knows unchanged by their stamp. */
export function unchangedIn<T>(cache: ResultCache<T> | undefined): ((absolute: string, stamp: FileStamp) => boolean) | undefined {
  return cache && ((absolute, stamp) => cache.unchanged(absolute, stamp));
}

export function jobsOf(jobs: number | undefined): number {
  return jobs && jobs > 0 ? jobs : Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}
