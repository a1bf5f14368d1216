import type { WorkerEndpoint, WorkerRequest, WorkerResponse } from '../core/worker/protocol';

type Handle = (request: WorkerRequest) => WorkerResponse | undefined;

/**
 * A request handler called on the caller's own thread, one request per turn of the event loop: the
 * worker protocol without a thread. It cannot be cut short, so it gets no time budget. `load` is called
 * on the first request (a process that parses in workers never loads the parser here).
 */
export function endpointOnThisThread(load: () => Handle | Promise<Handle>): WorkerEndpoint {
  let handler: Promise<Handle> | undefined;
  const listeners: ((response: WorkerResponse) => void)[] = [];
  let ended = false;
  return {
    post: (request) => {
      handler ??= Promise.resolve().then(load);
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
