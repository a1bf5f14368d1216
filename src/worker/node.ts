// The parse worker on the desktop and in the CLI: a Node worker_threads worker around the host-free handler, or,
// started by spawnProcess.ts, a child process answering on its IPC channel.
import { parentPort } from 'node:worker_threads';
import { createRequestHandler } from '../core/worker/handler';
import type { WorkerRequest, WorkerResponse } from '../core/worker/protocol';
import { toWire, toWireMessages, type WireMessage } from '../core/worker/wire';
import { PARSE_PROCESS_ENV } from './parseProcessEnv';

interface Channel {
  send(message: WireMessage | WorkerResponse): void;
  onRequest(listener: (request: WorkerRequest) => void): void;
}

function channel(): Channel | undefined {
  if (parentPort) {
    const port = parentPort;
    return { send: (m) => port.postMessage(m), onRequest: (listener) => port.on('message', listener) };
  }
  if (process.env[PARSE_PROCESS_ENV] !== '1' || !process.send) return undefined;
  // The extension host went away (even killed): nothing will ask this process anything again.
  process.on('disconnect', () => process.exit(0));
  return { send: (m) => process.send!(m), onRequest: (listener) => process.on('message', listener) };
}

const port = channel();
if (port) {
  const handle = createRequestHandler();
  port.onRequest((request) => {
    const response = handle(request, (message) => port.send(toWire(message)));
    if (response) for (const message of toWireMessages(response)) port.send(message);
  });
  port.send({ type: 'ready' });
}
