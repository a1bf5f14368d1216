// The parse worker on the desktop and in the CLI: a Node worker_threads worker around the host-free handler.
import { parentPort } from 'node:worker_threads';
import { createRequestHandler } from '../core/worker/handler';
import type { WorkerRequest } from '../core/worker/protocol';
import { toWire } from '../core/worker/wire';

const handle = createRequestHandler();
parentPort?.on('message', (request: WorkerRequest) => {
  const response = handle(request, (message) => parentPort!.postMessage(toWire(message)));
  if (response) parentPort!.postMessage(toWire(response));
});
parentPort?.postMessage({ type: 'ready' });
