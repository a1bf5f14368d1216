// The same parse worker as a browser Web Worker, for the web extension host: only the glue differs.
import { createRequestHandler } from '../core/worker/handler';
import type { WorkerRequest } from '../core/worker/protocol';

interface WorkerScope {
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
  postMessage(message: unknown): void;
}
declare const self: WorkerScope;

const handle = createRequestHandler();
self.onmessage = (event) => {
  const response = handle(event.data);
  if (response) self.postMessage(response);
};
self.postMessage({ type: 'ready' });
