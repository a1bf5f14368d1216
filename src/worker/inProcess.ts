import { createRequestHandler } from '../core/worker/handler';
import type { WorkerEndpoint, WorkerResponse } from '../core/worker/protocol';

/**
 * The worker's handler called on this thread, one request per turn of the event loop: same protocol,
 * no thread. Used where no worker bundle exists (tests run from source); it cannot be cut short, so
 * it has no time budget in practice.
 */
export function inProcessEndpoint(): WorkerEndpoint {
  const handle = createRequestHandler();
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
