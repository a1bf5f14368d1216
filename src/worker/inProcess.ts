import type { WorkerEndpoint } from '../core/worker/protocol';
import { endpointOnThisThread } from './onThisThread';

/**
 * The worker's handler called on this thread: same protocol, no thread. Used where no worker bundle
 * exists (tests run from source); it cannot be cut short, so it has no time budget in practice. The
 * parser is loaded on the first request, so that a process which parses in worker threads never loads it.
 */
export function inProcessEndpoint(): WorkerEndpoint {
  return endpointOnThisThread(() => import('../core/worker/handler').then((m) => m.createRequestHandler()));
}
