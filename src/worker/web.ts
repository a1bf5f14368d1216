// dist/web/worker.js, one file for two uses on the web, as dist/worker.js is on the desktop (./desktop.ts):
// started as a Web Worker it is the parse worker; evaluated by the extension (src/features/shared/webBundle.ts,
// with STAR_ANSWERS_LIBRARY set) it only gives the renderer and the completion probes, which the
// extension bundle does not carry. One copy of the markdown pipeline in the .vsix.
import { createRequestHandler } from '../core/worker/handler';
import type { WorkerRequest } from '../core/worker/protocol';
import { toWire, toWireMessages } from '../core/worker/wire';

export * from '../core/render/lazyEntry';
export { completeSections } from '../core/complete';
/** For a host that cannot start a Web Worker: the same handler on its own thread (src/worker/spawnWeb.ts). */
export { createRequestHandler };

interface WorkerScope {
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
  postMessage(message: unknown): void;
}
declare const self: WorkerScope;
/** Defined (true) only when the extension evaluates this file as a library: then nothing listens for messages. */
declare const STAR_ANSWERS_LIBRARY: boolean | undefined;

if (typeof STAR_ANSWERS_LIBRARY === 'undefined') {
  const handle = createRequestHandler();
  self.onmessage = (event) => {
    const response = handle(event.data, (message) => self.postMessage(toWire(message)));
    if (response) for (const message of toWireMessages(response)) self.postMessage(message);
  };
  self.postMessage({ type: 'ready' });
}
