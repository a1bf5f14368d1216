import type { WorkerEndpoint, WorkerRequest, WorkerResponse } from '../core/worker/protocol';

/**
 * The worker's handler called on this thread, one request per turn of the event loop: same protocol,
 * no thread. Used where no worker bundle exists (tests run from source); it cannot be cut short, so
 * it has no time budget in practice. The parser is loaded on the first request, so that a process
 * which parses in worker threads never loads it.
 */
export function inProcessEndpoint(): WorkerEndpoint {
  let handler: Promise<(request: WorkerRequest) => WorkerResponse | undefined> | undefined;
  const listeners: ((response: WorkerResponse) => void)[] = [];
  let ended = false;
  return {
    post: (request) => {
      handler ??= import('../core/worker/handler').then((m) => m.createRequestHandler());
      void handler.then((handle) =>
        setTimeout(() => {
          if (ended) return;
          const response = handle(structuredClone(request));
          if (response && !ended) for (const listener of listeners) listener(structuredClone(response));
        }, 0),
      );
    },
    onMessage: (listener) => void listeners.push(listener),
    onError: () => undefined,
    terminate: () => void (ended = true),
    interruptible: false,
  };
}
