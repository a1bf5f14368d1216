// The parse worker as a Web Worker started by the web extension host (itself a worker: VS Code's web worker
// extension host lets an extension start nested workers with `new Worker(url)`).
import type { WorkerEndpoint, WorkerRequest, WorkerResponse } from '../core/worker/protocol';
import { wireReader, type WireMessage } from '../core/worker/wire';

export interface WebWorkerScript {
  /** An address the browser can start the worker bundle from. */
  url(): Promise<string>;
  /** Where no Web Worker can be started: the same handler on this thread (no time budget). `reason` says why. */
  onThisThread(reason: string): Promise<WorkerEndpoint>;
}

/** Where the requests of an endpoint are answered. */
export type ParsedWhere = 'web worker' | 'extension host thread';

/**
 * One parse worker. The script's address is known asynchronously, so requests wait here until the worker
 * exists; the pool's time budget starts with the worker's `ready`. If the worker cannot be created or fails
 * to load (before `ready`), its requests are answered on this thread instead and `where` says so.
 */
export function spawnWebWorker(script: WebWorkerScript, name = 'STAR Answers parser'): WorkerEndpoint & { readonly where: ParsedWhere } {
  const messageListeners: ((response: WorkerResponse) => void)[] = [];
  const errorListeners: ((error: unknown) => void)[] = [];
  /** Posted before there was anything to post to. */
  const queued: WorkerRequest[] = [];
  /** Parse requests not answered yet: the fallback answers them if the worker never loaded. */
  const unanswered = new Map<number, WorkerRequest>();
  let target: Pick<WorkerEndpoint, 'post' | 'terminate'> | undefined;
  let where: ParsedWhere = 'web worker';
  let loaded = false;
  let ended = false;

  const deliver = (response: WorkerResponse) => {
    if (ended) return;
    if (response.type === 'ready') loaded = true;
    else unanswered.delete(response.id);
    for (const listener of messageListeners) listener(response);
  };
  const fail = (error: unknown) => {
    if (!ended) for (const listener of errorListeners) listener(error);
  };
  const attach = (to: Pick<WorkerEndpoint, 'post' | 'terminate'>) => {
    target = to;
    for (const request of queued.splice(0)) to.post(request);
  };
  const fallBack = async (reason: string) => {
    target = undefined; // requests wait for the fallback
    const endpoint = await script.onThisThread(reason);
    if (ended) return endpoint.terminate();
    where = 'extension host thread';
    endpoint.onMessage(deliver);
    endpoint.onError(fail);
    // Every request not answered, in the order posted (a Map keeps it); what the worker kept is lost anyway.
    queued.splice(0, queued.length, ...unanswered.values());
    attach(endpoint);
  };

  void script
    .url()
    .then((url) => {
      if (ended) return;
      if (typeof Worker !== 'function') return fallBack('this extension host has no Worker');
      let worker: Worker;
      try {
        worker = new Worker(url, { name });
      } catch (error) {
        return fallBack(`new Worker() failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      const read = wireReader(deliver);
      worker.onmessage = (event: MessageEvent<WireMessage>) => read(event.data);
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        const message = event.message || 'the worker script could not be loaded';
        if (loaded) return fail(new Error(message));
        worker.terminate();
        void fallBack(`the worker did not load: ${message}`).catch(fail);
      };
      attach({ post: (request) => worker.postMessage(request), terminate: () => worker.terminate() });
    })
    .catch(fail);

  return {
    post: (request) => {
      if (request.type === 'parse') unanswered.set(request.id, request);
      if (target) target.post(request);
      else queued.push(request);
    },
    onMessage: (listener) => void messageListeners.push(listener),
    onError: (listener) => void errorListeners.push(listener),
    terminate: () => {
      ended = true;
      target?.terminate();
    },
    get where() {
      return where;
    },
  };
}
