import type { WorkerEndpoint, WorkerRequest, WorkerResponse } from '../core/worker/protocol';

/**
 * A request handler called on the caller's own thread, one request per turn of the event loop: the
 * worker protocol without a thread. It cannot be cut short, so it gets no time budget.
 */
export function endpointOnThisThread(handle: (request: WorkerRequest) => WorkerResponse | undefined): WorkerEndpoint {
  const listeners: ((response: WorkerResponse) => void)[] = [];
  let ended = false;
  return {
    post: (request) =>
      setTimeout(() => {
        if (ended) return;
        const response = handle(structuredClone(request));
        if (response && !ended) for (const listener of listeners) listener(structuredClone(response));
      }, 0),
    onMessage: (listener) => void listeners.push(listener),
    onError: () => undefined,
    terminate: () => void (ended = true),
    interruptible: false,
  };
}
