import path from 'node:path';
import type { WorkerEndpoint, WorkerRequest, WorkerResponse } from '../core/worker/protocol';
import { spawnNodeWorker } from './spawnNode';
import { spawnNodeProcess } from './spawnProcess';

/** Where the requests of a desktop parse worker are answered. */
export type DesktopWhere = 'node process' | 'node worker';

/** A parse process could not start here once: every later worker is a thread, without trying again. */
let processesFailed = false;

/**
 * One parse worker on the desktop: a child process (spawnProcess.ts). Where a process cannot start, or dies before
 * it has loaded, a worker thread of the extension host takes its place and its requests, and `where` says so; `log`
 * is told why, once.
 */
export function spawnDesktopWorker(
  options: { file?: string; log?: (message: string) => void; /** Tests: the program a process would run. */ execPath?: string } = {},
): WorkerEndpoint & { readonly where: DesktopWhere } {
  const file = options.file ?? path.join(__dirname, 'worker.js');
  const messageListeners: ((response: WorkerResponse) => void)[] = [];
  const errorListeners: ((error: unknown) => void)[] = [];
  /** Parse requests not answered yet: the thread answers them if the process never loaded. */
  const unanswered = new Map<number, WorkerRequest>();
  let where: DesktopWhere = 'node process';
  let loaded = false;
  let ended = false;
  let target: WorkerEndpoint;

  const attach = (endpoint: WorkerEndpoint) => {
    target = endpoint;
    endpoint.onMessage((response) => {
      if (target !== endpoint || ended) return;
      if (response.type === 'ready') loaded = true;
      else if (response.type !== 'nested') unanswered.delete(response.id);
      for (const listener of messageListeners) listener(response);
    });
    endpoint.onError((error) => {
      if (target !== endpoint || ended) return;
      if (!loaded && where === 'node process') return fallBack(error);
      for (const listener of errorListeners) listener(error);
    });
  };
  const fallBack = (error: unknown) => {
    if (!processesFailed) options.log?.(`STAR Answers: story files are read in worker threads of the extension host: a parse process could not start (${error instanceof Error ? error.message : String(error)}).`);
    processesFailed = true;
    target?.terminate();
    where = 'node worker';
    attach(spawnNodeWorker(file));
    // Every request not answered, in the order posted (a Map keeps it).
    for (const request of unanswered.values()) target.post(request);
  };

  if (processesFailed) {
    where = 'node worker';
    attach(spawnNodeWorker(file));
  } else {
    try {
      attach(spawnNodeProcess(file, { execPath: options.execPath }));
    } catch (error) {
      fallBack(error);
    }
  }

  return {
    post: (request) => {
      if (request.type === 'parse') unanswered.set(request.id, request);
      target.post(request);
    },
    onMessage: (listener) => void messageListeners.push(listener),
    onError: (listener) => void errorListeners.push(listener),
    terminate: () => {
      ended = true;
      target.terminate();
    },
    get where() {
      return where;
    },
  };
}

/** For tests: forget that a process failed to start. */
export function resetDesktopWorkerFallback(): void {
  processesFailed = false;
}
