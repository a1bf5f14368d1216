import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerEndpoint } from '../core/worker/protocol';
import { wireReader } from '../core/worker/wire';

/**
 * Starts the bundled parse worker (dist/worker.js, beside the bundle that calls this) as a Node worker
 * thread. `file` overrides it (the unit tests run the TypeScript entry through tsx). `youngGenerationMb`: room for
 * short-lived objects before a collection (V8's default when absent).
 */
export function spawnNodeWorker(file = path.join(__dirname, 'worker.js'), options: { youngGenerationMb?: number } = {}): WorkerEndpoint {
  const worker = new Worker(file, options.youngGenerationMb ? { resourceLimits: { maxYoungGenerationSizeMb: options.youngGenerationMb } } : undefined);
  return {
    post: (request) => worker.postMessage(request),
    onMessage: (listener) => worker.on('message', wireReader(listener)),
    onError: (listener) => {
      worker.on('error', listener);
      worker.on('exit', (code) => code !== 0 && listener(new Error(`the worker exited with code ${code}`)));
    },
    terminate: () => void worker.terminate(),
  };
}

